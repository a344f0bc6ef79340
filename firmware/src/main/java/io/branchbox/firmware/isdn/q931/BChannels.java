package io.branchbox.firmware.isdn.q931;

import io.branchbox.drivers.cb1.msg.SpanConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 30 B-channels of an E1 PRI (timeslots 1-15 and 17-31) and who holds each.
 *
 * <p>The box hunts from the highest idle timeslot because networks usually hunt from the lowest;
 * that keeps glare rare. An outgoing call holds its channel "unconfirmed" until the network
 * answers the SETUP; on glare the network's call takes such a channel (EN 300 403: the network
 * side wins) and the outgoing call waits for the network to assign another channel or reject.
 *
 * <p>Threading: mutated on the signalling thread; methods are synchronized so that the admin UI
 * may read {@link #snapshot()} from another thread.
 */
public final class BChannels {
    private static final Logger log = LoggerFactory.getLogger(BChannels.class);
    private static final int SLOTS = 32;

    /** A channel's state. */
    public enum ChannelState { IDLE, BUSY, BLOCKED, RESTARTING }

    private final ChannelState[] states = new ChannelState[SLOTS];
    private final CallKey[] owners = new CallKey[SLOTS];
    private final boolean[] confirmed = new boolean[SLOTS];

    public BChannels() {
        for (int ts : timeslots()) {
            states[ts] = ChannelState.IDLE;
        }
    }

    /** Whether {@code ts} is a B-channel timeslot on E1 (not 0 framing, not 16 signalling). */
    public static boolean isBearer(int ts) {
        return ts > 0 && ts < SLOTS && ts != SpanConfig.D_CHANNEL_TIMESLOT;
    }

    /** All B-channel timeslots, ascending. */
    public static List<Integer> timeslots() {
        return IntStream.range(1, SLOTS).filter(BChannels::isBearer).boxed().toList();
    }

    public synchronized ChannelState state(int ts) {
        return isBearer(ts) ? states[ts] : ChannelState.BLOCKED;
    }

    public synchronized Optional<CallKey> owner(int ts) {
        return isBearer(ts) ? Optional.ofNullable(owners[ts]) : Optional.empty();
    }

    /** Whether the channel is held by an outgoing call the network has not yet confirmed. */
    public synchronized boolean heldUnconfirmed(int ts) {
        return isBearer(ts) && states[ts] == ChannelState.BUSY && owners[ts].outgoing() && !confirmed[ts];
    }

    /** The highest idle timeslot, or 0 if none. */
    public synchronized int pickIdle() {
        for (int ts = SLOTS - 1; ts > 0; ts--) {
            if (isBearer(ts) && states[ts] == ChannelState.IDLE) {
                return ts;
            }
        }
        return 0;
    }

    /** Marks an idle channel busy for {@code owner}; false if it is not idle. */
    public synchronized boolean seize(int ts, CallKey owner, boolean confirmedByNetwork) {
        if (state(ts) != ChannelState.IDLE) {
            log.info("{} cannot seize ts {}: {}", owner, ts, state(ts));
            return false;
        }
        states[ts] = ChannelState.BUSY;
        owners[ts] = owner;
        confirmed[ts] = confirmedByNetwork;
        log.info("{} seized ts {}{}", owner, ts, confirmedByNetwork ? "" : " (awaiting network)");
        return true;
    }

    /** The network accepted the channel of our outgoing call. */
    public synchronized void confirm(int ts, CallKey owner) {
        if (isBearer(ts) && owner.equals(owners[ts])) {
            confirmed[ts] = true;
        }
    }

    /**
     * Glare: gives a channel held unconfirmed by our outgoing call to the network's call. Returns
     * the outgoing call that lost it.
     */
    public synchronized CallKey yieldToNetwork(int ts, CallKey incoming) {
        CallKey loser = owners[ts];
        owners[ts] = incoming;
        confirmed[ts] = true;
        log.warn("glare on ts {}: network call {} wins, outgoing call {} must take another channel", ts, incoming, loser);
        return loser;
    }

    /** Frees the channel if {@code owner} still holds it. */
    public synchronized void release(int ts, CallKey owner) {
        if (isBearer(ts) && states[ts] == ChannelState.BUSY && owner.equals(owners[ts])) {
            setIdle(ts);
            log.info("{} released ts {}", owner, ts);
        }
    }

    /** Takes a channel out of service (maintenance), e.g. after T308 expired twice. */
    public synchronized void block(int ts, String reason) {
        if (isBearer(ts)) {
            states[ts] = ChannelState.BLOCKED;
            owners[ts] = null;
            log.warn("ts {} blocked: {}", ts, reason);
        }
    }

    /** Marks a channel as being restarted (RESTART sent or received). */
    public synchronized void restarting(int ts) {
        if (isBearer(ts)) {
            states[ts] = ChannelState.RESTARTING;
            owners[ts] = null;
        }
    }

    /** Returns a channel to service: restart acknowledged, or a technician unblocked it. */
    public synchronized void setIdle(int ts) {
        if (isBearer(ts)) {
            states[ts] = ChannelState.IDLE;
            owners[ts] = null;
            confirmed[ts] = false;
        }
    }

    /** An immutable copy: timeslot to state. */
    public synchronized Map<Integer, ChannelState> snapshot() {
        Map<Integer, ChannelState> m = new LinkedHashMap<>();
        for (int ts : timeslots()) {
            m.put(ts, states[ts]);
        }
        return Collections.unmodifiableMap(m);
    }
}
