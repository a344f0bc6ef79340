package io.branchbox.rig.exchange;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.drivers.cb1.msg.HookState;
import io.branchbox.firmware.trunk.fxo.FxoConfig;
import io.branchbox.firmware.trunk.fxo.FxoConfig.CallerIdMode;
import io.branchbox.rig.exchange.Script.CallerIdMethod;
import io.branchbox.rig.exchange.Script.Disconnect;
import io.branchbox.rig.exchange.Script.HangUp;
import io.branchbox.rig.exchange.Script.IncomingCall;
import io.branchbox.rig.exchange.Script.Talk;
import org.junit.jupiter.api.Test;

/** Incoming calls on an FXO line against the simulated exchange: caller ID, ring counting, answer. */
class FxoIncomingTest {
    private static final String NUMBER = "13812345678";

    @Test
    void bellFskCallerIdBetweenFirstAndSecondRingReachesTheCall() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0));
        rig.exchange.call(0, IncomingCall.of(NUMBER, CallerIdMethod.FSK_BELL_202, new Talk(20_000)).withName("ZHANG WEI"));
        rig.advance(12_000);
        assertEquals(1, rig.incoming.size());
        assertEquals(NUMBER, rig.incoming.get(0).callingNumber());
        assertEquals("connected", rig.line.state());
        assertTrue(rig.exchange.connected(0));
        assertEquals(HookState.OFF_HOOK, rig.board.hook(0));
        assertTrue(rig.detections.stream().anyMatch(d -> d.startsWith("callerid") && d.contains("ZHANG WEI")));
    }

    @Test
    void v23CallerIdIsReadToo() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0).withCallerId(CallerIdMode.FSK_V23));
        rig.exchange.call(0, IncomingCall.of(NUMBER, CallerIdMethod.FSK_V23, new Talk(20_000)));
        rig.advance(12_000);
        assertEquals(NUMBER, rig.incoming.get(0).callingNumber());
    }

    @Test
    void dtmfCallerIdBeforeTheFirstRingReachesTheCall() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0).withCallerId(CallerIdMode.DTMF));
        assertTrue(rig.board.channelOpen(0), "DTMF caller ID needs the channel open while idle");
        rig.exchange.call(0, IncomingCall.of("075528881234", CallerIdMethod.DTMF, new Talk(20_000)));
        rig.advance(12_000);
        assertEquals(1, rig.incoming.size());
        assertEquals("075528881234", rig.incoming.get(0).callingNumber());
    }

    @Test
    void oneRingLineWaitsForTheFskMessageBeforeOffering() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0).withRingsToAnswer(1));
        rig.exchange.call(0, IncomingCall.of(NUMBER, CallerIdMethod.FSK_BELL_202, new Talk(20_000)));
        rig.advance(5_000);
        assertEquals(NUMBER, rig.incoming.get(0).callingNumber());
        assertEquals(1, rig.exchange.rings(0));
    }

    @Test
    void callIsOfferedAfterTheConfiguredRings() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0).withRingsToAnswer(4));
        rig.exchange.call(0, IncomingCall.of(NUMBER, CallerIdMethod.NONE, new Talk(30_000)));
        rig.advance(14_000);
        assertTrue(rig.incoming.isEmpty(), "three rings are not yet four");
        rig.advance(10_000);
        assertEquals(1, rig.incoming.size());
        assertEquals(4, rig.ringsAtOffer.get(0));
        assertEquals("", rig.incoming.get(0).callingNumber());
        assertEquals("connected", rig.line.state());
    }

    @Test
    void unevenCadenceStillCountsRings() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0).withRingsToAnswer(3));
        rig.exchange.call(0, IncomingCall.of(NUMBER, CallerIdMethod.NONE, new Talk(30_000)).withCadence(800, 3500));
        rig.advance(20_000);
        assertEquals(3, rig.ringsAtOffer.get(0));
    }

    @Test
    void callerWhoGivesUpBeforeTheAnswerClearsTheOfferedCall() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0));
        rig.autoAnswer = false;
        rig.exchange.call(0, IncomingCall.of(NUMBER, CallerIdMethod.FSK_BELL_202).withMaxRings(3));
        rig.advance(30_000);
        assertEquals(1, rig.incoming.size());
        assertEquals(java.util.List.of(16), rig.cleared);
        assertEquals("idle", rig.line.state());
        assertTrue(!rig.board.channelOpen(0), "channel closed again after the caller-ID window");
    }

    @Test
    void hookFlashReachesTheExchangeAndKeepsTheCall() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0));
        rig.exchange.call(0, IncomingCall.of(NUMBER, CallerIdMethod.NONE, new Talk(30_000)));
        rig.advance(12_000);
        var done = rig.line.flash();
        rig.advance(1_000);
        assertTrue(done.isDone() && !done.isCompletedExceptionally());
        assertEquals(1, rig.exchange.flashes(0));
        assertEquals("connected", rig.line.state());
        assertTrue(rig.cleared.isEmpty());
    }

    @Test
    void flashWithoutACallFails() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0));
        assertTrue(rig.line.flash().isCompletedExceptionally());
    }

    @Test
    void hookRelayFailureClearsTheCallWithTemporaryFailure() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0));
        rig.board.refuseHooks(true);
        rig.exchange.call(0, IncomingCall.of(NUMBER, CallerIdMethod.NONE, new Talk(30_000)).withMaxRings(3));
        rig.advance(12_000);
        assertEquals(41, rig.cleared.get(0));
    }

    @Test
    void callControlHangupPutsTheLineOnHook() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0));
        rig.exchange.call(0, IncomingCall.of(NUMBER, CallerIdMethod.NONE, new Talk(30_000), new HangUp(Disconnect.LOOP_DROP)));
        rig.advance(12_000);
        rig.incoming.get(0).hangup(Q850Cause.NORMAL_CLEARING);
        rig.advance(100);
        assertEquals("idle", rig.line.state());
        assertEquals(HookState.ON_HOOK, rig.exchange.hook(0));
        assertTrue(rig.cleared.isEmpty(), "a hangup we made is not reported back");
    }
}
