package io.branchbox.rig.isdn;

import io.branchbox.firmware.isdn.q931.CallReference;
import io.branchbox.firmware.isdn.q931.Cause;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.isdn.q931.MessageType;
import io.branchbox.firmware.isdn.q931.Q931Message;
import io.branchbox.rig.carrier.CarrierNetworkSide;
import io.branchbox.rig.carrier.NetworkState;
import io.branchbox.rig.carrier.OfferedCall;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The network-side timers the carrier simulator leaves out, played by the soak from outside:
 * a call stuck in one state (its message lost in a layer-2 reset, which Q.921 allows) is cleared
 * the way a real exchange would after T303/T310, T305 and T308, or after a long silence.
 *
 * <p>Without this, a single lost DISCONNECT would leave the carrier's half of a call for ever and
 * the soak could not tell the box's leaks from the simulator's. Test thread only; {@link #tick}
 * runs once a virtual second.
 */
final class CarrierSupervision {
    /** Network T305: DISCONNECT sent, no RELEASE: send RELEASE. */
    static final long T305_MILLIS = 30_000;
    /** Network T308: RELEASE sent, no RELEASE COMPLETE: send RELEASE again. */
    static final long T308_MILLIS = 4_000;
    /** Offered or placed call with no progress: the caller or the exchange gives up. */
    static final long SETUP_MILLIS = 60_000;
    /** Nothing at all happened to a call for this long: clear it. */
    static final long SILENCE_MILLIS = 600_000;

    private record Seen(NetworkState state, long since) {}

    private final CarrierNetworkSide network;
    private final Map<OfferedCall, Seen> seen = new IdentityHashMap<>();
    private long interventions;

    CarrierSupervision(CarrierNetworkSide network) {
        this.network = network;
    }

    void tick(long nowMillis) {
        seen.keySet().retainAll(network.calls());
        for (OfferedCall c : network.calls()) {
            Seen s = seen.get(c);
            if (s == null || s.state() != c.state()) {
                seen.put(c, new Seen(c.state(), nowMillis));
                continue;
            }
            long stuck = nowMillis - s.since();
            boolean acted = switch (c.state()) {
                case N12 -> stuck >= T305_MILLIS && release(c);
                case N19 -> stuck >= T308_MILLIS && release(c);
                case N1, N3, N4, N6, N7, N9 -> stuck >= SETUP_MILLIS && hangup(c);
                default -> stuck >= SILENCE_MILLIS && hangup(c);
            };
            if (acted) {
                interventions++;
                seen.put(c, new Seen(c.state(), nowMillis));
            }
        }
    }

    /** Times the supervision had to clear or push a call along. */
    long interventions() {
        return interventions;
    }

    private boolean release(OfferedCall c) {
        network.send(Q931Message.of(CallReference.pri(c.callReference(), c.fromBox()), MessageType.RELEASE,
                new Cause(0, Cause.Location.PUBLIC_LOCAL, Q850Cause.RECOVERY_ON_TIMER_EXPIRY.value(), new byte[0])));
        return true;
    }

    private boolean hangup(OfferedCall c) {
        c.hangup(Q850Cause.RECOVERY_ON_TIMER_EXPIRY.value());
        return true;
    }
}
