package io.branchbox.firmware.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.time.ManualScheduler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drain order, acknowledgement, durability across reopen, and the drop policy of the outbox. */
class OutboxTest {

    @TempDir
    Path dir;

    private final ManualScheduler scheduler = new ManualScheduler();

    @Test
    void drainsByPriorityThenFifoAndSkipsInFlight() throws Exception {
        try (Outbox box = Outbox.open(dir, 100, scheduler)) {
            long h1 = add(box, Priority.HEALTH);
            long f1 = add(box, Priority.FIGURES);
            long a1 = add(box, Priority.ALARM);
            long h2 = add(box, Priority.HEALTH);
            long a2 = add(box, Priority.ALARM);

            assertEquals(List.of(a1, a2, f1, h1, h2), ids(box.next(10, id -> false)));
            assertEquals(List.of(a2, f1), ids(box.next(2, id -> id == a1)));
        }
    }

    @Test
    void ackedMessagesStayGoneAndTheRestSurvivesReopen() throws Exception {
        long kept;
        long lastId;
        try (Outbox box = Outbox.open(dir, 100, scheduler)) {
            long acked = add(box, Priority.ALARM);
            kept = add(box, Priority.HEALTH);
            lastId = box.reserveId();
            box.ack(acked);
            box.ack(acked);
        }
        try (Outbox box = Outbox.open(dir, 100, scheduler)) {
            assertEquals(List.of(kept), ids(box.next(10, id -> false)));
            assertEquals("{\"n\":" + kept + "}", new String(box.next(1, id -> false).get(0).payload(), StandardCharsets.UTF_8));
            assertTrue(add(box, Priority.HEALTH) > lastId, "ids are never reused, even reserved ones");
        }
    }

    @Test
    void tornTailAfterPowerCutLosesOnlyTheTornMessage() throws Exception {
        long first;
        try (Outbox box = Outbox.open(dir, 100, scheduler)) {
            first = add(box, Priority.FIGURES);
            add(box, Priority.FIGURES);
        }
        Path file = dir.resolve(Outbox.FILE_NAME);
        long size = Files.size(file);
        try (var ch = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
            ch.truncate(size - 2);
        }
        try (Outbox box = Outbox.open(dir, 100, scheduler)) {
            assertEquals(List.of(first), ids(box.next(10, id -> false)));
            long next = add(box, Priority.FIGURES);
            assertTrue(next > first);
        }
    }

    @Test
    void fullOutboxDropsOldestHealthFirstAndAlarmsLast() throws Exception {
        try (Outbox box = Outbox.open(dir, 3, scheduler)) {
            long h1 = add(box, Priority.HEALTH);
            long f1 = add(box, Priority.FIGURES);
            long a1 = add(box, Priority.ALARM);

            long a2 = add(box, Priority.ALARM);
            assertFalse(box.contains(h1), "oldest health goes first");
            long a3 = add(box, Priority.ALARM);
            assertFalse(box.contains(f1), "then figures");
            long a4 = add(box, Priority.ALARM);
            assertFalse(box.contains(a1), "alarms only when nothing else is left");
            Outbox.Appended h2 = box.append(Priority.HEALTH, id -> "{}".getBytes(StandardCharsets.UTF_8));
            assertFalse(h2.queued(), "a health report does not push out an alarm");
            assertFalse(box.contains(h2.entry().id()));

            assertEquals(List.of(a2, a3, a4), ids(box.next(10, id -> false)));
            assertEquals(2, box.dropped(Priority.HEALTH));
            assertEquals(1, box.dropped(Priority.FIGURES));
            assertEquals(1, box.dropped(Priority.ALARM));
        }
        try (Outbox box = Outbox.open(dir, 3, scheduler)) {
            assertEquals(2, box.dropped(Priority.HEALTH), "drop counters survive restart and compaction");
            assertEquals(1, box.dropped(Priority.ALARM));
            assertEquals(3, box.size());
        }
    }

    @Test
    void forceTimerRunsEverySecondAndStopsOnClose() throws Exception {
        Outbox box = Outbox.open(dir, 10, scheduler);
        assertEquals(1, scheduler.pendingCount(), "one periodic force timer");
        add(box, Priority.HEALTH);
        scheduler.advance(Outbox.FORCE_PERIOD);
        box.close();
        scheduler.runPending();
        assertEquals(0, scheduler.pendingCount());
    }

    private static long add(Outbox box, Priority p) throws UplinkException {
        return box.append(p, id -> ("{\"n\":" + id + "}").getBytes(StandardCharsets.UTF_8)).entry().id();
    }

    private static List<Long> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::id).toList();
    }
}
