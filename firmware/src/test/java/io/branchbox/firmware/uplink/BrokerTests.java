package io.branchbox.firmware.uplink;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Shared bits of the tests that run the uplink against a real broker. */
final class BrokerTests {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String SITE = "s1";
    static final String BOX = "b1";

    private BrokerTests() {}

    /** Box settings for a Moquette test broker (MQTT 3.1.1; Moquette 0.17 has no MQTT 5). */
    static UplinkSettings settings(String uri, Duration reconnect) {
        return UplinkSettings.defaults(uri, SITE, BOX)
                .withProtocol(UplinkSettings.Protocol.MQTT_3_1_1)
                .withReconnect(reconnect, reconnect);
    }

    /** Polls {@code condition} every 10 ms until true or {@link #WAIT} is over. */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
