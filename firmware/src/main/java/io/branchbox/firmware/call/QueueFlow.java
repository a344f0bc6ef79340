package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Acd;
import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A caller waiting for an agent: in line with music on hold and announcements, the queue's
 * maximum wait and length with their overflow (another queue, voicemail, callback), the ACD's
 * matches handed to {@link SeatActions#offer} to ring at seats, and ring-no-answer. What each of
 * those does is {@link QueuePolicy}'s decision (and {@link Announcements}' for the announcements);
 * this class carries the decisions out (the call's state first, its wait timer, the ACD's line,
 * the journal) and reaches the rest of call control only through its {@link Port} (implemented
 * once in {@link PolicyPorts}), never the call manager or the call context.
 *
 * <p>Signalling thread only.
 */
final class QueueFlow {
    private static final Logger log = LoggerFactory.getLogger(QueueFlow.class);
    /**
     * What the queue asks of call control: the caller's ear (music, announcements), the calls by
     * id, the seat ring, the end of a call, the agents' states.
     */
    interface Port extends Announcements.Speaker {
        /** The live document. */
        BoxConfig config();

        /** The call in progress with this id, or null. */
        Call call(String id);

        /** Rings {@code agent}'s seat for {@code call} on {@code event} (the ACD marked them offered). */
        void offer(Call call, Agent agent, CallEvent event);

        /** Ends the call (no answer). */
        void end(Call call, String why, Q850Cause cause);

        /** The not-ready reason {@code agent} had when a call outside the queues reached them, or null. */
        String resumeReason(Agent agent);

        /** {@code agent} is ready again, journaled and shown on the lamps (no dispatch). */
        void ready(Agent agent, String why);

        /** {@code agent} is free of a call: back to their not-ready reason or ready ({@link AgentStates#free}). */
        void free(Agent agent, String why);

        /** {@code agent} becomes not ready for {@code reason}, journaled as {@code why} and shown on the lamps. */
        void notReady(Agent agent, String why, String reason);
    }

    private final Scheduler scheduler;
    private final Acd acd;
    private final CallEventLog journal;
    private final IvrFlow ivr;
    private final Callbacks callbacks;
    private final Port port;
    private final Announcements announcements;

    QueueFlow(Scheduler scheduler, Acd acd, CallEventLog journal, IvrFlow ivr, Callbacks callbacks, Port port) {
        this.scheduler = scheduler;
        this.acd = acd;
        this.journal = journal;
        this.ivr = ivr;
        this.callbacks = callbacks;
        this.port = port;
        this.announcements = new Announcements(scheduler, new Announcements.Line() {
            @Override
            public int everyS(String queue) {
                return acd.queue(queue).announceEveryS();
            }

            @Override
            public int position(String callId) {
                return acd.position(callId);
            }

            @Override
            public Duration expectedWait(String callId) {
                return acd.expectedWait(callId);
            }
        }, port);
    }

    private Instant now() {
        return scheduler.clock().instant();
    }

    /**
     * Puts the call in its queue with music on hold and dispatches. {@code first}: at the head of
     * the line (a call that was already first: missed offer, transfer back).
     */
    void enqueue(Call call, boolean first, CallEvent event) {
        enqueue(call, first, event, !first);
    }

    /** As {@link #enqueue(Call, boolean, CallEvent)}; a full queue overflows only if {@code mayOverflow}. */
    void enqueue(Call call, boolean first, CallEvent event, boolean mayOverflow) {
        QueuePolicy.Overflow full = QueuePolicy.onJoin(acd.queue(call.queue()),
                mayOverflow && acd.isFull(call.queue()), mayOverflow);
        if (!(full instanceof QueuePolicy.Overflow.WaitOn)) {
            overflow(call, full, "queue full");
            return;
        }
        if (!call.on(event, now())) {
            return;
        }
        port.music(call);
        if (first) {
            acd.requeueFirst(call.id(), call.queue());
        } else {
            acd.enqueue(call.id(), call.queue(), Math.min(call.priority, 9),
                    call.placeSince == null ? now() : call.placeSince);
        }
        journal.queued(call);
        armMaxWait(call);
        announcements.arm(call);
        dispatch();
    }

    private void armMaxWait(Call call) {
        call.waitTimer.cancel();
        QueuePolicy.maxWait(acd.queue(call.queue())).ifPresent(wait ->
                call.waitTimer = scheduler.schedule(wait, () -> maxWaitPassed(call)));
    }

    private void maxWaitPassed(Call call) {
        switch (QueuePolicy.afterMaxWait(call.state())) {
            case QueuePolicy.AfterMaxWait.LookAgain again -> // let the ring finish
                    call.waitTimer = scheduler.schedule(again.after(), () -> maxWaitPassed(call));
            case QueuePolicy.AfterMaxWait.OverflowNow now -> {
                BoxConfig.Queue q = acd.queue(call.queue());
                QueuePolicy.Overflow to = QueuePolicy.overflow(q);
                if (!(to instanceof QueuePolicy.Overflow.WaitOn)) {
                    overflow(call, to, "waited " + q.maxWaitS() + " s");
                }
            }
            case QueuePolicy.AfterMaxWait.Nothing nothing -> { }
        }
    }

    /**
     * Carries out the queue's overflow ({@link QueuePolicy#overflow}): another queue (at the head
     * of its line), a voicemail, or a callback that keeps the caller's place.
     */
    private void overflow(Call call, QueuePolicy.Overflow to, String why) {
        if (!call.allows(QueuePolicy.event(to))) {
            log.info("call {}: overflow {} ignored in state {}", call.id(), to, call.state());
            return; // checked before anything changes: never half an overflow
        }
        String from = call.queue();
        acd.remove(call.id());
        call.waitTimer.cancel();
        call.announceTimer.cancel();
        log.info("call {} overflows from {} ({}): {}", call.id(), from, why, to);
        switch (to) {
            case QueuePolicy.Overflow.ToQueue q -> {
                call.setQueue(q.queue());
                journal.overflowed(call, from);
                enqueue(call, true, CallEvent.OVERFLOW_TO_QUEUE);
            }
            case QueuePolicy.Overflow.ToVoicemail v -> {
                journal.overflowed(call, from);
                ivr.voicemail(call);
            }
            case QueuePolicy.Overflow.ToCallback c -> {
                journal.overflowed(call, from);
                ivr.bookCallback(call, c.queue(), now());
            }
            case QueuePolicy.Overflow.WaitOn w -> throw new IllegalStateException("waiting on is no overflow");
        }
    }

    void dispatch() {
        acd.dispatch((id, agent) -> {
            if (Callbacks.owns(id)) {
                callbacks.offered(id, agent);
            } else {
                port.offer(port.call(id), agent, CallEvent.AGENT_MATCHED);
            }
        });
    }

    /**
     * Ring-no-answer ({@link SeatActions} stopped the ring and took {@code a} off the call), as
     * {@link QueuePolicy#missedOffer} decides: the call goes back to the head of its queue for the
     * next agent (an internal call ends); the agent stays ready, becomes not ready at their
     * {@code missedOffersToNotReady}-th miss in a row, or goes back to not ready if the call reached
     * them while not ready.
     */
    void offerNotAnswered(Call call, Agent a) {
        journal.offerMissed(call, a);
        acd.release(a);
        boolean inbound = call.direction() == Call.Direction.IN;
        QueuePolicy.Missed missed = QueuePolicy.missedOffer(call.direction(), inbound ? acd.recordMissedOffer(a) : 0,
                port.config().console().missedOffersToNotReady(), port.resumeReason(a));
        String why = inbound ? "missed offer" : "internal call not answered";
        switch (missed.agent()) {
            case QueuePolicy.AgentAfter.Ready r -> port.ready(a, why);
            case QueuePolicy.AgentAfter.Resumes r -> port.free(a, why);
            case QueuePolicy.AgentAfter.NotReadyMissedOffers n -> {
                acd.recordAnswered(a); // the run is over: it starts again when the agent comes back
                port.notReady(a, n.inARow() + " missed offer(s)", QueuePolicy.MISSED_OFFERS);
            }
        }
        if (missed.endCause().isPresent()) {
            port.end(call, "not answered", missed.endCause().get());
            return;
        }
        enqueue(call, true, CallEvent.OFFER_TIMEOUT);
    }
}
