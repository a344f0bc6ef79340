package io.branchbox.rig.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.drivers.cb1.msg.HookState;
import io.branchbox.firmware.trunk.fxo.FxoConfig;
import io.branchbox.rig.exchange.Script.CallerIdMethod;
import io.branchbox.rig.exchange.Script.Disconnect;
import io.branchbox.rig.exchange.Script.HangUp;
import io.branchbox.rig.exchange.Script.Hum;
import io.branchbox.rig.exchange.Script.IncomingCall;
import io.branchbox.rig.exchange.Script.Press;
import io.branchbox.rig.exchange.Script.Talk;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Disconnect supervision and line alarms on an answered FXO call. */
class FxoDisconnectTest {

    private static FxoRig answered(Script... steps) {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0));
        rig.exchange.call(0, IncomingCall.of("13800000001", CallerIdMethod.FSK_BELL_202, steps));
        rig.advance(11_000);
        assertEquals("connected", rig.line.state());
        return rig;
    }

    @ParameterizedTest
    @EnumSource(Disconnect.class)
    void everyWayTheFarEndHangsUpClearsTheCall(Disconnect how) {
        FxoRig rig = answered(new Talk(6_000), new Press("12"), new Talk(1_000), new HangUp(how));
        rig.advance(2_000);
        assertTrue(rig.cleared.isEmpty(), "still talking");
        rig.advance(8_000);
        assertEquals(List.of(16), rig.cleared);
        assertEquals("idle", rig.line.state());
        assertEquals(HookState.ON_HOOK, rig.exchange.hook(0));
        assertTrue(rig.detections.stream().anyMatch(d -> d.startsWith("dtmf") && d.contains("digit=1")));
    }

    @Test
    void busyLikeHummingDuringTheCallDoesNotDropIt() {
        FxoRig rig = answered(new Talk(1_000), new Hum(12_000), new Talk(5_000));
        rig.advance(18_000);
        assertTrue(rig.cleared.isEmpty(), "humming is not a busy tone: " + rig.detections);
        assertEquals("connected", rig.line.state());
        assertTrue(rig.detections.stream().anyMatch(d -> d.startsWith("tone") && d.contains("rejected=tone busy with voice")),
                "the tone detector took the hum for busy and the voice guard refused it: " + rig.detections);
    }

    @Test
    void withoutTheVoiceGuardTheSameHumWouldDropTheCall() {
        FxoConfig d = FxoConfig.defaults(0);
        FxoConfig unguarded = new FxoConfig(0, d.ringsToAnswer(), d.callerId(), d.tones(), d.minRingMs(), d.maxRingMs(),
                d.ringGapTimeoutMs(), d.dialToneTimeoutMs(), d.answerTimeoutMs(), d.answerOnTimeout(),
                d.disconnectToneConfirmMs(), 1.0, d.flashMs(), d.dtmfOnMs(), d.dtmfOffMs(), d.dtmfDbm0(),
                d.minLineVoltsTenths());
        FxoRig rig = new FxoRig(unguarded);
        rig.exchange.call(0, IncomingCall.of("13800000001", CallerIdMethod.FSK_BELL_202,
                new Talk(1_000), new Hum(12_000), new Talk(5_000)));
        rig.advance(29_000);
        assertEquals(List.of(16), rig.cleared, "the hum passes the tone detector, so the guard is what keeps the call");
    }

    @Test
    void speechAloneNeverLooksLikeADisconnectTone() {
        FxoRig rig = answered(new Talk(60_000));
        rig.advance(60_000);
        assertTrue(rig.cleared.isEmpty());
        assertTrue(rig.detections.stream().noneMatch(d -> d.startsWith("tone")), rig.detections.toString());
    }

    @Test
    void lineDownDuringACallClearsItAndRaisesTheAlarm() {
        FxoRig rig = answered(new Talk(30_000));
        rig.exchange.lineDown(0);
        rig.advance(100);
        assertEquals(List.of(38), rig.cleared);
        assertEquals(List.of(false), rig.status);
        assertEquals("down", rig.line.state());
        assertEquals(HookState.ON_HOOK, rig.board.hook(0));
        rig.exchange.lineUp(0);
        rig.advance(100);
        assertEquals(List.of(false, true), rig.status);
        assertEquals("idle", rig.line.state());
    }

    @Test
    void idleLineDownRaisesTheAlarmOnce() {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0));
        rig.exchange.lineDown(0);
        rig.exchange.lineDown(0);
        assertEquals(List.of(false), rig.status);
        assertEquals(false, rig.line.lineUp());
    }
}
