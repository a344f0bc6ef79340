package io.branchbox.rig.scenario;

import static io.branchbox.rig.scenario.ScenarioSite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.store.CallDirection;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.rig.carrier.OfferedCall;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queue overflow: after maxWaitS to another queue; a full queue (maxLength) books a callback,
 * which is dialled from the next ready agent's seat and reaches the caller.
 */
class OverflowAndCallbackScenarioTest {
    @TempDir
    Path data;

    @Test
    void aCallerWhoWaitedTheMaximumMovesToTheOverflowQueue() throws Exception {
        BoxConfig.Queue first = new BoxConfig.Queue("inquiry", BoxConfig.Strategy.LONGEST_IDLE, 3, 0, 10, "other",
                BoxConfig.Overflow.QUEUE, 0, "", 0, 0);
        List<BoxConfig.Agent> agents = List.of(new BoxConfig.Agent("agent1", "Agent 1", 1, List.of("inquiry")),
                new BoxConfig.Agent("agent2", "Agent 2", 2, List.of("other")));
        try (ScenarioSite s = ScenarioSite.start(data, c -> c.withAgents(agents)
                .withQueues(List.of(first, ScenarioSite.queue("other", BoxConfig.Strategy.LONGEST_IDLE))))) {
            ok(s.console().ready("agent2")); // only the overflow queue is staffed
            OfferedCall caller = s.call("13800000001", "95598", 1);
            String call = s.callIdOf("13800000001");
            JournalEvent queued = s.await(CallEventTypes.CALL_QUEUED, call);
            assertEquals("inquiry", queued.queue());

            JournalEvent overflow = s.await(CallEventTypes.CALL_OVERFLOW, call);
            assertEquals("inquiry", overflow.attr(CallEventTypes.FROM));
            assertEquals("other", overflow.queue());
            long waitedMs = overflow.at().toEpochMilli() - queued.at().toEpochMilli();
            assertTrue(waitedMs >= 9_900 && waitedMs < 13_000, "overflowed after maxWaitS 10: " + waitedMs + " ms");
            assertEquals("agent2", s.offeredTo(call, 1));
            ok(s.console().answer("agent2"));
            s.await(CallEventTypes.CALL_CONNECTED, call);
            s.site.carrier().hangup(caller);
            CallRecord r = s.record(call, true);
            assertEquals(CallDisposition.ANSWERED, r.disposition());
            assertEquals("other", r.queue());
        }
    }

    @Test
    void aFullQueueBooksACallbackThatTheNextReadyAgentDials() throws Exception {
        BoxConfig.Queue small = new BoxConfig.Queue("inquiry", BoxConfig.Strategy.LONGEST_IDLE, 3, 0, 600, "",
                BoxConfig.Overflow.CALLBACK, 1, "", 0, 0);
        try (ScenarioSite s = ScenarioSite.start(data, c -> c.withQueues(List.of(small)))) {
            OfferedCall waiting = s.call("13800000001", "95598", 1);
            String w = s.callIdOf("13800000001");
            s.await(CallEventTypes.CALL_QUEUED, w);

            // the queue holds one caller: the next is offered a callback at once
            OfferedCall second = s.call("13800000002", "95598", 2);
            String asked = s.callIdOf("13800000002");
            JournalEvent overflow = s.await(CallEventTypes.CALL_OVERFLOW, asked);
            assertEquals("inquiry", overflow.attr(CallEventTypes.FROM));
            JournalEvent booked = s.await(CallEventTypes.CALLBACK_REQUESTED, asked);
            assertEquals("13800000002", booked.attr(CallEventTypes.NUMBER));
            assertEquals("inquiry", booked.queue());
            assertEquals(0, s.events(CallEventTypes.CALL_QUEUED, asked).size(), "never queued: the queue was full");
            second.cleared().get(15, TimeUnit.SECONDS); // "callback booked", then the box hangs up
            assertEquals(CallDisposition.CALLBACK, s.record(asked, false).disposition());

            // the waiting caller gives up; the first agent to get ready calls the other one back
            s.site.carrier().hangup(waiting);
            assertEquals(CallDisposition.ABANDONED, s.record(w, false).disposition());
            ok(s.console().ready("agent3"));
            OfferedCall dialled = s.awaitCallFromBox("13800000002");
            assertTrue(dialled.fromBox());
            dialled.answered().get(10, TimeUnit.SECONDS);
            JournalEvent done = s.await("callback.done", e -> e.type().equals(CallEventTypes.CALLBACK_DONE));
            assertEquals("REACHED", done.attr(CallEventTypes.OUTCOME));
            assertEquals(asked, done.attr(CallEventTypes.REQUEST));
            assertEquals("1", done.attr(CallEventTypes.ATTEMPT));
            String back = done.callId();
            assertEquals("agent3", s.await(CallEventTypes.CALL_CONNECTED, back).agentId(), "dialled from agent3's seat");
            ScenarioSite.waitFor("the caller hears agent3", ScenarioSite.WAIT, () -> s.line(dialled.timeslot()).heard() > 10);

            ok(s.console().hangup("agent3"));
            CallRecord r = s.record(back, true);
            assertEquals(CallDirection.OUT, r.direction());
            assertEquals(CallDisposition.ANSWERED, r.disposition());
            assertEquals("agent3", r.agentId());
            assertEquals("13800000002", r.calledNumber());
            s.recording(r);
        }
    }
}
