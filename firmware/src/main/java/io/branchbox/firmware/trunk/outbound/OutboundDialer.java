package io.branchbox.firmware.trunk.outbound;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.trunk.outbound.OutboundResult.Reason;
import io.branchbox.time.Scheduler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places outbound calls for call control over the PRI spans, hunting for a way out: the spans in
 * {@link OutboundConfig#spanOrder()}, on each the channels in the configured order (never a
 * technician-blocked one, never one already tried in the same dial). A failure that means
 * "another channel or trunk may work" ({@link RetryableCauses}) leads to another channel on the
 * same span, up to {@link OutboundConfig#maxAttemptsPerSpan()}, then to the next span; a cause
 * that means the far end said no ends the dial. Attempts are bounded by
 * {@link OutboundConfig#maxAttempts()} and the whole dial by a deadline. Each attempt is kept in
 * the result and journaled as {@code call.attempt} with its cause.
 *
 * <p>Threading: {@link #dial} and {@link #cancel} may be called from any thread; the work runs on
 * the scheduler's (signalling) thread and the futures complete there, so dependent stages must
 * not block. Pitfall: an answered call belongs to call control from then on; hang it up through
 * {@link OutboundResult.Answered#trunkCall()}.
 */
public final class OutboundDialer {
    private static final Logger log = LoggerFactory.getLogger(OutboundDialer.class);

    private final OutboundConfig config;
    private final Map<Integer, OutboundTrunk> trunks;
    private final ChannelSelector selector;
    private final OutboundJournal journal;
    private final Scheduler scheduler;
    private final Map<String, Dial> dials = new HashMap<>();

    /**
     * @param trunks every span that may carry outbound calls, by span number
     * @throws IllegalArgumentException if the configured span order names a span not given
     */
    public OutboundDialer(Map<Integer, OutboundTrunk> trunks, OutboundConfig config, ChannelAdmin admin,
            OutboundJournal journal, Scheduler scheduler) {
        for (int span : config.spanOrder()) {
            if (!trunks.containsKey(span)) {
                throw new IllegalArgumentException("span order names span " + span + ", which does not exist");
            }
        }
        this.trunks = Map.copyOf(trunks);
        this.config = config;
        this.selector = new ChannelSelector(config.channelOrder(), config.channelMode(), admin);
        this.journal = journal;
        this.scheduler = scheduler;
    }

    /**
     * Places the call. Completes with {@link OutboundResult.Answered} when the far end answers, or
     * with {@link OutboundResult.Failed}; exceptionally only if a dial with the same call id is in
     * progress.
     */
    public CompletableFuture<OutboundResult> dial(OutboundRequest req) {
        CompletableFuture<OutboundResult> out = new CompletableFuture<>();
        scheduler.execute(() -> begin(req).whenComplete((r, e) -> {
            if (e != null) {
                out.completeExceptionally(e);
            } else {
                out.complete(r);
            }
        }));
        return out;
    }

    /** Gives up on a dial still in progress (the agent hung up): the attempt is cleared with 16. */
    public void cancel(String callId) {
        scheduler.execute(() -> {
            Dial d = dials.get(callId);
            if (d == null) {
                log.info("{}: cancel ignored, no dial in progress", callId);
            } else {
                d.cancel();
            }
        });
    }

    /** Dials in progress; signalling thread. */
    public List<String> inProgress() {
        return List.copyOf(dials.keySet());
    }

    private CompletableFuture<OutboundResult> begin(OutboundRequest req) {
        if (dials.containsKey(req.callId())) {
            return CompletableFuture.failedFuture(new IllegalStateException("call " + req.callId() + " is already being dialled"));
        }
        String digits;
        try {
            digits = DialledNumbers.toCalledDigits(req.called());
        } catch (IllegalArgumentException e) {
            log.warn("{}: not dialled: {}", req.callId(), e.getMessage());
            return CompletableFuture.completedFuture(new OutboundResult.Failed(req.callId(), Reason.INVALID_NUMBER,
                    Q850Cause.INVALID_NUMBER_FORMAT, "user", List.of()));
        }
        Dial d = new Dial(req, digits, new Dial.DialContext(config, trunks, selector, journal, scheduler,
                () -> dials.remove(req.callId())));
        dials.put(req.callId(), d);
        d.start();
        return d.result();
    }
}
