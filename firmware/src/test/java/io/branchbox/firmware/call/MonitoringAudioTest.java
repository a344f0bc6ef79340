package io.branchbox.firmware.call;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.branchbox.firmware.audio.G711;
import io.branchbox.firmware.console.MonitorMode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What each side hears while a supervisor monitors a call that goes on hold and back: the frames
 * the router sends to the caller (span 0 ts 1), the agent (seat 1) and the supervisor (seat 3).
 */
class MonitoringAudioTest {
    private static final int TRUNK = CallFixture.SPAN0;
    private static final int AGENT_SEAT = 0x30;
    private static final int SUPERVISOR_SEAT = 0x32;
    private final CallFixture f = new CallFixture();
    private final AgentCallControl control = f.calls.control();

    private static byte[] frame(int value) {
        byte[] b = new byte[160];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static final byte[] SILENCE = frame(G711.ALAW_SILENCE);
    private static final byte[] AGENT_SPEAKS = frame(0x11);
    private static final byte[] SUPERVISOR_SPEAKS = frame(0x33);

    /** One 20 ms tick: caller, supervisor, then agent deliver a frame (and get one back). */
    private void tick(byte[] caller, byte[] supervisor, byte[] agent) {
        f.router.onFrame(TRUNK, 1, 0, caller, 0);
        f.router.onFrame(SUPERVISOR_SEAT, 0, 0, supervisor, 0);
        f.router.onFrame(AGENT_SEAT, 0, 0, agent, 0);
    }

    private byte[] heardBy(int unit, int chan) {
        return f.sent.get(unit + "/" + chan);
    }

    private void monitoredCall(MonitorMode mode) {
        f.connectedCall(1, 1);
        control.monitor(f.agent(3), f.agent(1), mode);
        f.scheduler.runPending();
    }

    @Test
    void aSupervisorLeavingACallOnHoldDoesNotPutTheCallerThroughToTheAgent() {
        monitoredCall(MonitorMode.LISTEN);
        control.hold(f.agent(1));
        control.monitor(f.agent(3), f.agent(1), MonitorMode.END);
        for (int i = 0; i < 3; i++) {
            tick(SILENCE, SILENCE, AGENT_SPEAKS);
        }
        assertFalse(Arrays.equals(AGENT_SPEAKS, heardBy(TRUNK, 1)), "the caller on hold hears the music, not the agent");
        assertArrayEquals(SILENCE, heardBy(AGENT_SEAT, 0), "the agent hears nothing while the caller is held");
    }

    /** A call monitored in {@code mode} is held and taken back; then only the supervisor speaks. */
    private void heldAndRetrievedWhileTheSupervisorSpeaks(MonitorMode mode) {
        monitoredCall(mode);
        control.hold(f.agent(1));
        control.retrieve(f.agent(1));
        for (int i = 0; i < 3; i++) {
            tick(SILENCE, SUPERVISOR_SPEAKS, SILENCE);
        }
    }

    @Test
    void aWhisperGoesOnAfterHoldAndRetrieve() {
        heldAndRetrievedWhileTheSupervisorSpeaks(MonitorMode.WHISPER);
        assertFalse(Arrays.equals(SILENCE, heardBy(AGENT_SEAT, 0)), "the agent still hears the supervisor whisper");
        assertArrayEquals(SILENCE, heardBy(TRUNK, 1), "the caller does not hear the whisper");
    }

    @Test
    void aBargeGoesOnAfterHoldAndRetrieve() {
        heldAndRetrievedWhileTheSupervisorSpeaks(MonitorMode.BARGE);
        assertFalse(Arrays.equals(SILENCE, heardBy(TRUNK, 1)), "the caller still hears the supervisor who barged in");
    }
}
