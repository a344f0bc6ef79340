package io.branchbox.rig.board;

import io.branchbox.time.ThreadNames;
import io.branchbox.drivers.cb1.msg.FxoEvent;
import io.branchbox.drivers.cb1.msg.FxoEventKind;
import io.branchbox.drivers.cb1.msg.HeadsetEvent;
import io.branchbox.drivers.cb1.msg.HeadsetEventKind;
import io.branchbox.drivers.cb1.msg.HookState;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.rig.pty.PseudoTerminal;
import io.branchbox.time.ExecutorScheduler;
import io.branchbox.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CB-1 board's side of the whole host interface, over the master of a {@link PseudoTerminal}:
 * HELLO/QUERY, PING/PONG, ACK with duplicate suppression, host-lost, spans with SPAN_STATUS and
 * D-channel relay, 20 ms audio with a two-frame jitter buffer, headset plug events, FXO hook
 * state, BOARD_HEALTH, plus failure injection for tests.
 *
 * <p>It simulates hardware, so it runs in real time: a core thread of its own (an
 * {@link ExecutorScheduler}) owns all board state and ticks audio every 20 ms; a reader thread per
 * attached pty decodes frames. Every public method is safe from any thread; the counter methods
 * wait (at most 2 s) for the core thread to answer.
 *
 * <p>Deliberate readings of the datasheet: host-lost is only armed once a PING was heard since
 * the last HELLO (a board nobody pinged yet has no host to lose); SPAN_STATUS goes out on alarm
 * changes and every second only while the span is configured, plus once when SPAN_CONFIG is
 * accepted; channels may be opened on a span before SPAN_CONFIG; host audio on an on-hook FXO
 * port is discarded and not counted.
 */
public final class BoardSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BoardSimulator.class);
    private static final Duration HEALTH_PERIOD = Duration.ofSeconds(2);

    /** What the simulated board says in HELLO. */
    public record Inventory(String serial, String firmware, int spans, int fxo, int headsets) {
        /** A fully fitted board: 4 spans, 8 FXO ports, 16 headsets. */
        public static Inventory full(String serial) {
            return new Inventory(serial, "sim-1.0", Units.MAX_SPANS, Units.MAX_FXO, Units.MAX_HEADSETS);
        }
    }

    private final ExecutorScheduler core = new ExecutorScheduler(ThreadNames.SIM_CORE, Clock.systemUTC());
    private final SimWire wire;
    private final SimCore state;

    public BoardSimulator(Inventory inventory) {
        this.wire = new SimWire(this::fromWire);
        this.state = new SimCore(inventory, core, wire);
        core.scheduleAtFixedRate(Duration.ofMillis(20), Duration.ofMillis(20), state::audioTick);
        core.scheduleAtFixedRate(Duration.ofMillis(100), Duration.ofMillis(100), state::housekeeping);
        core.scheduleAtFixedRate(Duration.ofSeconds(1), Duration.ofSeconds(1), state::spanStatusTick);
        core.scheduleAtFixedRate(HEALTH_PERIOD, HEALTH_PERIOD, () -> {
            if (!state.stalled()) {
                state.healthTick();
            }
        });
    }

    /** Reader thread: hand the frame to the core, unless the simulator was closed meanwhile. */
    private void fromWire(byte[] content) {
        try {
            core.execute(() -> state.onContent(content));
        } catch (RejectedExecutionException e) {
            log.debug("frame after close ignored");
        }
    }

    /** Plugs the board into {@code pty} and powers it up: it sends HELLO. */
    public void attach(PseudoTerminal pty) {
        wire.attach(pty);
        core.execute(state::restart);
    }

    /** Unplugs: stops reading and writing. The pty is the caller's to close. */
    public void detach() {
        wire.detach();
    }

    /** The reset line or a RESET command: HELLO follows within 500 ms. */
    public void reset() {
        core.execute(state::resetSoon);
    }

    /** The board resets by itself (brown-out, watchdog); the host sees an unexpected HELLO. */
    public void spontaneousReset() {
        reset();
    }

    /** The firmware hangs for {@code d}: no frames out, none processed. */
    public void stall(Duration d) {
        core.execute(() -> state.stalledUntilMillis = core.nowMillis() + d.toMillis());
    }

    /** Probability that a board-to-host frame is lost. */
    public void setDropRate(double p) {
        wire.dropRate = p;
    }

    /** Probability that a board-to-host frame arrives with a bad FCS. */
    public void setBadFcsRate(double p) {
        wire.badFcsRate = p;
    }

    /** Host→board frame loss: the share of the host's frames the board never receives. */
    public void setHostToBoardDropRate(double p) {
        wire.inboundDropRate = p;
    }

    /** Bit errors on the wire in both directions: the probability that any one bit is flipped. */
    public void setBitErrorRate(double p) {
        wire.bitErrorRate = p;
    }

    /** Host frames dropped on the way in by {@link #setHostToBoardDropRate}. */
    public long injectedHostToBoardDrops() {
        return wire.injectedInboundDrops.get();
    }

    /** Bits flipped by {@link #setBitErrorRate}, both directions. */
    public long injectedBitErrors() {
        return wire.injectedBitErrors.get();
    }

    /** The ACKs of the next {@code n} commands are never sent (the commands still take effect). */
    public void missNextAcks(int n) {
        core.execute(() -> state.acksToMiss = n);
    }

    /** The ACKs of the next {@code n} commands are sent {@code delay} late. */
    public void delayNextAcks(int n, Duration delay) {
        core.execute(() -> {
            state.acksToDelay = n;
            state.ackDelay = delay;
        });
    }

    /** Connects span {@code span}'s D-channel to {@code peer}. */
    public void attachSpan(int span, DChannelPeer peer) {
        core.execute(() -> state.spans[span].peer = peer);
    }

    /**
     * The far end sends a LAPD frame. Frames are relayed in the order sent, on the core thread; the
     * sender is not held up (a carrier's line transmitter does not wait for the board at the far end:
     * a sender blocked here could not acknowledge the host's frames meanwhile). {@code relayed} hears,
     * on the core thread, whether the board relayed it (false: span unconfigured or in alarm; LAPD
     * recovers the frame).
     */
    public void toHost(int span, byte[] lapd, Consumer<Boolean> relayed) {
        byte[] copy = lapd.clone();
        core.execute(() -> relayed.accept(state.relayToHost(span, copy)));
    }

    /** Sets the span's alarm bits (SpanStatus.LOS etc.); a change is reported at once. */
    public void setAlarms(int span, int alarms) {
        core.execute(() -> state.setAlarms(span, alarms));
    }

    /** Connects a channel's audio to {@code ep} instead of silence. */
    public void setAudioEndpoint(int unit, int chan, AudioEndpoint ep) {
        core.execute(() -> state.endpoints.put(new ChannelId(unit, chan), ep));
    }

    /** A headset is plugged into or pulled from port {@code port}: HEADSET_EVENT. */
    public void plugHeadset(int port, boolean plugged) {
        core.execute(() -> state.send(new HeadsetEvent(0, Units.headset(port), 0,
                plugged ? HeadsetEventKind.PLUGGED : HeadsetEventKind.UNPLUGGED)));
    }

    /** The FXO port's line reports {@code kind} (ring, reversal, loop open, line up/down): FXO_EVENT. */
    public void fxoEvent(int port, FxoEventKind kind, int voltsTenths) {
        core.execute(() -> state.send(new FxoEvent(0, Units.fxo(port), 0, kind, voltsTenths)));
    }

    /**
     * Tells {@code listener} (port, state) each time the host switches an FXO hook relay, on the
     * core thread, after the relay switched and before the ACK goes out. One listener; a later call
     * replaces it.
     */
    public void onFxoHook(BiConsumer<Integer, HookState> listener) {
        core.execute(() -> state.hookListener = listener);
    }

    /**
     * The simulator's core scheduler: line simulators that feed {@link #setAudioEndpoint} and
     * {@link #onFxoHook} run on it, so they share the board's thread and need no locks.
     */
    public Scheduler scheduler() {
        return core;
    }

    public long framesReceived() {
        return wire.framesReceived.get();
    }

    public long framesSent() {
        return wire.framesSent.get();
    }

    public long injectedBadFcs() {
        return wire.injectedBadFcs.get();
    }

    /** Board-to-host frames thrown away by {@link #setDropRate}. */
    public long injectedDrops() {
        return wire.injectedDrops.get();
    }

    public long hellosSent() {
        return onCore(() -> state.hellos);
    }

    public boolean hostLost() {
        return onCore(() -> state.hostLost);
    }

    public List<ChannelId> openChannels() {
        return onCore(() -> List.copyOf(state.open.keySet()));
    }

    /** AUDIO frames the host sent on a channel while it was open (0 if it is not open). */
    public long hostAudioFrames(int unit, int chan) {
        return onCore(() -> {
            SimChannel c = state.open.get(new ChannelId(unit, chan));
            return c == null ? 0L : c.hostFrames;
        });
    }

    /** AUDIO frames the board sent on an open channel so far. */
    public long boardAudioFrames(int unit, int chan) {
        return onCore(() -> {
            SimChannel c = state.open.get(new ChannelId(unit, chan));
            return c == null ? 0L : (long) c.frameNo;
        });
    }

    /** Jitter-buffer underruns over every channel, closed ones included. */
    public long underruns() {
        return onCore(() -> state.underrunsOfClosed
                + state.open.values().stream().mapToLong(c -> c.underruns).sum());
    }

    public HookState hookState(int fxoPort) {
        return onCore(() -> state.hooks[fxoPort]);
    }

    public boolean spanConfigured(int span) {
        return onCore(() -> state.spans[span].configured);
    }

    @Override
    public void close() {
        wire.detach();
        core.close();
    }

    private <T> T onCore(Supplier<T> query) {
        CompletableFuture<T> f = new CompletableFuture<>();
        core.execute(() -> f.complete(query.get()));
        try {
            // a safety net, not a measurement: on a loaded CI machine the core's 20 ms tick can be late by seconds
            return f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the simulator", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("simulator core did not answer", e);
        }
    }
}
