package io.branchbox.firmware.uplink;

import io.branchbox.time.ExecutorScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A box in a separate JVM, so that {@link UplinkLastWillTest} can kill it the way a power cut
 * would: no DISCONNECT, no shutdown hook, just a dead TCP connection. Arguments: broker URI, data
 * directory, protocol ({@code MQTT_5} or {@code MQTT_3_1_1}). Runs until killed.
 */
public final class UplinkChildProcess {

    private UplinkChildProcess() {}

    public static void main(String[] args) throws InterruptedException {
        ExecutorScheduler scheduler = new ExecutorScheduler("uplink-child", Clock.systemUTC());
        UplinkSettings settings = BrokerTests.settings(args[0], Duration.ofMillis(200))
                .withProtocol(UplinkSettings.Protocol.valueOf(args[2]));
        UplinkService uplink = new UplinkService(settings,
                Path.of(args[1]), scheduler, () -> Map.of("process", "child"), null);
        uplink.start();
        new CountDownLatch(1).await();
    }
}
