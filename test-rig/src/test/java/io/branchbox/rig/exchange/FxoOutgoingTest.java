package io.branchbox.rig.exchange;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.branchbox.drivers.cb1.msg.HookState;
import io.branchbox.firmware.trunk.fxo.FxoConfig;
import io.branchbox.rig.exchange.Script.Callee;
import io.branchbox.rig.exchange.Script.Disconnect;
import io.branchbox.rig.exchange.Script.HangUp;
import io.branchbox.rig.exchange.Script.Talk;
import org.junit.jupiter.api.Test;

/** Outgoing calls on an FXO line: dial tone, DTMF dialling, progress tones, answer supervision. */
class FxoOutgoingTest {
    private static final String NUMBER = "88001234";

    @Test
    void dialsAfterDialToneAndIsAnsweredByPolarityReversal() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0));
        rig.exchange.setCallee(NUMBER, Callee.answers(6_000, true, new Talk(5_000), new HangUp(Disconnect.POLARITY_REVERSAL)));
        rig.line.placeCall(NUMBER, rig);
        rig.advance(2_500);
        assertEquals("dialling", rig.line.state());
        rig.advance(11_500);
        assertEquals(NUMBER, rig.exchange.dialled(0));
        assertNotNull(rig.answered);
        assertEquals(NUMBER, rig.answered.calledNumber());
        assertEquals("connected", rig.line.state());
        rig.advance(6_000);
        assertEquals(16, rig.outgoingCleared);
        assertEquals("idle", rig.line.state());
    }

    @Test
    void lineWithoutReversalCountsAsAnsweredOnTimeout() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0).withAnswerOnTimeout(true, 8_000));
        rig.exchange.setCallee(NUMBER, Callee.answers(3_000, false, new Talk(30_000)));
        rig.line.placeCall(NUMBER, rig);
        rig.advance(20_000);
        assertNotNull(rig.answered);
        assertNull(rig.failedCause);
    }

    @Test
    void noDialToneFailsTheCallWithTemporaryFailure() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0));
        rig.exchange.setDialTone(0, false);
        rig.line.placeCall(NUMBER, rig);
        rig.advance(6_000);
        assertEquals(41, rig.failedCause);
        assertEquals("", rig.exchange.dialled(0));
        assertEquals("idle", rig.line.state());
        assertEquals(HookState.ON_HOOK, rig.exchange.hook(0));
    }

    @Test
    void busyNumberFailsWithCause17() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0));
        rig.exchange.setCallee(NUMBER, Callee.busy());
        rig.line.placeCall(NUMBER, rig);
        rig.advance(12_000);
        assertEquals(17, rig.failedCause);
        assertNull(rig.answered);
    }

    @Test
    void congestionFailsWithCause34() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0));
        rig.exchange.setCallee(NUMBER, Callee.congestion());
        rig.line.placeCall(NUMBER, rig);
        rig.advance(12_000);
        assertEquals(34, rig.failedCause);
    }

    @Test
    void noAnswerFailsWithCause19() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0).withAnswerOnTimeout(false, 10_000));
        rig.exchange.setCallee(NUMBER, Callee.answers(60_000, true));
        rig.line.placeCall(NUMBER, rig);
        rig.advance(25_000);
        assertEquals(19, rig.failedCause);
    }

    @Test
    void callOnABusyLineIsRefusedWith34() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0));
        rig.line.placeCall(NUMBER, rig);
        FxoRig second = rig;
        second.failedCause = null;
        rig.line.placeCall("1234", new io.branchbox.firmware.trunk.fxo.FxoLine.OutgoingListener() {
            @Override
            public void onAnswered(io.branchbox.firmware.call.TrunkCall call) {}

            @Override
            public void onFailed(Q850Cause q850, String reason) {
                int cause = q850.value();
                second.failedCause = cause;
            }
        });
        rig.advance(10);
        assertEquals(34, second.failedCause);
    }
}
