package io.branchbox.firmware.call;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes call ids that a technician can read aloud and sort: {@code 20261123-153012-0042},
 * local date and time of the call's start and a counter. The same id names the call in logs, call
 * records, recordings, MQTT reports and the web admin.
 *
 * <p>The counter starts at a value derived from the start time's milliseconds so that ids from
 * two runs in the same second do not collide. Thread-safe.
 */
public final class CallIds {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final Clock clock;
    private final ZoneId zone;
    private final AtomicInteger counter;

    public CallIds(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        this.counter = new AtomicInteger((int) (clock.millis() % 1000) * 10);
    }

    public String next() {
        int n = Math.floorMod(counter.incrementAndGet(), 10_000);
        return FORMAT.format(clock.instant().atZone(zone)) + "-" + String.format("%04d", n);
    }
}
