package io.branchbox.firmware.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.journal.CallEvents.*;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Old journals still read: {@code journal/format-2026} is a segment in the format the box wrote
 * before typed events (one call's whole history plus every other type, written by the string
 * writers of the time), and every event in it must decode to its record.
 */
class CallEventCodecTest {
    private static final Instant AT = Instant.parse("2026-11-02T01:00:00Z");

    private static List<JournalEvent> fixture() throws Exception {
        Path dir = Path.of(CallEventCodecTest.class.getResource("/journal/format-2026").toURI());
        List<JournalEvent> events = new ArrayList<>();
        JournalReader.Result r = JournalReader.read(dir, events::add);
        assertEquals(0, r.corruptLines());
        return events;
    }

    @Test
    void aJournalOfTheOldFormatDecodesEveryType() throws Exception {
        long damagedBefore = CallEventCodec.damagedCount();
        List<Decoded> decoded = fixture().stream().map(CallEventCodec::decode).toList();

        assertSame(Decoded.NOT_A_CALL_EVENT, decoded.get(0), "box.started is not a call event");
        assertTrue(decoded.stream().noneMatch(d -> d instanceof Decoded.Damaged), decoded.toString());
        Set<Class<?>> seen = decoded.stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> missing = Arrays.stream(CallEvents.class.getPermittedSubclasses())
                .filter(c -> !seen.contains(c)).collect(Collectors.toSet());
        assertEquals(Set.of(), missing, "the fixture must hold every call event type");
        assertEquals(damagedBefore, CallEventCodec.damagedCount());
    }

    @Test
    void theOldFormatsFieldsArriveTyped() throws Exception {
        List<Decoded> d = fixture().stream().map(CallEventCodec::decode).toList();

        assertEquals(new Started("c1", null, "service", Direction.IN, "span0/ts1", "13800138000", "95598"), d.get(1));
        assertEquals(new Ended("c1", "a3", "repair", Disposition.ANSWERED, Q850Cause.NORMAL_CLEARING, "caller hung up",
                Duration.ofSeconds(184)), d.get(18));
        assertEquals(new WrappedUp("c1", "a3", "OUTAGE", "线路故障，已派工", "王先生"), d.get(20));
        assertEquals(new Attempt("c4", 1, "span0/ts5", Q850Cause.USER_BUSY, "public_local", AttemptOutcome.FAILED_RETRYABLE,
                Instant.parse("2026-11-02T01:21:00Z"), Duration.ofSeconds(4), "user busy"), d.get(28));
        assertEquals(new CallbackDone("c4", "service", CallbackOutcome.REACHED, 1, "c3"), d.get(31));
        // "0": no cause, as the old writers put it
        assertEquals(new SpanRestarted("UNACKNOWLEDGED", "span0", null, List.of(1, 2, 3)), d.get(34));
        assertNull(assertInstanceOf(Attempt.class, d.get(29)).cause(), "an answered attempt has no cause");
        // written by crash recovery of the time: no duration, no agent
        assertEquals(new Ended("c5", null, null, Disposition.FAILED, Q850Cause.TEMPORARY_FAILURE,
                "box restarted during the call", null),
                d.get(35));
    }

    @Test
    void writingTheRecordsAgainGivesTheSameEvents() throws Exception {
        for (JournalEvent e : fixture()) {
            if (CallEventCodec.decode(e) instanceof CallEvents typed) {
                JournalEvent again = CallEventCodec.encode(e.at(), typed).withSeq(e.seq());
                assertEquals(e, again, e.type());
            }
        }
    }

    @Test
    void damagedEventsAreSkippedAndCountedNeverThrown() {
        long before = CallEventCodec.damagedCount();
        List<JournalEvent> bad = List.of(
                event("call.survey", "c1", Map.of("rating", "two")),
                event("call.started", "c1", Map.of("direction", "SIDEWAYS")),
                event("call.queued", null, Map.of("priority", "1")),
                event("callback.requested", "c1", Map.of("number", "139", "placeSince", "yesterday")),
                event("call.attempt", "c1", Map.of("attempt", "1")),
                event("call.ended", "c1", Map.of("cause", "300")),
                event("agent.state", null, Map.of("state", "READY")));

        for (JournalEvent e : bad) {
            Decoded d = CallEventCodec.decode(e);
            Decoded.Damaged damaged = assertInstanceOf(Decoded.Damaged.class, d, e.toString());
            assertEquals(e.type(), damaged.type());
            assertTrue(!damaged.why().isBlank());
        }
        assertEquals(before + bad.size(), CallEventCodec.damagedCount());
    }

    @Test
    void anUnknownDispositionIsDroppedSoTheCallStillEnds() {
        Decoded d = CallEventCodec.decode(event("call.ended", "c1", Map.of("disposition", "LOST", "cause", "16")));

        Ended ended = assertInstanceOf(Ended.class, d);
        assertNull(ended.disposition());
        assertEquals(Q850Cause.NORMAL_CLEARING, ended.cause());
    }

    @Test
    void aWrongSeatOrRecordingFigureIsDroppedNotTheEvent() {
        assertEquals(new Connected("c1", null, null, null),
                CallEventCodec.decode(event("call.connected", "c1", Map.of("seat", "two"))));
        RecordingFinished r = assertInstanceOf(RecordingFinished.class, CallEventCodec.decode(
                event("recording.finished", "c1", Map.of("file", "c1.wav", "durationMs", "long", "bytes", "9"))));
        assertNull(r.duration());
        assertEquals(9L, r.bytes());
    }

    @Test
    void unknownTypesAreNotCallEvents() {
        assertSame(Decoded.NOT_A_CALL_EVENT, CallEventCodec.decode(event("workorder.accepted", "c1", Map.of())));
        assertSame(Decoded.NOT_A_CALL_EVENT, CallEventCodec.decode(event("call.teleported", "c1", Map.of())));
    }

    @Test
    void absentAttributesOfOldWritersAreNullNotDamage() {
        assertEquals(new Connected("c1", "a1", null, null), CallEventCodec.decode(
                JournalEvent.of(AT, "call.connected", "c1", "a1", null, Map.of())));
        assertEquals(new Started("c1", null, null, Direction.IN, null, null, null),
                CallEventCodec.decode(event("call.started", "c1", Map.of())));
    }

    private static JournalEvent event(String type, String callId, Map<String, String> attrs) {
        return JournalEvent.of(AT, type, callId, null, null, attrs);
    }
}
