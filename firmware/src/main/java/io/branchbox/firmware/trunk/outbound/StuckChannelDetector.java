package io.branchbox.firmware.trunk.outbound;

import io.branchbox.firmware.isdn.q931.BChannels;
import io.branchbox.firmware.isdn.q931.BChannels.ChannelState;
import io.branchbox.firmware.isdn.q931.CallKey;
import io.branchbox.firmware.isdn.q931.IsdnCall;
import io.branchbox.time.Scheduler;
import io.branchbox.time.Scheduler.Timer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds B-channels that Q.931 holds BUSY although no call owns them (a call lost without its
 * channel being freed) and returns them to service with RESTART, which the old system never did:
 * its outbound calls hit such channels again and again.
 *
 * <p>A channel is stuck once it has been BUSY without a live owning call for
 * {@link StuckChannelPolicy#grace()}. Restarts are rate limited: one per channel per
 * {@link StuckChannelPolicy#channelInterval()}, {@link StuckChannelPolicy#perSpanLimit()} per span
 * per {@link StuckChannelPolicy#spanWindow()}; the stuck channels of one span due in a sweep go
 * in one RESTART. Pitfall: Q.931 follows one RESTART at a time, so no RESTART is sent on a span
 * while any of its channels is still RESTARTING. Each sweep also lets {@link ChannelAdmin}
 * re-apply technician blocks.
 *
 * <p>Threading: signalling thread only ({@link #start} schedules {@link #sweep} on the scheduler).
 */
public final class StuckChannelDetector {
    private static final Logger log = LoggerFactory.getLogger(StuckChannelDetector.class);

    private record Key(int span, int timeslot) {}

    private final List<OutboundTrunk> trunks;
    private final ChannelAdmin admin;
    private final StuckChannelPolicy policy;
    private final Scheduler scheduler;
    private final Map<Key, Long> orphanSince = new HashMap<>();
    private final Map<Key, Long> lastRestart = new HashMap<>();
    private final Map<Integer, Deque<Long>> spanRestarts = new HashMap<>();
    private Timer job = Timer.NONE;
    private long restarts;
    private long suppressed;

    public StuckChannelDetector(List<OutboundTrunk> trunks, ChannelAdmin admin, StuckChannelPolicy policy, Scheduler scheduler) {
        this.trunks = List.copyOf(trunks);
        this.admin = admin;
        this.policy = policy;
        this.scheduler = scheduler;
    }

    /** Starts the periodic sweep; idempotent. */
    public void start() {
        if (!job.isPending()) {
            job = scheduler.scheduleAtFixedRate(policy.sweepPeriod(), policy.sweepPeriod(), this::sweep);
        }
    }

    public void stop() {
        job.cancel();
    }

    /** Channels restarted so far (for the health report). */
    public long restarts() {
        return restarts;
    }

    /** Stuck channels whose RESTART the rate limits held back so far. */
    public long suppressed() {
        return suppressed;
    }

    /** One look at every span. */
    public void sweep() {
        admin.enforce();
        long now = scheduler.nowMillis();
        for (OutboundTrunk t : trunks) {
            sweep(t, now);
        }
    }

    private void sweep(OutboundTrunk t, long now) {
        Set<CallKey> live = t.calls().stream().map(IsdnCall::key).collect(Collectors.toSet());
        BChannels channels = t.channels();
        Map<Integer, ChannelState> snapshot = channels.snapshot();
        List<Integer> due = new ArrayList<>();
        for (Map.Entry<Integer, ChannelState> e : snapshot.entrySet()) {
            Key key = new Key(t.span(), e.getKey());
            boolean orphan = e.getValue() == ChannelState.BUSY
                    && channels.owner(e.getKey()).map(owner -> !live.contains(owner)).orElse(true);
            if (!orphan) {
                orphanSince.remove(key);
            } else if (now - orphanSince.computeIfAbsent(key, k -> now) >= policy.grace().toMillis()) {
                due.add(e.getKey());
            }
        }
        if (due.isEmpty()) {
            return;
        }
        if (snapshot.containsValue(ChannelState.RESTARTING)) {
            log.info("span{}: stuck ts {} wait for the pending RESTART", t.span(), due);
            return;
        }
        List<Integer> batch = allowed(t.span(), due, now);
        if (batch.isEmpty()) {
            return;
        }
        log.warn("span{}: ts {} BUSY without a call for over {} s: RESTART", t.span(), batch, policy.grace().toSeconds());
        batch.forEach(ts -> orphanSince.remove(new Key(t.span(), ts)));
        restarts += batch.size();
        t.restartChannels(batch);
    }

    /** The due channels the rate limits let through, recorded as restarted now. */
    private List<Integer> allowed(int span, List<Integer> due, long now) {
        Deque<Long> window = spanRestarts.computeIfAbsent(span, s -> new ArrayDeque<>());
        while (!window.isEmpty() && now - window.peekFirst() >= policy.spanWindow().toMillis()) {
            window.pollFirst();
        }
        List<Integer> batch = new ArrayList<>();
        for (int ts : due) {
            Key key = new Key(span, ts);
            Long last = lastRestart.get(key);
            if (last != null && now - last < policy.channelInterval().toMillis()) {
                suppressed++;
                log.warn("span{}/ts{} stuck again within {} s of its last RESTART: held back", span, ts,
                        policy.channelInterval().toSeconds());
            } else if (window.size() >= policy.perSpanLimit()) {
                suppressed++;
                log.warn("span{}/ts{} stuck: span already had {} RESTARTs in {} s, held back", span, ts,
                        window.size(), policy.spanWindow().toSeconds());
            } else {
                batch.add(ts);
                window.addLast(now);
                lastRestart.put(key, now);
            }
        }
        return batch;
    }
}
