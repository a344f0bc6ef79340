package io.branchbox.rig.bench;

import io.branchbox.firmware.uplink.Outbox;
import io.branchbox.firmware.uplink.Priority;
import io.branchbox.firmware.uplink.UplinkPayloads;
import io.branchbox.time.ExecutorScheduler;
import io.branchbox.time.ThreadNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On-box queue size for a day offline: appends to a real {@link Outbox} what the box queues in
 * 24 hours without a broker (health every 60 s, figures every 15 min, {@code alarms} alarms, and
 * the id the service reserves for the Will of each connect attempt at the 5-minute backoff cap),
 * closes it and measures {@code outbox.log} on disk. Payloads are built by
 * {@link UplinkPayloads} from reports shaped as the real ones ({@link ReportSamples}).
 *
 * <p>Run: {@code java -cp ... io.branchbox.rig.bench.OutboxSizeBench [days] [alarms per day]},
 * default 1 day and 50 alarms. Deterministic: the file size does not depend on machine load.
 */
public final class OutboxSizeBench {

    private static final Logger log = LoggerFactory.getLogger(OutboxSizeBench.class);

    private OutboxSizeBench() {}

    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int alarms = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path dir = Files.createTempDirectory("outbox-size");
        try {
            UplinkPayloads payloads = new UplinkPayloads("north-07", "b1");
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            int health = 0;
            int figures = 0;
            int attempts = 0;
            // the outbox's once-a-second force runs as in the box; the size on disk does not depend on it
            try (ExecutorScheduler scheduler = new ExecutorScheduler(ThreadNames.BENCH + "outbox", Clock.fixed(t, ZoneOffset.UTC));
                    Outbox box = Outbox.open(dir, 50_000, scheduler)) {
                for (int day = 0; day < days; day++) {
                    for (int minute = 0; minute < 24 * 60; minute++) {
                        Instant now = t.plus(Duration.ofMinutes(day * 1440L + minute));
                        long n = health++;
                        box.append(Priority.HEALTH, id -> payloads.health(id, now, ReportSamples.health(n)));
                        if (minute % 15 == 0) {
                            figures++;
                            box.append(Priority.FIGURES, id -> payloads.figures(id, now, now.minus(Duration.ofMinutes(15)),
                                    now, ReportSamples.figures()));
                        }
                        if (minute % 5 == 0) {
                            attempts++;
                            box.reserveId();
                        }
                    }
                    for (int i = 0; i < alarms; i++) {
                        int k = i;
                        Instant at = t.plus(Duration.ofMinutes(day * 1440L + i * 25L));
                        box.append(Priority.ALARM, id -> payloads.alarm(id, at, ReportSamples.alarm(k)));
                    }
                }
                long queued = box.size();
                box.force();
                long bytes = Files.size(dir.resolve("outbox.log"));
                log.info("{} day(s) offline: {} health, {} figures, {} alarms queued ({} messages), {} Will ids "
                        + "reserved: outbox.log {} bytes = {} KiB, {} bytes per message; capacity 50,000 "
                        + "messages lasts {} days at this rate", days, health, figures, alarms * days, queued,
                        attempts, bytes, bytes / 1024, bytes / queued, 50_000 / (queued / days));
            }
        } finally {
            UplinkDrainBench.deleteTree(dir);
        }
    }
}
