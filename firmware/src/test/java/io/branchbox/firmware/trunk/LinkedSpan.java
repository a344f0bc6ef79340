package io.branchbox.firmware.trunk;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.drivers.cb1.msg.SpanStatus;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.isdn.capture.DChannelCapture;
import io.branchbox.firmware.isdn.lapd.LapdCodec;
import io.branchbox.firmware.isdn.lapd.LapdException;
import io.branchbox.firmware.isdn.lapd.LapdFrame;
import io.branchbox.firmware.isdn.lapd.LapdLink;
import io.branchbox.firmware.isdn.lapd.LapdSettings;
import io.branchbox.firmware.isdn.lapd.Role;
import io.branchbox.firmware.isdn.q931.Q931Codec;
import io.branchbox.firmware.isdn.q931.Q931Exception;
import io.branchbox.firmware.isdn.q931.Q931Message;
import io.branchbox.time.ManualScheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@link PriSpan} wired over real LAPD to a {@link FakeNetwork}; frames cross through the
 * scheduler so neither side is re-entered. Call {@link #bringUp()} and the layers settle with
 * the RESTART of every channel acknowledged.
 */
public final class LinkedSpan {
    public final PriSpan span;
    public final FakeNetwork network = new FakeNetwork();
    public final List<TrunkCall> incoming = new ArrayList<>();
    /**
     * In the order they happened on the box's side: "TYPE cr" for each Q.931 message of a call the
     * box hands to the D-channel, "incoming ts" when call control hears of a call (tests that offer
     * calls with call reference = timeslot read them together).
     */
    public final List<String> trace = new ArrayList<>();
    private final ManualScheduler scheduler;
    private final LapdLink networkLapd;

    public LinkedSpan(int n, ManualScheduler scheduler) {
        this.scheduler = scheduler;
        PriSpan[] box = new PriSpan[1];
        this.networkLapd = new LapdLink(Role.NETWORK, LapdSettings.DEFAULTS.withAutoEstablish(false), scheduler,
                frame -> scheduler.execute(() -> box[0].onDChannel(frame)), network, "net" + n);
        network.attach(networkLapd);
        box[0] = new PriSpan(n, scheduler, (unit, chan, frame) -> {
                    traceSent(frame);
                    scheduler.execute(() -> networkLapd.receive(frame));
                }, new PriSpan.Calls() {
                    @Override
                    public void onIncoming(TrunkCall call) {
                        incoming.add(call);
                        trace.add("incoming " + call.audioChan());
                    }

                    @Override
                    public void onTrunkCleared(TrunkCall call, Q850Cause cause) {
                        incoming.remove(call);
                    }
                }, new DChannelCapture(scheduler.clock(), false, 64, 1 << 16));
        this.span = box[0];
    }

    private void traceSent(byte[] frame) {
        try {
            if (LapdCodec.decode(frame) instanceof LapdFrame.I i) {
                Q931Message m = Q931Codec.decode(i.info());
                if (!m.callReference().isGlobal()) {
                    trace.add(m.type() + " " + m.callReference().value());
                }
            }
        } catch (LapdException | Q931Exception e) {
            throw new AssertionError("the box sent an undecodable frame", e);
        }
    }

    /** Layer 1 up on both sides, then LAPD and the initial RESTART settle. */
    public LinkedSpan bringUp() {
        networkLapd.start();
        span.onConfigured();
        span.onStatus(new SpanStatus(0, Units.span(span.span()), 0, 0, 0, 0, 0));
        scheduler.runPending();
        return this;
    }

    /** Loss of signal on the box's side: layer 1 and LAPD drop at once. */
    public void loseSignal() {
        span.onStatus(new SpanStatus(1, Units.span(span.span()), 0, SpanStatus.LOS, 0, 0, 0));
        scheduler.runPending();
    }
}
