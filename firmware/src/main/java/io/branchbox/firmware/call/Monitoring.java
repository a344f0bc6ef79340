package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.audio.AudioChannel;
import io.branchbox.firmware.audio.Mix;
import io.branchbox.firmware.console.ConsoleException;
import io.branchbox.firmware.console.MonitorMode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A supervisor's listen, whisper and barge from their own seat ({@link MonitorLeg}), and the one
 * rule of the audio while one is on: once anyone reads a channel through a {@link Mix}, every
 * reader must, because a bridge consumes the frames it reads and the mix would get every other
 * one. So whatever connects two channels of a monitored call ({@link #talk}, {@link #connect})
 * asks here instead of bridging.
 *
 * <p>Signalling thread only.
 */
final class Monitoring {
    private static final Logger log = LoggerFactory.getLogger(Monitoring.class);
    private final CallContext cx;

    Monitoring(CallContext cx) {
        this.cx = cx;
    }

    /** See {@link AgentCallControl#monitor}. Throws {@link ConsoleException} without changing anything when refused. */
    void monitor(Agent supervisor, Agent target, MonitorMode mode) {
        Call call = cx.callOf(target);
        MonitorLeg current = call == null ? null : call.monitor();
        if (mode == MonitorMode.END) {
            if (current == null || current.supervisor() != supervisor) {
                throw new ConsoleException("no-call", "you are not monitoring " + target.id());
            }
            stop(call);
            if (call.state() == Call.State.CONNECTED) {
                cx.router.bridge(call.trunkChannel(), call.seatChannel());
            } // on hold or consulting, the caller's music and the agent's side were set by that state and stay
            return;
        }
        if (call == null || call.agent() != target || call.state() != Call.State.CONNECTED) {
            throw new ConsoleException("no-call", target.id() + " is not talking to a caller");
        }
        if (current != null && current.supervisor() != supervisor) {
            throw new ConsoleException("busy", current.supervisor().id() + " is already monitoring this call");
        }
        if (supervisor.seat() <= 0 || supervisor == target) {
            throw new ConsoleException("no-seat", "log in at a seat of your own to monitor");
        }
        if (current != null && current.channel() != null) {
            apply(call, mode);
            return;
        }
        if (supervisor.state() != AgentState.NOT_READY && supervisor.state() != AgentState.READY) {
            throw new ConsoleException("busy", "finish your own call first");
        }
        if (current != null) {
            current.mode(mode); // the headset is still opening: it opens once, in the mode asked last
            return;
        }
        MonitorLeg leg = new MonitorLeg(supervisor);
        leg.mode(mode);
        call.monitor(leg);
        cx.setAgent(supervisor, AgentState.NOT_READY, "monitoring " + target.id());
        cx.openSeat(supervisor).whenComplete((seat, err) -> {
            if (!leg.isCurrent(call)) {
                cx.close(seat);
                return;
            }
            if (err != null) {
                log.warn("call {}: supervisor seat {} did not open: {}", call.id(), supervisor.seat(), err.getMessage());
                call.monitor(null);
                return;
            }
            leg.opened(seat);
            apply(call, leg.mode());
        });
    }

    /** The caller and the agent talk: a bridge, or the monitor's mixes while a supervisor is on. */
    void talk(Call call) {
        MonitorLeg leg = call.monitor();
        if (leg != null && leg.channel() != null) {
            mixes(call, leg.mode());
        } else {
            cx.router.bridge(call.trunkChannel(), call.seatChannel());
        }
    }

    /** Two channels of the call hear each other (the agent and a consulted colleague). */
    void connect(Call call, AudioChannel a, AudioChannel b) {
        MonitorLeg leg = call.monitor();
        if (leg != null && leg.channel() != null) {
            cx.router.play(a, new Mix(List.of(b)));
            cx.router.play(b, new Mix(List.of(a)));
        } else {
            cx.router.bridge(a, b);
        }
    }

    /** The supervisor leaves (END, blind transfer, end of the call): headset closed, journaled. */
    void stop(Call call) {
        MonitorLeg leg = call.monitor();
        if (leg == null) {
            return;
        }
        call.monitor(null);
        leg.close(cx);
        cx.events.monitor(call, leg.supervisor(), MonitorMode.END.name(), call.agent());
    }

    private void apply(Call call, MonitorMode mode) {
        MonitorLeg leg = call.monitor();
        leg.mode(mode);
        mixes(call, mode);
        cx.events.monitor(call, leg.supervisor(), mode.name(), call.agent());
    }

    private void mixes(Call call, MonitorMode mode) {
        var trunk = call.trunkChannel();
        var agent = call.seatChannel();
        var sup = call.monitor().channel();
        cx.router.play(sup, new Mix(List.of(trunk, agent)));
        cx.router.play(agent, new Mix(mode == MonitorMode.LISTEN ? List.of(trunk) : List.of(trunk, sup)));
        cx.router.play(trunk, new Mix(mode == MonitorMode.BARGE ? List.of(agent, sup) : List.of(agent)));
    }
}
