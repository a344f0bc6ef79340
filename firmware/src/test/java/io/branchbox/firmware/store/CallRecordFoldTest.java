package io.branchbox.firmware.store;

import static io.branchbox.firmware.journal.CallEventTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.branchbox.firmware.journal.JournalEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallRecordFoldTest {
    private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");

    @Test
    void answeredByAgent() {
        CallRecord r = fold(
                ev(0, CALL_STARTED, null, null, Map.of(DIRECTION, "IN", TRUNK, "span0/ts1", CALLING, "0301", CALLED, "100")),
                ev(1, CALL_ANSWERED, null, null, Map.of()),
                ev(2, CALL_QUEUED, null, "sales", Map.of()),
                ev(8, CALL_CONNECTED, "a7", "sales", Map.of(SEAT, "3")),
                ev(60, CALL_ENDED, null, null, Map.of(CAUSE, "16")));
        assertEquals(CallDisposition.ANSWERED, r.disposition());
        assertEquals(T0.plusSeconds(1), r.answeredAt());
        assertEquals("a7", r.agentId());
        assertEquals("3", r.seat());
        assertEquals("16", r.releaseCause());
        assertEquals(T0.plusSeconds(60), r.endedAt());
    }

    @Test
    void hangUpInQueueIsAbandoned() {
        CallRecord r = fold(ev(0, CALL_STARTED, null, null, Map.of(DIRECTION, "IN")),
                ev(1, CALL_ANSWERED, null, null, Map.of()),
                ev(2, CALL_QUEUED, null, "sales", Map.of()),
                ev(3, CALL_OFFERED, "a7", "sales", Map.of()),
                ev(30, CALL_ENDED, null, null, Map.of(CAUSE, "16")));
        assertEquals(CallDisposition.ABANDONED, r.disposition());
        assertNull(r.agentId());
    }

    @Test
    void unansweredOutboundFailsUnlessTheEventSaysOtherwise() {
        assertEquals(CallDisposition.FAILED, fold(ev(0, CALL_STARTED, null, null, Map.of(DIRECTION, "OUT")),
                ev(5, CALL_ENDED, null, null, Map.of(CAUSE, "34"))).disposition());
        assertEquals(CallDisposition.BUSY, fold(ev(0, CALL_STARTED, null, null, Map.of(DIRECTION, "OUT")),
                ev(5, CALL_ENDED, null, null, Map.of(CAUSE, "17", DISPOSITION, "BUSY"))).disposition());
    }

    @Test
    void badAttributeValuesFallBackInsteadOfFailing() {
        CallRecord r = fold(ev(0, CALL_STARTED, null, null, Map.of(DIRECTION, "SIDEWAYS")),
                ev(9, RECORDING_FINISHED, null, null, Map.of(FILE, "x.wav", DURATION_MS, "long")),
                ev(9, CALL_ENDED, null, null, Map.of(DISPOSITION, "MAYBE")));
        assertEquals(CallDirection.IN, r.direction());
        assertNull(r.recordingDurationMs());
        assertEquals("x.wav", r.recordingFile());
        assertEquals(CallDisposition.FAILED, r.disposition());
    }

    @Test
    void eventWithoutStartCreatesTheRecordAndNonCallEventsAreIgnored() {
        CallRecord r = CallRecordFold.apply(null, ev(4, CALL_ENDED, null, null, Map.of()));
        assertEquals(T0.plusSeconds(4), r.startedAt());
        assertEquals(T0.plusSeconds(4), r.endedAt());
        assertFalse(CallRecordFold.affectsRecord(ev(0, CALL_OFFERED, "a1", "q", Map.of())));
        assertFalse(CallRecordFold.affectsRecord(
                JournalEvent.of(T0, AGENT_STATE, null, "a1", null, Map.of(STATE, "READY"))));
    }

    private static CallRecord fold(JournalEvent... events) {
        CallRecord r = null;
        for (JournalEvent e : List.of(events)) {
            r = CallRecordFold.apply(r, e);
        }
        return r;
    }

    private static JournalEvent ev(int second, String type, String agent, String queue, Map<String, String> attrs) {
        return JournalEvent.of(T0.plusSeconds(second), type, "c1", agent, queue, attrs);
    }
}
