package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.audio.Prompts;
import io.branchbox.firmware.config.BoxConfig;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A caller waiting for an agent: in line with music on hold and announcements, the queue's
 * maximum wait and length with their overflow (another queue, voicemail, callback), the ACD's
 * matches handed to {@link SeatActions#offer} to ring at seats, and ring-no-answer. What each of
 * those does is {@link QueuePolicy}'s decision (and {@link Announcements}' for the announcements);
 * this class is call control carrying the decisions out: the call's state, its wait timer, the
 * ACD's line, the journal, the lamps.
 *
 * <p>Signalling thread only.
 */
final class QueueFlow {
    private static final Logger log = LoggerFactory.getLogger(QueueFlow.class);
    private final CallContext cx;
    private final CallManager calls;
    private final IvrFlow ivr;
    private final Callbacks callbacks;
    private final Announcements announcements;

    QueueFlow(CallContext cx, CallManager calls, IvrFlow ivr, Callbacks callbacks) {
        this.cx = cx;
        this.calls = calls;
        this.ivr = ivr;
        this.callbacks = callbacks;
        this.announcements = new Announcements(cx.scheduler, new Announcements.Line() {
            @Override
            public int everyS(String queue) {
                return cx.acd.queue(queue).announceEveryS();
            }

            @Override
            public int position(String callId) {
                return cx.acd.position(callId);
            }

            @Override
            public Duration expectedWait(String callId) {
                return cx.acd.expectedWait(callId);
            }
        }, new Announcements.Speaker() {
            @Override
            public void announce(Call call, int position, Duration wait, Runnable done) {
                cx.router.play(call.trunkChannel(), cx.prompts.sequence(cx.prompts.positionAnnouncement(position, wait),
                        () -> cx.scheduler.execute(done)));
            }

            @Override
            public void music(Call call) {
                cx.router.play(call.trunkChannel(), Prompts.loop(cx.prompts.get("hold-music")));
            }
        });
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
        QueuePolicy.Overflow full = QueuePolicy.onJoin(cx.acd.queue(call.queue()),
                mayOverflow && cx.acd.isFull(call.queue()), mayOverflow);
        if (!(full instanceof QueuePolicy.Overflow.WaitOn)) {
            overflow(call, full, "queue full");
            return;
        }
        if (!call.on(event, cx.now())) {
            return;
        }
        cx.router.play(call.trunkChannel(), Prompts.loop(cx.prompts.get("hold-music")));
        if (first) {
            cx.acd.requeueFirst(call.id(), call.queue());
        } else {
            cx.acd.enqueue(call.id(), call.queue(), Math.min(call.priority, 9),
                    call.placeSince == null ? cx.now() : call.placeSince);
        }
        cx.events.queued(call);
        armMaxWait(call);
        announcements.arm(call);
        dispatch();
    }

    private void armMaxWait(Call call) {
        call.waitTimer.cancel();
        QueuePolicy.maxWait(cx.acd.queue(call.queue())).ifPresent(wait ->
                call.waitTimer = cx.scheduler.schedule(wait, () -> maxWaitPassed(call)));
    }

    private void maxWaitPassed(Call call) {
        switch (QueuePolicy.afterMaxWait(call.state())) {
            case QueuePolicy.AfterMaxWait.LookAgain again -> // let the ring finish
                    call.waitTimer = cx.scheduler.schedule(again.after(), () -> maxWaitPassed(call));
            case QueuePolicy.AfterMaxWait.OverflowNow now -> {
                BoxConfig.Queue q = cx.acd.queue(call.queue());
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
        String from = call.queue();
        cx.acd.remove(call.id());
        call.waitTimer.cancel();
        call.announceTimer.cancel();
        log.info("call {} overflows from {} ({}): {}", call.id(), from, why, to);
        switch (to) {
            case QueuePolicy.Overflow.ToQueue q -> {
                call.setQueue(q.queue());
                cx.events.overflowed(call, from);
                enqueue(call, true, CallEvent.OVERFLOW_TO_QUEUE);
            }
            case QueuePolicy.Overflow.ToVoicemail v -> {
                cx.events.overflowed(call, from);
                ivr.voicemail(call);
            }
            case QueuePolicy.Overflow.ToCallback c -> {
                cx.events.overflowed(call, from);
                ivr.bookCallback(call, c.queue(), cx.now());
            }
            case QueuePolicy.Overflow.WaitOn w -> throw new IllegalStateException("waiting on is no overflow");
        }
    }

    void dispatch() {
        cx.acd.dispatch((id, agent) -> {
            if (Callbacks.owns(id)) {
                callbacks.offered(id, agent);
            } else {
                calls.offer(cx.calls.get(id), agent, CallEvent.AGENT_MATCHED);
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
        cx.events.offerMissed(call, a);
        cx.acd.release(a);
        boolean inbound = call.direction() == Call.Direction.IN;
        QueuePolicy.Missed missed = QueuePolicy.missedOffer(call.direction(), inbound ? cx.acd.recordMissedOffer(a) : 0,
                cx.config.console().missedOffersToNotReady(), cx.resumeNotReady.get(a));
        String why = inbound ? "missed offer" : "internal call not answered";
        switch (missed.agent()) {
            case QueuePolicy.AgentAfter.Ready r -> cx.setAgent(a, AgentState.READY, why);
            case QueuePolicy.AgentAfter.Resumes r -> calls.agents().free(a, why);
            case QueuePolicy.AgentAfter.NotReadyMissedOffers n -> {
                cx.acd.recordAnswered(a); // the run is over: it starts again when the agent comes back
                cx.acd.setNotReady(a, QueuePolicy.MISSED_OFFERS);
                cx.events.agentState(a, n.inARow() + " missed offer(s)", QueuePolicy.MISSED_OFFERS);
                cx.lamps.update(a);
            }
        }
        if (missed.endCause().isPresent()) {
            calls.end(call, "not answered", missed.endCause().get());
            return;
        }
        enqueue(call, true, CallEvent.OFFER_TIMEOUT);
    }
}
