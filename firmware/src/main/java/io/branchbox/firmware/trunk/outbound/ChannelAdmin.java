package io.branchbox.firmware.trunk.outbound;

import io.branchbox.firmware.isdn.q931.BChannels;
import io.branchbox.firmware.isdn.q931.BChannels.ChannelState;
import io.branchbox.time.Scheduler;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Technician blocking of B-channels: a blocked channel is never chosen for an outbound call, and
 * while idle it is also BLOCKED in Q.931's {@link BChannels}, so the admin page shows it and the
 * box refuses a network call offered on it exclusively (cause 44; the network hunts on).
 *
 * <p>The block list here is the truth. A channel busy when blocked keeps its call and is marked
 * BLOCKED by {@link #enforce()} once idle; so is one a RESTART returned to idle. Blocks live in
 * memory: the integrator persists them if they must survive a reboot.
 *
 * <p>Threading: {@link #block}, {@link #unblock} and {@link #enforce} on the signalling thread
 * (the web admin posts them with {@code scheduler.execute}); {@link #blocks()} and
 * {@link #isBlocked} from any thread.
 */
public final class ChannelAdmin {
    private static final Logger log = LoggerFactory.getLogger(ChannelAdmin.class);

    /** One technician block. */
    public record Block(int span, int timeslot, String reason, Instant since) {}

    private record Key(int span, int timeslot) {}

    private final Map<Integer, OutboundTrunk> trunks;
    private final Scheduler scheduler;
    private final Map<Key, Block> blocks = new ConcurrentHashMap<>();

    /** @param trunks every span by span number */
    public ChannelAdmin(Map<Integer, OutboundTrunk> trunks, Scheduler scheduler) {
        this.trunks = Map.copyOf(trunks);
        this.scheduler = scheduler;
    }

    /**
     * Blocks a channel; blocking it again replaces the reason.
     *
     * @throws IllegalArgumentException for an unknown span or a timeslot that is no B-channel
     */
    public void block(int span, int timeslot, String reason) {
        OutboundTrunk t = trunk(span, timeslot);
        blocks.put(new Key(span, timeslot), new Block(span, timeslot, reason, scheduler.clock().instant()));
        ChannelState state = t.channels().state(timeslot);
        log.warn("span{}/ts{} blocked by technician ({}), now {}", span, timeslot, reason, state);
        if (state == ChannelState.IDLE) {
            t.channels().block(timeslot, "technician: " + reason);
        }
    }

    /**
     * Lifts a technician block; the channel, if BLOCKED, is idle again at once.
     *
     * @return whether the channel was blocked
     */
    public boolean unblock(int span, int timeslot) {
        OutboundTrunk t = trunk(span, timeslot);
        Block removed = blocks.remove(new Key(span, timeslot));
        if (removed == null) {
            return false;
        }
        if (t.channels().state(timeslot) == ChannelState.BLOCKED) {
            t.channels().setIdle(timeslot);
        }
        log.info("span{}/ts{} unblocked by technician (was: {})", span, timeslot, removed.reason());
        return true;
    }

    public boolean isBlocked(int span, int timeslot) {
        return blocks.containsKey(new Key(span, timeslot));
    }

    /** The blocks, by span and timeslot. */
    public List<Block> blocks() {
        return blocks.values().stream()
                .sorted(Comparator.comparingInt(Block::span).thenComparingInt(Block::timeslot)).toList();
    }

    /** Marks BLOCKED every blocked channel that has become idle (call ended, RESTART acknowledged). */
    public void enforce() {
        for (Block b : blocks.values()) {
            BChannels channels = trunks.get(b.span()).channels();
            if (channels.state(b.timeslot()) == ChannelState.IDLE) {
                channels.block(b.timeslot(), "technician: " + b.reason());
            }
        }
    }

    private OutboundTrunk trunk(int span, int timeslot) {
        OutboundTrunk t = trunks.get(span);
        if (t == null) {
            throw new IllegalArgumentException("no span " + span);
        }
        if (!BChannels.isBearer(timeslot)) {
            throw new IllegalArgumentException("timeslot " + timeslot + " is not a B-channel");
        }
        return t;
    }
}
