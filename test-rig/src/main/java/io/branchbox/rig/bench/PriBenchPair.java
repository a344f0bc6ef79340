package io.branchbox.rig.bench;

import io.branchbox.time.ThreadNames;
import ch.qos.logback.classic.Level;
import io.branchbox.drivers.cb1.msg.SpanStatus;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.firmware.isdn.DataLink;
import io.branchbox.firmware.isdn.capture.DChannelCapture;
import io.branchbox.firmware.isdn.lapd.LapdLink;
import io.branchbox.firmware.isdn.lapd.LapdSettings;
import io.branchbox.firmware.isdn.lapd.Role;
import io.branchbox.firmware.isdn.q931.BChannels.ChannelState;
import io.branchbox.firmware.trunk.PriSpan;
import io.branchbox.rig.carrier.CarrierNetworkSide;
import io.branchbox.time.ExecutorScheduler;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * The box's {@link PriSpan} on its own signalling thread and the carrier (LAPD NETWORK role and
 * {@link CarrierNetworkSide}) on another, joined by an in-memory D-channel: every frame is handed
 * to the other side's thread with {@code execute}, as the board relay would.
 *
 * <p>{@link FrameTap} sees each frame on the box's thread just before it enters
 * {@link PriSpan#onDChannel} and as it leaves through the span's DChannelOut, which is where the
 * latency benchmark takes its timestamps. Frames are never lost.
 */
final class PriBenchPair implements AutoCloseable {

    /** Sees the box's D-channel traffic on the box's signalling thread. Must be quick. */
    interface FrameTap {
        void intoBox(byte[] frame);

        void outOfBox(byte[] frame);
    }

    final ExecutorScheduler box = new ExecutorScheduler(ThreadNames.SIGNALLING, Clock.systemUTC());
    final ExecutorScheduler carrier = new ExecutorScheduler(ThreadNames.CARRIER_SPAN + 0, Clock.systemUTC());
    final PriSpan span;
    final LapdLink networkLapd;
    final CarrierNetworkSide network;
    /** Set by {@link #close}: frames still crossing are dropped instead of hitting a closed executor. */
    private volatile boolean closing;

    PriBenchPair(Function<PriBenchPair, PriSpan.Calls> callControl, FrameTap tap) {
        DataLink[] link = new DataLink[1];
        this.network = new CarrierNetworkSide(new DataLink() {
            @Override
            public void establish() {
                link[0].establish();
            }

            @Override
            public void send(byte[] m) {
                link[0].send(m);
            }

            @Override
            public boolean isUp() {
                return link[0].isUp();
            }
        });
        PriSpan[] boxSpan = new PriSpan[1];
        this.networkLapd = new LapdLink(Role.NETWORK, LapdSettings.DEFAULTS.withAutoEstablish(false), carrier,
                frame -> {
                    if (!closing) {
                        box.execute(() -> {
                            tap.intoBox(frame);
                            boxSpan[0].onDChannel(frame);
                        });
                    }
                }, network, "carrier");
        link[0] = networkLapd;
        this.span = new PriSpan(0, box, (unit, chan, frame) -> {
            tap.outOfBox(frame);
            if (!closing) {
                carrier.execute(() -> networkLapd.receive(frame));
            }
        }, callControl.apply(this), new DChannelCapture(Clock.systemUTC(), false, 2048, 1 << 20));
        boxSpan[0] = span;
    }

    /**
     * Turns the stack's per-call INFO logging down to WARN unless {@code keepLogging}: the figures
     * are then the protocol stack's own; with the box's production logging (INFO to console and
     * file) each call also pays for a dozen log lines.
     */
    static void quietLogging(boolean keepLogging) {
        if (!keepLogging) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.branchbox")).setLevel(Level.WARN);
        }
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(PriBenchPair.class.getPackageName())).setLevel(Level.INFO);
    }

    /** Layer 1 up, LAPD established and the interface RESTART acknowledged; waits up to 10 s. */
    void bringUp() throws Exception {
        carrier.execute(networkLapd::start);
        box.execute(() -> {
            span.onConfigured();
            span.onStatus(new SpanStatus(0, Units.span(0), 0, 0, 0, 0, 0));
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!onBox(s -> s.layer2Up() && s.q931().channels().snapshot().values().stream()
                .allMatch(ChannelState.IDLE::equals))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("LAPD or the interface RESTART did not complete in 10 s");
            }
            Thread.sleep(10);
        }
    }

    /** Reads the span on its own thread. */
    <T> T onBox(Function<PriSpan, T> read) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        box.execute(() -> f.complete(read.apply(span)));
        return f.get(5, TimeUnit.SECONDS);
    }

    /** Reads the network side on its own thread. */
    <T> T onCarrierRead(Function<CarrierNetworkSide, T> read) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        carrier.execute(() -> f.complete(read.apply(network)));
        return f.get(5, TimeUnit.SECONDS);
    }

    /** Runs {@code action} with the network side on the carrier's thread. */
    void onCarrier(Consumer<CarrierNetworkSide> action) {
        carrier.execute(() -> action.accept(network));
    }

    @Override
    public void close() {
        closing = true;
        box.close();
        carrier.close();
    }
}
