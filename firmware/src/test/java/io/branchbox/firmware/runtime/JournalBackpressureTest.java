package io.branchbox.firmware.runtime;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalDisk;
import io.branchbox.firmware.uplink.Alarm;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, problem 6 (the journal's part): while the journal's disk refuses or stalls writes,
 * events are held in memory, {@code JOURNAL_WRITE} is raised, and new calls are refused with
 * cause 42 before the backlog could grow until events are lost; when the disk comes back every
 * held event is written and calls are taken again.
 */
@Tag("faults")
class JournalBackpressureTest {

    @Test
    void aFailingDiskRaisesTheAlarmThenRefusesCallsWithCause42AndLosesNoEvent(@TempDir Path dir) throws Exception {
        JournalDisk disk = new JournalDisk();
        BoxFaults faults = new BoxFaults();
        try (EventJournal j = disk.open(dir, Clock.systemUTC())) {
            j.append("box.started", null, null, null, Map.of());
            j.flush();
            disk.full(true);
            long appended = 1 + append(j, JournalHealth.ALARM_AT);
            awaitFailure(j);
            JournalHealth.update(j, faults);
            assertEquals(Alarm.Severity.MAJOR, severity(faults), "alarm while events are held");
            FakeCall early = new FakeCall();
            assertTrue(JournalHealth.admit(j, early), "calls are still taken below the refusal mark");
            assertEquals(-1, early.cause);

            appended += append(j, JournalHealth.REFUSE_AT - JournalHealth.ALARM_AT);
            assertTrue(j.heldEvents() >= JournalHealth.REFUSE_AT, "held " + j.heldEvents());
            JournalHealth.update(j, faults);
            assertEquals(Alarm.Severity.CRITICAL, severity(faults));
            FakeCall refused = new FakeCall();
            assertFalse(JournalHealth.admit(j, refused));
            assertEquals(42, refused.cause, "switching equipment congestion: the network may route it elsewhere");

            disk.full(false);
            j.flush();
            assertEquals(appended, j.durableSeq(), "every held event written");
            assertEquals(0, j.heldEvents());
            JournalHealth.update(j, faults);
            assertFalse(faults.isRaised(JournalHealth.CODE), "cleared once the journal writes again");
            FakeCall later = new FakeCall();
            assertTrue(JournalHealth.admit(j, later));
        }
        try (EventJournal reopened = EventJournal.open(dir, Clock.systemUTC())) {
            List<Long> seqs = new ArrayList<>();
            reopened.replay(e -> seqs.add(e.seq()));
            assertEquals(1 + JournalHealth.REFUSE_AT, seqs.size(), "nothing lost on disk either");
            for (int i = 0; i < seqs.size(); i++) {
                assertEquals(i + 1, seqs.get(i), "no gap, no duplicate");
            }
        }
    }

    @Test
    void aStalledFsyncHoldsEventsAndRaisesTheAlarmWithoutAnError(@TempDir Path dir) throws Exception {
        JournalDisk disk = new JournalDisk();
        BoxFaults faults = new BoxFaults();
        try (EventJournal j = disk.open(dir, Clock.systemUTC())) {
            j.append("box.started", null, null, null, Map.of());
            j.flush();
            disk.stall();
            long appended = 1 + append(j, JournalHealth.ALARM_AT + 10);
            // the writer is stuck in the first batch's force: everything after it is held
            assertTrue(j.heldEvents() >= JournalHealth.ALARM_AT, "held " + j.heldEvents());
            JournalHealth.update(j, faults);
            assertTrue(faults.isRaised(JournalHealth.CODE), "a stall alone raises the alarm");
            disk.release();
            j.flush();
            assertEquals(appended, j.durableSeq());
            JournalHealth.update(j, faults);
            assertFalse(faults.isRaised(JournalHealth.CODE));
        }
    }

    private static long append(EventJournal j, long n) {
        for (long i = 0; i < n; i++) {
            j.append("call.started", "C" + i, null, "q", Map.of("direction", "IN"));
        }
        return n;
    }

    /** The writer has tried the full disk at least once (it keeps the failure until a write works). */
    private static void awaitFailure(EventJournal j) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (j.writeFailure() == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the journal never tried the full disk");
            }
            Thread.sleep(10);
        }
        assertNotNull(j.writeFailure());
    }

    private static Alarm.Severity severity(BoxFaults faults) {
        return faults.active().stream().filter(a -> a.code().equals(JournalHealth.CODE)).findFirst().orElseThrow().severity();
    }

    private static final class FakeCall implements TrunkCall {
        int cause = -1;
        final AtomicLong answers = new AtomicLong();

        @Override
        public String trunk() {
            return "span0/ts1";
        }

        @Override
        public int audioUnit() {
            return 0;
        }

        @Override
        public int audioChan() {
            return 1;
        }

        @Override
        public String callingNumber() {
            return "13800138000";
        }

        @Override
        public String calledNumber() {
            return "95598";
        }

        @Override
        public void answer() {
            answers.incrementAndGet();
        }

        @Override
        public void hangup(Q850Cause c) {
            cause = c.value();
        }
    }
}
