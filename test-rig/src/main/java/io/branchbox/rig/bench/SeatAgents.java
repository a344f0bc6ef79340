package io.branchbox.rig.bench;

import io.branchbox.rig.panel.SeatButton;
import io.branchbox.rig.sim.SimulatedSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulated agents at seats 1..N for the offer benchmark: each goes ready, answers 100 ms after
 * the CALL lamp lights, talks {@code talkMs} and hangs up with the same button, then waits for
 * the next offer. Under heavy CPU load the box can miss a short press, and the agent loses track
 * of the seat: an agent idle for 5 s whose CALL lamp is lit hangs up (a call it did not know it
 * had answered), and one whose lamps are both dark (set not ready after a missed offer) presses
 * READY again; both are counted, and these presses are not used as measurement starts. Records every CALL lamp rise and every hang-up press as {seat, epoch µs}.
 *
 * <p>Threading: {@link #callLampRose} is called by the {@link LampWatch} thread and hops onto the
 * site's rig scheduler, where all agent state lives; the record lists are synchronized.
 */
final class SeatAgents {
    private static final Duration REACTION = Duration.ofMillis(100);
    private static final long STUCK_NANOS = Duration.ofSeconds(5).toNanos();

    private enum State { IDLE, ANSWERING, TALKING }

    private final SimulatedSite site;
    private final int agents;
    private final int talkMs;
    private final State[] state;
    private final long[] lastActive;
    private final List<long[]> rises = new ArrayList<>();
    private final List<long[]> hangups = new ArrayList<>();
    private final AtomicInteger rearmed = new AtomicInteger();

    SeatAgents(SimulatedSite site, int agents, int talkMs) {
        this.site = site;
        this.agents = agents;
        this.talkMs = talkMs;
        this.state = new State[agents + 1];
        this.lastActive = new long[agents + 1];
        java.util.Arrays.fill(state, State.IDLE);
    }

    void start() {
        long now = System.nanoTime();
        for (int seat = 1; seat <= agents; seat++) {
            int s = seat;
            lastActive[seat] = now;
            site.rig().schedule(Duration.ofMillis(150L * seat), () -> site.press(s, SeatButton.READY));
        }
        site.rig().scheduleAtFixedRate(Duration.ofSeconds(2), Duration.ofSeconds(2), this::watchdog);
    }

    void callLampRose(int seat, long epochMicros) {
        if (seat > agents) {
            return;
        }
        synchronized (rises) {
            rises.add(new long[] {seat, epochMicros});
        }
        site.rig().execute(() -> {
            if (state[seat] != State.IDLE) {
                return;
            }
            state[seat] = State.ANSWERING;
            lastActive[seat] = System.nanoTime();
            site.rig().schedule(REACTION, () -> {
                site.press(seat, SeatButton.ANSWER);
                state[seat] = State.TALKING;
                site.rig().schedule(Duration.ofMillis(talkMs), () -> hangUp(seat));
            });
        });
    }

    private void hangUp(int seat) {
        state[seat] = State.IDLE;
        lastActive[seat] = System.nanoTime();
        synchronized (hangups) {
            hangups.add(new long[] {seat, OfferToRingBench.nowMicros()});
        }
        site.press(seat, SeatButton.ANSWER);
    }

    private void watchdog() {
        long now = System.nanoTime();
        for (int seat = 1; seat <= agents; seat++) {
            if (state[seat] != State.IDLE || now - lastActive[seat] <= STUCK_NANOS || site.readyLamp(seat)) {
                continue;
            }
            lastActive[seat] = now;
            rearmed.incrementAndGet();
            site.press(seat, site.callLamp(seat) ? SeatButton.ANSWER : SeatButton.READY);
        }
    }

    List<long[]> rises() {
        synchronized (rises) {
            return new ArrayList<>(rises);
        }
    }

    List<long[]> hangups() {
        synchronized (hangups) {
            return new ArrayList<>(hangups);
        }
    }

    int rearmed() {
        return rearmed.get();
    }
}
