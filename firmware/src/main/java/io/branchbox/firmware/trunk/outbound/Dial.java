package io.branchbox.firmware.trunk.outbound;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.isdn.q931.ChannelPreference;
import io.branchbox.firmware.isdn.q931.IsdnCall;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.trunk.PriSpan;
import io.branchbox.firmware.trunk.outbound.Attempt.Outcome;
import io.branchbox.firmware.trunk.outbound.OutboundResult.Reason;
import io.branchbox.time.Scheduler;
import io.branchbox.time.Scheduler.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outbound call being placed: the hunt over spans and channels, one {@link Try} per SETUP,
 * the deadline, and the result. Signalling thread only.
 */
final class Dial {
    private static final Logger log = LoggerFactory.getLogger(Dial.class);

    private final OutboundRequest request;
    private final String digits;
    private final DialContext ctx;
    private final CompletableFuture<OutboundResult> result = new CompletableFuture<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private final Map<Integer, Set<Integer>> tried = new HashMap<>();
    private Timer deadline = Timer.NONE;
    private Try current;
    private int spanIndex;
    private int onSpan;
    private Q850Cause lastCause;
    private String lastLocation = "user";
    private boolean done;

    /** What a dial needs from its dialer. */
    record DialContext(OutboundConfig config, Map<Integer, OutboundTrunk> trunks, ChannelSelector selector,
            OutboundJournal journal, Scheduler scheduler, Runnable onDone) {}

    Dial(OutboundRequest request, String digits, DialContext ctx) {
        this.request = request;
        this.digits = digits;
        this.ctx = ctx;
    }

    CompletableFuture<OutboundResult> result() {
        return result;
    }

    void start() {
        Duration limit = request.deadline() != null ? request.deadline() : ctx.config().deadline();
        deadline = ctx.scheduler().schedule(limit, this::onDeadline);
        next();
    }

    /** Call control gave up before the answer. */
    void cancel() {
        abandon(Outcome.CANCELLED, Q850Cause.NORMAL_CLEARING, Reason.CANCELLED);
    }

    private void onDeadline() {
        abandon(Outcome.DEADLINE, Q850Cause.RECOVERY_ON_TIMER_EXPIRY, Reason.DEADLINE);
    }

    private void abandon(Outcome outcome, Q850Cause cause, Reason reason) {
        if (done) {
            return;
        }
        if (current != null && !current.closed) {
            current.close(outcome, Optional.of(cause), "user");
            if (current.call != null) {
                current.call.hangup(Q850Cause.NORMAL_CLEARING);
            }
        }
        fail(reason, cause, "user");
    }

    /** The next SETUP: another channel on this span while allowed, then the next span. */
    private void next() {
        if (done) {
            return;
        }
        List<Integer> order = ctx.config().spanOrder();
        if (attempts.size() >= ctx.config().maxAttempts()) {
            fail(Reason.ATTEMPTS_EXHAUSTED, lastCause, lastLocation);
            return;
        }
        while (spanIndex < order.size()) {
            OutboundTrunk trunk = ctx.trunks().get(order.get(spanIndex));
            if (!trunk.signallingUp()) {
                log.info("{}: span{} skipped: layer 2 down", request.callId(), trunk.span());
            } else if (onSpan < ctx.config().maxAttemptsPerSpan()) {
                Optional<ChannelPreference> pref = ctx.selector().choose(trunk, tried.computeIfAbsent(trunk.span(), s -> new HashSet<>()));
                if (pref.isPresent()) {
                    place(trunk, pref.get());
                    return;
                }
                log.info("{}: span{} has no usable channel left", request.callId(), trunk.span());
            }
            spanIndex++;
            onSpan = 0;
        }
        if (attempts.isEmpty()) {
            fail(Reason.NO_TRUNK_AVAILABLE, Q850Cause.NO_CIRCUIT_AVAILABLE, "user");
        } else {
            fail(Reason.NO_TRUNK_AVAILABLE, lastCause, lastLocation);
        }
    }

    private void place(OutboundTrunk trunk, ChannelPreference pref) {
        int ts = switch (pref) {
            case ChannelPreference.Preferred p -> p.timeslot();
            case ChannelPreference.Exclusive e -> e.timeslot();
            case ChannelPreference.NetworkChooses n -> 0;
        };
        onSpan++;
        if (ts != 0) {
            tried.get(trunk.span()).add(ts);
        }
        current = new Try(trunk, ts, ctx.scheduler().clock().instant());
        log.info("{}: attempt {} to {} on span{} {}", request.callId(), attempts.size() + 1, digits, trunk.span(), pref);
        current.call = trunk.place(digits, request.calling(), pref, current);
    }

    private void fail(Reason reason, Q850Cause cause, String location) {
        done = true;
        deadline.cancel();
        log.info("{}: failed ({}), cause {} ({}), {} attempt(s)", request.callId(), reason, cause, location, attempts.size());
        ctx.onDone().run();
        result.complete(new OutboundResult.Failed(request.callId(), reason, cause, location, attempts));
    }

    private void succeed(Try t) {
        done = true;
        deadline.cancel();
        log.info("{}: answered on span{}/ts{} at attempt {}", request.callId(), t.trunk.span(), t.call.channel(), attempts.size());
        ctx.onDone().run();
        result.complete(new OutboundResult.Answered(request.callId(), t.trunk.span(), t.call.channel(), t.call,
                t.trunk.trunkCall(t.call), attempts));
    }

    private void journal(Attempt a) {
        Map<String, String> attrs = Map.of(
                CallEventTypes.ATTEMPT, Integer.toString(attempts.size()),
                CallEventTypes.TRUNK, a.trunk(),
                CallEventTypes.CAUSE, a.cause().map(Q850Cause::toString).orElse("0"),
                CallEventTypes.CAUSE_LOCATION, a.causeLocation(),
                CallEventTypes.OUTCOME, a.outcome().name(),
                CallEventTypes.STARTED_AT, a.startedAt().toString(),
                CallEventTypes.DURATION_MS, Long.toString(Duration.between(a.startedAt(), a.endedAt()).toMillis()),
                CallEventTypes.REASON, a.causeText());
        try {
            ctx.journal().append(CallEventTypes.CALL_ATTEMPT, request.callId(), attrs);
        } catch (RuntimeException e) {
            // the journal only queues; if it throws anyway, the call must still go on
            log.error("{}: journal refused attempt {}", request.callId(), a, e);
        }
    }

    /** One SETUP and what the network did with it. */
    private final class Try implements PriSpan.OutgoingListener {
        final OutboundTrunk trunk;
        final int requested;
        final Instant startedAt;
        IsdnCall call;
        boolean networkAnswered;
        boolean rang;
        boolean closed;
        boolean answered;

        Try(OutboundTrunk trunk, int requested, Instant startedAt) {
            this.trunk = trunk;
            this.requested = requested;
            this.startedAt = startedAt;
        }

        @Override
        public void onProceeding(IsdnCall c) {
            networkAnswered = true;
        }

        @Override
        public void onProgress(IsdnCall c, int description) {
            networkAnswered = true;
        }

        @Override
        public void onAlerting(IsdnCall c) {
            networkAnswered = true;
            rang = true;
            if (!closed) {
                request.listener().onRinging(trunk.span(), c.channel());
            }
        }

        @Override
        public void onAnswered(IsdnCall c) {
            if (closed) {
                log.info("{}: answer on abandoned attempt, clearing it", request.callId());
                c.hangup(Q850Cause.NORMAL_CLEARING);
                return;
            }
            answered = true;
            close(Outcome.ANSWERED, Optional.empty(), "");
            succeed(this);
        }

        @Override
        public void onCleared(IsdnCall c, Q850Cause cause, String location) {
            if (answered) {
                request.listener().onClearedAfterAnswer(cause, location);
                return;
            }
            if (closed) {
                log.debug("{}: abandoned attempt cleared, cause {}", request.callId(), cause);
                return;
            }
            boolean retry = RetryableCauses.isRetryable(cause, networkAnswered, rang);
            close(retry ? Outcome.FAILED_RETRYABLE : Outcome.FAILED_FINAL, Optional.of(cause), location);
            lastCause = cause;
            lastLocation = location;
            if (retry) {
                // Q.931 is still inside its clearing; the next SETUP goes out after it
                ctx.scheduler().execute(Dial.this::next);
            } else {
                fail(Reason.REFUSED, cause, location);
            }
        }

        void close(Outcome outcome, Optional<Q850Cause> cause, String location) {
            closed = true;
            int ts = call != null && call.channel() != 0 ? call.channel() : requested;
            Attempt a = new Attempt(trunk.span(), ts, startedAt, ctx.scheduler().clock().instant(), cause, location, outcome);
            attempts.add(a);
            log.info("{}: attempt {} on {} {}: cause {} ({}) from {}", request.callId(), attempts.size(), a.trunk(),
                    outcome, cause.map(Q850Cause::toString).orElse("-"), a.causeText(), location);
            journal(a);
        }
    }
}
