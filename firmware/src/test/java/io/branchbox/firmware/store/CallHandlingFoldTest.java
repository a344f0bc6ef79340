package io.branchbox.firmware.store;

import static io.branchbox.firmware.journal.CallEventTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.journal.JournalEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The call-handling part of the call-record fold: holds, transfers, wrap-up and the rest. */
class CallHandlingFoldTest {
    private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");

    @Test
    void holdsTransfersAndWrapUpAreFolded() {
        CallRecord r = fold(
                ev(0, CALL_STARTED, null, null, Map.of(DIRECTION, "IN", CALLING, "0301", CALLED, "100")),
                ev(2, CALL_QUEUED, null, "repair", Map.of(PRIORITY, "3")),
                ev(8, CALL_CONNECTED, "a1", "repair", Map.of(SEAT, "1")),
                ev(20, CALL_HELD, "a1", "repair", Map.of()),
                ev(30, CALL_RETRIEVED, "a1", "repair", Map.of()),
                // consulting puts the caller on hold: 40..55 is the second hold
                ev(40, CALL_CONSULT, "a1", "repair", Map.of(TO, "agent:a2")),
                ev(55, CALL_TRANSFERRED, "a1", "repair", Map.of(KIND, "ATTENDED", TO, "agent:a2")),
                ev(55, CALL_CONNECTED, "a2", "repair", Map.of(SEAT, "2")),
                ev(70, CALL_HELD, "a2", "repair", Map.of()),
                ev(71, CALL_HELD, "a2", "repair", Map.of()),
                // hung up while on hold: 70..75 is the third hold, counted once
                ev(75, CALL_ENDED, "a2", "repair", Map.of(CAUSE, "16")),
                ev(80, CALL_WRAPUP, "a2", "repair", Map.of(CODE, "FIXED", NOTES, "first try", CUSTOMER, "Li Wei")),
                ev(85, CALL_WRAPUP, "a2", "repair", Map.of(CODE, "FIXED", NOTES, "reset the modem", CUSTOMER, "Li Wei")));
        assertEquals("a1", r.agentId());
        assertEquals("1", r.seat());
        assertEquals(CallDisposition.ANSWERED, r.disposition());
        CallHandling h = r.handling();
        assertEquals(3, h.holds());
        assertEquals(10_000 + 15_000 + 5_000, h.holdMs());
        assertNull(h.heldSince());
        assertEquals(1, h.transfers());
        assertEquals("a2", h.lastAgentId());
        assertEquals(3, h.priority());
        assertEquals("FIXED", h.wrapUpCode());
        assertEquals("reset the modem", h.notes());
        assertEquals("Li Wei", h.customerName());
        assertFalse(h.nightService());
    }

    @Test
    void anOutboundCallLearnsItsChannelFromTheAnswerAndAnInboundOneKeepsItsOwn() {
        CallRecord out = fold(ev(0, CALL_STARTED, "a1", null, Map.of(DIRECTION, "OUT", TRUNK, "", CALLED, "13900000000")),
                ev(6, CALL_ANSWERED, null, null, Map.of(TRUNK, "span0/ts30")));
        assertEquals("span0/ts30", out.trunk());
        assertEquals(T0.plusSeconds(6), out.answeredAt());
        CallRecord in = fold(ev(0, CALL_STARTED, null, null, Map.of(DIRECTION, "IN", TRUNK, "span0/ts1")),
                ev(1, CALL_ANSWERED, null, null, Map.of(TRUNK, "span0/ts9")));
        assertEquals("span0/ts1", in.trunk());
    }

    @Test
    void nightVoicemailCallbackAndSurveyAreFlagged() {
        CallRecord night = fold(ev(0, CALL_STARTED, null, null, Map.of(DIRECTION, "IN")),
                ev(1, CALL_NIGHT, null, null, Map.of(ACTION, "VOICEMAIL")),
                ev(9, CALL_VOICEMAIL, null, "repair", Map.of(FILE, "vm/c1.wav", DURATION_MS, "7000")),
                ev(10, CALLBACK_REQUESTED, null, "repair", Map.of(NUMBER, "0301")),
                ev(11, CALL_SURVEY, "a1", "repair", Map.of(RATING, "2")),
                ev(12, CALL_ENDED, null, null, Map.of()));
        CallHandling h = night.handling();
        assertTrue(h.nightService());
        assertEquals("vm/c1.wav", h.voicemailFile());
        assertTrue(h.callbackRequested());
        assertEquals(2, h.surveyRating());
    }

    @Test
    void badNumbersAndOverlongTextDoNotBreakTheFold() {
        CallRecord r = fold(ev(0, CALL_STARTED, null, null, Map.of(DIRECTION, "IN")),
                ev(1, CALL_QUEUED, null, "repair", Map.of(PRIORITY, "high")),
                ev(2, CALL_SURVEY, null, "repair", Map.of(RATING, "")),
                ev(3, CALL_WRAPUP, "a1", "repair", Map.of(NOTES, "x".repeat(5000))));
        assertNull(r.handling().priority());
        assertNull(r.handling().surveyRating());
        assertEquals(2000, r.handling().notes().length());
    }

    @Test
    void callbackDoneAndEmptyCallIdsLeaveRecordsAlone() {
        assertFalse(CallRecordFold.affectsRecord(ev(0, CALLBACK_DONE, null, "repair", Map.of(OUTCOME, "REACHED"))));
        assertFalse(CallRecordFold.affectsRecord(
                JournalEvent.of(T0, CALLBACK_REQUESTED, "", null, "repair", Map.of())));
        assertTrue(CallRecordFold.affectsRecord(ev(0, CALL_HELD, "a1", "repair", Map.of())));
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
