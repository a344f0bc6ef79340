package io.branchbox.firmware.call;

import static io.branchbox.firmware.call.Call.State.*;
import static io.branchbox.firmware.call.CallEvent.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.call.Call.State;
import io.branchbox.firmware.call.CallTransitions.Row;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The call's transition table, row by row, in virtual time: each allowed (state, event) pair is
 * written out here a second time (so a changed table fails until this list agrees), each is
 * reached through allowed events from a new call and fired; every pair not listed is refused and
 * leaves the call exactly as it was.
 */
class CallTransitionsTest {
    /** The expected table, independent of the production one. */
    private static final List<Row> EXPECTED = new ArrayList<>(List.of(
            new Row(ANSWERING, TRUNK_ANSWERED, IVR),
            new Row(ANSWERING, DIAL, DIALLING),
            new Row(IVR, CREW_LINE, IVR),
            new Row(IVR, QUEUE_JOINED, QUEUED),
            new Row(QUEUED, QUEUE_JOINED, QUEUED),
            new Row(IVR, OVERFLOW_TO_QUEUE, QUEUED),
            new Row(QUEUED, OVERFLOW_TO_QUEUE, QUEUED),
            new Row(IVR, TO_VOICEMAIL, VOICEMAIL),
            new Row(QUEUED, TO_VOICEMAIL, VOICEMAIL),
            new Row(VOICEMAIL, VOICEMAIL_TIME_UP, VOICEMAIL),
            new Row(IVR, CALLBACK_BOOKED, CALLBACK),
            new Row(QUEUED, CALLBACK_BOOKED, CALLBACK),
            new Row(IVR, FORWARD, FORWARDED),
            new Row(FORWARDED, FORWARD_FAILED, GOODBYE),
            new Row(IVR, LAST_MESSAGE, GOODBYE),
            new Row(QUEUED, AGENT_MATCHED, OFFERED),
            new Row(DIALLING, COLLEAGUE_RUNG, OFFERED),
            new Row(CONNECTED, BLIND_TRANSFER_TO_AGENT, OFFERED),
            new Row(HELD, BLIND_TRANSFER_TO_AGENT, OFFERED),
            new Row(OFFERED, OFFER_TIMEOUT, QUEUED),
            new Row(OFFERED, SEAT_FAULT, QUEUED),
            new Row(OFFERED, SEAT_OPENED, CONNECTED),
            new Row(DIALLING, FAR_END_ANSWERED, CONNECTED),
            new Row(CONNECTED, HOLD, HELD),
            new Row(HELD, RETRIEVE, CONNECTED),
            new Row(CONNECTED, CONSULT, CONSULTING),
            new Row(HELD, CONSULT, CONSULTING),
            new Row(CONSULTING, CONSULT_ENDED, CONNECTED),
            new Row(CONSULTING, TRANSFER_COMPLETED, CONNECTED),
            new Row(CONNECTED, BLIND_TRANSFER_TO_QUEUE, QUEUED),
            new Row(HELD, BLIND_TRANSFER_TO_QUEUE, QUEUED),
            new Row(CONNECTED, SURVEY_STARTED, SURVEY),
            new Row(HELD, SURVEY_STARTED, SURVEY)));

    static {
        for (State s : State.values()) {
            if (s != ENDED) {
                EXPECTED.add(new Row(s, END, ENDED));
            }
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();

    static Stream<Arguments> allowed() {
        return EXPECTED.stream().map(r -> Arguments.of(r.from(), r.event(), r.to()));
    }

    static Stream<Arguments> refused() {
        Set<String> allowed = new HashSet<>();
        EXPECTED.forEach(r -> allowed.add(r.from() + "/" + r.event()));
        return Arrays.stream(State.values()).flatMap(s -> Arrays.stream(CallEvent.values())
                .filter(e -> !allowed.contains(s + "/" + e)).map(e -> Arguments.of(s, e)));
    }

    @Test
    void theTableIsExactlyTheExpectedOne() {
        assertEquals(new HashSet<>(EXPECTED), new HashSet<>(CallTransitions.rows()));
        assertEquals(EXPECTED.size(), CallTransitions.rows().size());
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("allowed")
    void eachAllowedTransitionMovesTheCallAndRestartsItsTime(State from, CallEvent event, State to) {
        Call call = callIn(from);
        scheduler.advance(Duration.ofSeconds(7));
        Instant now = scheduler.clock().instant();
        assertTrue(call.allows(event));
        assertTrue(call.on(event, now));
        assertEquals(to, call.state());
        assertEquals(now, call.stateSince());
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("refused")
    void anEventNotAllowedIsIgnoredAndChangesNothing(State from, CallEvent event) {
        Call call = callIn(from);
        Instant since = call.stateSince();
        scheduler.advance(Duration.ofSeconds(7));
        assertFalse(call.allows(event));
        assertFalse(call.on(event, scheduler.clock().instant()));
        assertEquals(from, call.state());
        assertEquals(since, call.stateSince());
    }

    @Test
    void everyStateIsReachableAndOnlyEndedIsFinal() {
        for (State s : State.values()) {
            assertNotNull(path(s), s + " is not reachable from ANSWERING");
            boolean leaves = EXPECTED.stream().anyMatch(r -> r.from() == s);
            assertEquals(s != ENDED, leaves, s + (leaves ? " should be final" : " is a dead end"));
        }
    }

    /** A new call moved to {@code state} through allowed events, a virtual second apart. */
    private Call callIn(State state) {
        Call call = new Call("c1", Call.Direction.IN, null, "inquiry", scheduler.clock().instant());
        for (CallEvent e : path(state)) {
            scheduler.advance(Duration.ofSeconds(1));
            assertTrue(call.on(e, scheduler.clock().instant()), "on the way: " + e + " in " + call.state());
        }
        assertEquals(state, call.state());
        return call;
    }

    /** The shortest list of events from ANSWERING to {@code target} in the expected table, or null. */
    private static List<CallEvent> path(State target) {
        Map<State, List<CallEvent>> seen = new EnumMap<>(State.class);
        seen.put(ANSWERING, List.of());
        Deque<State> todo = new ArrayDeque<>(List.of(ANSWERING));
        while (!todo.isEmpty()) {
            State s = todo.poll();
            for (Row r : EXPECTED) {
                if (r.from() == s && !seen.containsKey(r.to())) {
                    List<CallEvent> p = new ArrayList<>(seen.get(s));
                    p.add(r.event());
                    seen.put(r.to(), p);
                    todo.add(r.to());
                }
            }
        }
        return seen.get(target);
    }
}
