package io.branchbox.firmware.trunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.isdn.q931.ChannelPreference;
import io.branchbox.firmware.isdn.q931.IsdnCall;
import io.branchbox.time.ManualScheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outgoing calls' callbacks reach the listener given for the call, not call control. */
class PriSpanOutgoingTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final LinkedSpan linked = new LinkedSpan(0, scheduler).bringUp();

    /** Records the callbacks of one outgoing call as text. */
    private static final class Recorder implements PriSpan.OutgoingListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void onProceeding(IsdnCall call) {
            events.add("proceeding ts" + call.channel());
        }

        @Override
        public void onAlerting(IsdnCall call) {
            events.add("alerting");
        }

        @Override
        public void onAnswered(IsdnCall call) {
            events.add("answered");
        }

        @Override
        public void onCleared(IsdnCall call, Q850Cause cause, String location) {
            events.add("cleared " + cause + " " + location);
        }
    }

    @Test
    void answeredCallReportsEveryStepToItsListener() {
        assertTrue(linked.span.layer2Up(), "LAPD came up over the fake line");
        Recorder r = new Recorder();
        IsdnCall call = linked.span.placeCall("01012345678", "4200", ChannelPreference.exclusive(31), r);
        scheduler.runPending();
        assertEquals(List.of("proceeding ts31", "alerting", "answered"), r.events);
        assertEquals("span0/ts31", linked.span.trunkCall(call).trunk());

        call.hangup(Q850Cause.NORMAL_CLEARING);
        scheduler.runPending();
        assertEquals("cleared 16 user", r.events.get(3));
        assertTrue(linked.incoming.isEmpty(), "call control heard nothing of the outgoing call");
    }

    @Test
    void rejectedCallIsClearedOnceWithTheNetworksCause() {
        linked.network.script(new FakeNetwork.Reject(Q850Cause.NO_CIRCUIT_AVAILABLE));
        Recorder r = new Recorder();
        linked.span.placeCall("01012345678", null, ChannelPreference.exclusive(30), r);
        scheduler.runPending();
        assertEquals(List.of("cleared 34 public_local"), r.events);
    }

    @Test
    void callWithoutAFreeChannelFailsLaterNotInsidePlaceCall() {
        Recorder r = new Recorder();
        linked.span.placeCall("1", null, ChannelPreference.exclusive(16), r);
        assertTrue(r.events.isEmpty(), "no callback from inside placeCall");
        scheduler.runPending();
        assertEquals(List.of("cleared 34 user"), r.events);
    }
}
