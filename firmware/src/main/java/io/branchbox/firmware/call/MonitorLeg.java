package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.audio.AudioChannel;
import io.branchbox.firmware.console.MonitorMode;

/**
 * The monitor leg: a supervisor listening to, whispering to or barging into a call from their own
 * seat, with their headset channel once the board opened it and the mode they chose. The leg owns
 * the channel; {@link #isCurrent} answers "is this still the call's monitor?" for the headset that
 * opens late (the call may have ended or the supervisor left and another came).
 *
 * <p>Written only by {@link AgentCallControl}. Not thread-safe: signalling thread only.
 */
final class MonitorLeg {
    private final Agent supervisor;
    private AudioChannel channel;
    private MonitorMode mode;

    MonitorLeg(Agent supervisor) {
        this.supervisor = supervisor;
    }

    Agent supervisor() {
        return supervisor;
    }

    /** The supervisor's headset, or null until the board opened it. */
    AudioChannel channel() {
        return channel;
    }

    /** The mode in force, or the mode asked last while the headset opens. */
    MonitorMode mode() {
        return mode;
    }

    boolean isCurrent(Call call) {
        return !call.ended() && call.monitor() == this;
    }

    void opened(AudioChannel headset) {
        channel = headset;
    }

    void mode(MonitorMode m) {
        mode = m;
    }

    /** The supervisor leaves: the headset closed. Idempotent. */
    void close(CallContext cx) {
        cx.close(channel);
        channel = null;
        mode = null;
    }
}
