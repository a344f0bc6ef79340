package io.branchbox.firmware.trunk.outbound;

import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.isdn.q931.BChannels;
import io.branchbox.firmware.isdn.q931.ChannelPreference;
import io.branchbox.firmware.isdn.q931.IsdnCall;
import io.branchbox.firmware.trunk.PriSpan;
import java.util.List;

/**
 * One PRI span as the dialer, the channel admin and the stuck-channel detector see it. Production
 * code uses {@link #of(PriSpan)}.
 *
 * <p>Threading: every method on the signalling thread, except {@link #channels()}, whose
 * {@link BChannels#snapshot()} may be read from anywhere.
 */
public interface OutboundTrunk {

    /** The span number (0-based, as in "span0/ts31"). */
    int span();

    /** Whether layer 2 is established; a span without it is skipped, not tried. */
    boolean signallingUp();

    BChannels channels();

    /** Places a call; its callbacks go to {@code listener} (see {@link PriSpan#placeCall}). */
    IsdnCall place(String called, String calling, ChannelPreference preference, PriSpan.OutgoingListener listener);

    /** Call control's view of an answered call. */
    TrunkCall trunkCall(IsdnCall call);

    /** The calls Q.931 knows on this span. */
    List<IsdnCall> calls();

    /** Sends RESTART for the timeslots (see {@link io.branchbox.firmware.isdn.q931.Q931Layer#restartChannels}). */
    void restartChannels(List<Integer> timeslots);

    /** The adapter for a real span. */
    static OutboundTrunk of(PriSpan s) {
        return new OutboundTrunk() {
            @Override
            public int span() {
                return s.span();
            }

            @Override
            public boolean signallingUp() {
                return s.layer2Up();
            }

            @Override
            public BChannels channels() {
                return s.q931().channels();
            }

            @Override
            public IsdnCall place(String called, String calling, ChannelPreference preference, PriSpan.OutgoingListener listener) {
                return s.placeCall(called, calling, preference, listener);
            }

            @Override
            public TrunkCall trunkCall(IsdnCall call) {
                return s.trunkCall(call);
            }

            @Override
            public List<IsdnCall> calls() {
                return s.calls();
            }

            @Override
            public void restartChannels(List<Integer> timeslots) {
                s.q931().restartChannels(timeslots);
            }

            @Override
            public String toString() {
                return "span" + s.span();
            }
        };
    }
}
