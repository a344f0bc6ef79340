package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Acd;
import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.time.Scheduler;
import java.time.Duration;

/**
 * The seat panel lamps follow the agent: green READY lit while ready; red CALL blinking at 2 Hz
 * while a call rings at the seat, steady while talking.
 *
 * <p>Not thread-safe: signalling thread only.
 */
final class SeatLampDriver {
    private static final Duration BLINK = Duration.ofMillis(250);

    private final CallControlPorts.SeatLamps lamps;
    private final Acd acd;
    private boolean phase;

    SeatLampDriver(CallControlPorts.SeatLamps lamps, Acd acd, Scheduler scheduler) {
        this.lamps = lamps;
        this.acd = acd;
        scheduler.scheduleAtFixedRate(BLINK, BLINK, this::blink);
    }

    /** Shows {@code a}'s current state on their seat's lamps. */
    void update(Agent a) {
        if (a.seat() > 0) {
            boolean call = a.state() == AgentState.ON_CALL || (a.state() == AgentState.OFFERED && phase);
            lamps.set(a.seat(), a.state() == AgentState.READY, call);
        }
    }

    /**
     * A call starts ringing at {@code a}'s seat: the CALL lamp lights now, not at the next blink
     * tick (up to 250 ms later), since the agent's three rings to answer count from the offer.
     */
    void ring(Agent a) {
        if (a.seat() > 0) {
            lamps.set(a.seat(), false, true);
        }
    }

    /** Turns both lamps of {@code a}'s seat off (the agent logged out or moved to another seat). */
    void clear(Agent a) {
        if (a.seat() > 0) {
            lamps.set(a.seat(), false, false);
        }
    }

    private void blink() {
        phase = !phase;
        for (Agent a : acd.agents()) {
            if (a.state() == AgentState.OFFERED) {
                update(a);
            }
        }
    }
}
