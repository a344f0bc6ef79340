package io.branchbox.firmware.trunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.time.ManualScheduler;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The box's first answer to the network's SETUP does not wait for call control: CALL PROCEEDING
 * leaves while the channel is still being opened on the board (the CONNECT waits for that), also
 * in a burst where earlier calls' CONNECTs fill the LAPD window. Virtual time; real LAPD both sides.
 */
class PriSpanIncomingTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final LinkedSpan linked = new LinkedSpan(0, scheduler).bringUp();

    @Test
    void callProceedingLeavesBeforeCallControlAnswers() {
        linked.network.offer(5, 3);
        scheduler.runPending();

        assertEquals(1, linked.incoming.size(), "call control has the call, and has not answered it");
        assertEquals(List.of("CALL_PROCEEDING 5"), linked.network.answers());

        linked.incoming.get(0).answer();
        scheduler.runPending();
        assertEquals(List.of("CALL_PROCEEDING 5", "CONNECT 5"), linked.network.answers());
    }

    @Test
    void setupsArrivingTogetherAreAllAnsweredBeforeCallControlWorksOnTheFirst() {
        linked.network.offer(1, 1);
        linked.network.offer(2, 2);
        linked.network.offer(3, 3);
        scheduler.runPending();

        assertEquals(List.of("CALL_PROCEEDING 1", "CALL_PROCEEDING 2", "CALL_PROCEEDING 3",
                "incoming 1", "incoming 2", "incoming 3"), linked.trace);
    }

    @Test
    void aCallClearedBeforeCallControlHeardOfItNeverReachesCallControl() {
        linked.network.offer(4, 4);
        // the SETUP and the caller's DISCONNECT arrive together: the call is gone before call
        // control's turn comes
        linked.network.disconnectOffered(4);
        scheduler.runPending();

        assertEquals(List.of(), linked.incoming);
        assertEquals(List.of("CALL_PROCEEDING 4", "RELEASE 4"), linked.network.answers());
        assertEquals(List.of(), linked.span.calls(), "the call is cleared");
    }

    @Test
    void inABurstEachSetupIsAnsweredBeforeTheConnectsOfEarlierCalls() {
        for (int ts = 1; ts <= 10; ts++) {
            linked.network.offer(ts, ts);
        }
        // the SETUPs are in the box's hands; call control answers all ten at once, then more SETUPs
        // arrive while those CONNECTs wait for the window
        scheduler.runPending();
        linked.incoming.forEach(TrunkCall::answer);
        linked.network.offer(11, 11);
        linked.network.offer(12, 12);
        scheduler.runPending();

        List<String> answers = linked.network.answers();
        assertEquals(22, answers.size(), answers::toString);
        int lastProceeding = Math.max(answers.indexOf("CALL_PROCEEDING 11"), answers.indexOf("CALL_PROCEEDING 12"));
        long connectsBefore = answers.subList(0, lastProceeding).stream().filter(a -> a.startsWith("CONNECT")).count();
        assertTrue(connectsBefore < 10, "the later SETUPs' answers must overtake the CONNECTs waiting for the window: " + answers);
    }
}
