package io.branchbox.rig.isdn;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.drivers.cb1.msg.SpanStatus;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.isdn.DataLink;
import io.branchbox.firmware.isdn.capture.DChannelCapture;
import io.branchbox.firmware.isdn.lapd.LapdLink;
import io.branchbox.firmware.isdn.lapd.LapdSettings;
import io.branchbox.firmware.isdn.lapd.Role;
import io.branchbox.firmware.trunk.PriSpan;
import io.branchbox.rig.carrier.CarrierNetworkSide;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The box's real {@link PriSpan} (user side) and the carrier's LAPD in the NETWORK role with a
 * {@link CarrierNetworkSide} on top, joined by a simulated D-channel wire in virtual time.
 *
 * <p>The wire delivers every frame after a fixed propagation delay (so frames stay in order, as on
 * a real E1 timeslot), can drop a fraction of frames in each direction with its own seeded
 * {@link Random}, and can be cut (every frame lost) and mended. The span's own
 * {@link DChannelCapture} records what the box saw, as on a real box.
 *
 * <p>Threading: the test thread only; everything runs when the test advances the
 * {@link ManualScheduler}.
 */
final class SpanOnWire {
    static final Duration PROPAGATION = Duration.ofMillis(2);

    final ManualScheduler scheduler;
    final PriSpan span;
    final LapdLink networkLapd;
    final CarrierNetworkSide network;
    final DChannelCapture capture;
    /** Calls the span handed to call control, in order. */
    final List<TrunkCall> incoming = new ArrayList<>();

    private final Random random;
    private Consumer<TrunkCall> onIncoming = incoming::add;
    private BiConsumer<TrunkCall, Integer> onCleared = (c, cause) -> { };
    private double loss;
    private boolean cut;
    private long lostToNetwork;
    private long lostToBox;
    private long framesToNetwork;
    private long framesToBox;

    SpanOnWire(ManualScheduler scheduler, long seed, int captureFrames) {
        this.scheduler = scheduler;
        this.random = new Random(seed);
        this.capture = new DChannelCapture(scheduler.clock(), false, captureFrames, 64L * captureFrames);
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
        PriSpan[] box = new PriSpan[1];
        this.networkLapd = new LapdLink(Role.NETWORK, LapdSettings.DEFAULTS.withAutoEstablish(false), scheduler,
                frame -> carry(frame, true, () -> box[0].onDChannel(frame)), network, "carrier");
        link[0] = networkLapd;
        this.span = new PriSpan(0, scheduler, (unit, chan, frame) -> carry(frame, false, () -> networkLapd.receive(frame)),
                new PriSpan.Calls() {
                    @Override
                    public void onIncoming(TrunkCall call) {
                        onIncoming.accept(call);
                    }

                    @Override
                    public void onTrunkCleared(TrunkCall call, Q850Cause q850) {
                        int cause = q850.value();
                        onCleared.accept(call, cause);
                    }
                }, capture);
        box[0] = span;
    }

    /** Replaces the default call-control sink (which only lists incoming calls). */
    void callControl(Consumer<TrunkCall> incomingCalls, BiConsumer<TrunkCall, Integer> cleared) {
        this.onIncoming = incomingCalls;
        this.onCleared = cleared;
    }

    /** Layer 1 up on both ends; LAPD comes up and the box restarts the interface. */
    SpanOnWire bringUp() {
        networkLapd.start();
        span.onConfigured();
        span.onStatus(new SpanStatus(0, Units.span(0), 0, 0, 0, 0, 0));
        settle(Duration.ofMillis(200));
        return this;
    }

    /** Lets virtual time run on so that frames in flight arrive and are answered. */
    void settle(Duration d) {
        scheduler.advance(d);
    }

    /** Every frame in each direction is lost with this probability (0 for a perfect wire). */
    void loss(double probability) {
        this.loss = probability;
    }

    /** Cuts the wire: frames in both directions are lost until {@link #mend()}. */
    void cut() {
        cut = true;
    }

    void mend() {
        cut = false;
    }

    boolean isCut() {
        return cut;
    }

    long lostToNetwork() {
        return lostToNetwork;
    }

    long lostToBox() {
        return lostToBox;
    }

    long framesToNetwork() {
        return framesToNetwork;
    }

    long framesToBox() {
        return framesToBox;
    }

    private void carry(byte[] frame, boolean toBox, Runnable deliver) {
        if (toBox) {
            framesToBox++;
        } else {
            framesToNetwork++;
        }
        // a cut wire loses everything; random loss counts only frames the intact wire dropped
        if (cut || (loss > 0 && random.nextDouble() < loss)) {
            if (toBox) {
                lostToBox++;
            } else {
                lostToNetwork++;
            }
            return;
        }
        scheduler.schedule(PROPAGATION, deliver);
    }
}
