package io.branchbox.rig.scenario;

import static io.branchbox.rig.scenario.ScenarioSite.AGENT_MARK;
import static io.branchbox.rig.scenario.ScenarioSite.CALLER_MARK;
import static io.branchbox.rig.scenario.ScenarioSite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.store.CallDirection;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.rig.carrier.OfferedCall;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls agents place from the console (issue 7: outbound and internal calls are recorded): click
 * to dial out on the PRI, and an internal call to another seat (8xx). Each has a call record with
 * its direction and one recording that plays.
 */
class OutboundAndInternalScenarioTest {
    private static final String CUSTOMER = "01062345678";

    @TempDir
    Path data;

    @Test
    void clickToDialIsRecordedWithAnOutboundRecord() throws Exception {
        try (ScenarioSite s = ScenarioSite.start(data, c -> c)) {
            ok(s.console().dial("agent1", CUSTOMER));
            OfferedCall far = s.awaitCallFromBox(CUSTOMER);
            far.answered().get(10, TimeUnit.SECONDS);
            JournalEvent started = s.await("outbound call.started", e -> e.type().equals(CallEventTypes.CALL_STARTED)
                    && "OUT".equals(e.attr(CallEventTypes.DIRECTION)));
            String call = started.callId();
            assertEquals("agent1", s.await(CallEventTypes.CALL_CONNECTED, call).agentId());
            ScenarioSite.waitFor("the agent at the far end", ScenarioSite.WAIT, () -> s.line(far.timeslot()).heard() > 50);
            ScenarioSite.waitFor("the far end at the agent", ScenarioSite.WAIT, () -> s.headset(1).heard() > 50);

            ok(s.console().hangup("agent1"));
            far.cleared().get(10, TimeUnit.SECONDS);
            CallRecord r = s.record(call, true);
            assertEquals(CallDirection.OUT, r.direction());
            assertEquals(CallDisposition.ANSWERED, r.disposition());
            assertEquals(CUSTOMER, r.calledNumber());
            assertEquals("agent1", r.agentId());
            ScenarioSite.Recorded wav = s.recording(r);
            assertTrue(wav.left(CALLER_MARK) > wav.frames() * 8 / 10, "the far end on the left: " + wav.left(CALLER_MARK));
            assertTrue(wav.right(AGENT_MARK) > wav.frames() * 8 / 10, "the agent on the right: " + wav.right(AGENT_MARK));
            JournalEvent attempt = s.await(CallEventTypes.CALL_ATTEMPT, call);
            assertEquals("1", attempt.attr(CallEventTypes.ATTEMPT));
            assertEquals("span0/ts" + far.timeslot(), attempt.attr(CallEventTypes.TRUNK), "the trunk used, on the attempt");
        }
    }

    @Test
    void anInternalCallToAnotherSeatIsRecordedWithAnInternalRecord() throws Exception {
        try (ScenarioSite s = ScenarioSite.start(data, c -> c)) {
            ok(s.console().dial("agent1", "802"));
            JournalEvent started = s.await("internal call.started", e -> e.type().equals(CallEventTypes.CALL_STARTED)
                    && "INTERNAL".equals(e.attr(CallEventTypes.DIRECTION)));
            String call = started.callId();
            assertEquals("agent2", s.offeredTo(call, 1));
            ok(s.console().answer("agent2"));
            assertEquals("agent2", s.await(CallEventTypes.CALL_CONNECTED, call).agentId());
            ScenarioSite.waitFor("seat 1 heard at seat 2", ScenarioSite.WAIT, () -> s.headset(2).heardOwnMark() > 50);
            ScenarioSite.waitFor("seat 2 heard at seat 1", ScenarioSite.WAIT, () -> s.headset(1).heardOwnMark() > 50);

            ok(s.console().hangup("agent1"));
            CallRecord r = s.record(call, true);
            assertEquals(CallDirection.INTERNAL, r.direction());
            assertEquals(CallDisposition.ANSWERED, r.disposition());
            assertEquals("802", r.calledNumber());
            ScenarioSite.Recorded wav = s.recording(r);
            assertTrue(wav.left(AGENT_MARK) > wav.frames() * 8 / 10, "the caller's seat on the left: " + wav.left(AGENT_MARK));
            assertTrue(wav.right(AGENT_MARK) > wav.frames() * 8 / 10, "the called seat on the right: " + wav.right(AGENT_MARK));
            assertEquals(0, s.callsFromBox().size(), "an internal call uses no trunk");
            s.await("agent2 wraps up the internal call", e -> e.type().equals(CallEventTypes.AGENT_STATE)
                    && "agent2".equals(e.agentId()) && "WRAP_UP".equals(e.attr(CallEventTypes.STATE)));
        }
    }
}
