package io.branchbox.firmware.trunk.outbound;

import io.branchbox.firmware.isdn.q931.BChannels.ChannelState;
import io.branchbox.firmware.isdn.q931.ChannelPreference;
import io.branchbox.firmware.trunk.outbound.OutboundConfig.ChannelMode;
import io.branchbox.firmware.trunk.outbound.OutboundConfig.ChannelOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the channel of the next attempt on a span: idle in Q.931's view, not blocked by a
 * technician, not already tried in this dial, taken in the configured order.
 *
 * <p>Threading: signalling thread (reads {@link io.branchbox.firmware.isdn.q931.BChannels#snapshot()}).
 */
final class ChannelSelector {
    private final ChannelOrder order;
    private final ChannelMode mode;
    private final ChannelAdmin admin;

    ChannelSelector(ChannelOrder order, ChannelMode mode, ChannelAdmin admin) {
        this.order = order;
        this.mode = mode;
        this.admin = admin;
    }

    /** The preference for the SETUP, or empty if the span has no usable channel left. */
    Optional<ChannelPreference> choose(OutboundTrunk trunk, Set<Integer> tried) {
        List<Integer> usable = usable(trunk, tried);
        if (usable.isEmpty()) {
            return Optional.empty();
        }
        int ts = usable.get(0);
        return Optional.of(switch (mode) {
            case PREFERRED -> new ChannelPreference.Preferred(ts);
            case EXCLUSIVE -> new ChannelPreference.Exclusive(ts);
            case NETWORK_CHOOSES -> new ChannelPreference.NetworkChooses();
        });
    }

    /** Usable timeslots in the order they would be tried. */
    List<Integer> usable(OutboundTrunk trunk, Set<Integer> tried) {
        List<Integer> out = new ArrayList<>();
        for (Map.Entry<Integer, ChannelState> e : trunk.channels().snapshot().entrySet()) {
            int ts = e.getKey();
            if (e.getValue() == ChannelState.IDLE && !tried.contains(ts) && !admin.isBlocked(trunk.span(), ts)) {
                out.add(ts);
            }
        }
        if (order == ChannelOrder.HIGHEST_FIRST) {
            Collections.reverse(out);
        }
        return out;
    }
}
