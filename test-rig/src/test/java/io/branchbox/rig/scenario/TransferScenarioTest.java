package io.branchbox.rig.scenario;

import static io.branchbox.rig.scenario.ScenarioSite.AGENT_MARK;
import static io.branchbox.rig.scenario.ScenarioSite.CALLER_MARK;
import static io.branchbox.rig.scenario.ScenarioSite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.console.TransferTarget;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.rig.carrier.OfferedCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One caller passed along three times through the console: blind to an agent, attended to an
 * agent, blind to a queue. The call keeps its id and has one recording from the box's answer (the
 * default {@code recording.recordIvr} records the greeting and the wait too) to the end, with the
 * caller on the left all along.
 */
class TransferScenarioTest {
    private static final String CALLER = "13800000001";

    @TempDir
    Path data;

    @Test
    void blindAttendedAndQueueTransfersKeepOneCallAndOneRecording() throws Exception {
        try (ScenarioSite s = ScenarioSite.start(data, c -> c)) {
            ok(s.console().ready("agent1"));
            OfferedCall caller = s.call(CALLER, "95598", 1);
            String call = s.callIdOf(CALLER);
            assertEquals("agent1", s.offeredTo(call, 1));
            ok(s.console().answer("agent1"));
            s.await(CallEventTypes.CALL_CONNECTED, call);
            talk(s, 1);

            // 1. blind to agent2 (not ready: a named colleague may be given a call)
            ok(s.console().transfer("agent1", TransferTarget.agent("agent2"), false));
            assertEquals("agent2", s.offeredTo(call, 2));
            ok(s.console().answer("agent2"));
            awaitConnected(s, call, 2, "agent2");
            talk(s, 2);

            // 2. attended to agent3: agent2 consults, then hands over
            ok(s.console().transfer("agent2", TransferTarget.agent("agent3"), true));
            JournalEvent consult = s.await(CallEventTypes.CALL_CONSULT, call);
            assertEquals("agent:agent3", consult.attr(CallEventTypes.TO));
            s.awaitAgent("agent3", "OFFERED");
            ok(s.console().answer("agent3"));
            s.awaitAgent("agent3", "ON_CALL");
            ok(s.console().completeTransfer("agent2"));
            awaitConnected(s, call, 3, "agent3");
            talk(s, 3);

            // 3. blind to the queue "other": agent1 (ready since step 1) is the longest idle there
            ok(s.console().transfer("agent3", TransferTarget.queue("other"), false));
            assertEquals("agent1", s.offeredTo(call, 3), "longest idle: agent1, who answered the call first");
            ok(s.console().answer("agent1"));
            awaitConnected(s, call, 4, "agent1");
            talk(s, 1);

            s.site.carrier().hangup(caller);
            caller.cleared().get(10, TimeUnit.SECONDS);
            // the box's own times from its answer, where the recording starts, to the end; not the
            // first agent's connect: the greeting and the test thread's answer, which a loaded
            // machine schedules late, lie between the two
            long callMs = Duration.between(s.await(CallEventTypes.CALL_ANSWERED, call).at(),
                    s.await(CallEventTypes.CALL_ENDED, call).at()).toMillis();

            List<JournalEvent> transfers = s.events(CallEventTypes.CALL_TRANSFERRED, call);
            assertEquals(List.of("BLIND agent:agent2 by agent1", "ATTENDED agent:agent3 by agent2", "BLIND queue:other by agent3"),
                    transfers.stream().map(e -> e.attr(CallEventTypes.KIND) + " " + e.attr(CallEventTypes.TO) + " by " + e.agentId())
                            .toList());
            assertEquals(List.of("agent1", "agent2", "agent3", "agent1"),
                    s.events(CallEventTypes.CALL_CONNECTED, call).stream().map(JournalEvent::agentId).toList());
            assertEquals(1, s.events(CallEventTypes.CALL_STARTED, call).size());

            CallRecord r = s.record(call, true);
            assertEquals(CallDisposition.ANSWERED, r.disposition());
            assertEquals("agent1", r.agentId(), "the record keeps the answering agent");
            ScenarioSite.Recorded wav = s.recording(r);
            assertTrue(Math.abs(wav.durationMs() - callMs) < 1_000,
                    "the recording covers the whole call: " + wav.durationMs() + " ms of " + callMs + " ms");
            assertTrue(wav.left(CALLER_MARK) > wav.frames() * 9 / 10, "the caller on the left throughout: "
                    + wav.left(CALLER_MARK) + " of " + wav.frames());
            assertTrue(wav.right(AGENT_MARK) > 4_000 / 20, "the agents on the right: " + wav.right(AGENT_MARK));
        }
    }

    /** About a second of conversation with the agent at {@code seat}. */
    private static void talk(ScenarioSite s, int seat) throws InterruptedException {
        long heard = s.headset(seat).heard();
        ScenarioSite.waitFor("the caller heard at seat " + seat, ScenarioSite.WAIT, () -> s.headset(seat).heard() > heard + 50);
    }

    private static void awaitConnected(ScenarioSite s, String call, int nth, String agent) throws InterruptedException {
        ScenarioSite.waitFor(nth + " connections", ScenarioSite.WAIT, () -> s.events(CallEventTypes.CALL_CONNECTED, call).size() >= nth);
        assertEquals(agent, s.events(CallEventTypes.CALL_CONNECTED, call).get(nth - 1).agentId());
    }
}
