package io.branchbox.firmware.call;

import io.branchbox.firmware.isdn.q931.Q850Cause;
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
 * matches handed to {@link SeatActions#offer} to ring at seats, and ring-no-answer.
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
        if (mayOverflow && cx.acd.isFull(call.queue()) && overflow(call, "queue full")) {
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
        BoxConfig.Queue q = cx.acd.queue(call.queue());
        call.waitTimer.cancel();
        if (q.overflow() != BoxConfig.Overflow.NONE) {
            call.waitTimer = cx.scheduler.schedule(Duration.ofSeconds(q.maxWaitS()), () -> overflowAfterWait(call));
        }
    }

    private void overflowAfterWait(Call call) {
        if (call.state() == Call.State.OFFERED) {
            call.waitTimer = cx.scheduler.schedule(Duration.ofSeconds(1), () -> overflowAfterWait(call)); // let the ring finish
            return;
        }
        if (call.state() == Call.State.QUEUED) {
            overflow(call, "waited " + cx.acd.queue(call.queue()).maxWaitS() + " s");
        }
    }

    /**
     * The queue's overflow treatment: another queue (keeping the caller's place), a voicemail, or
     * a callback that keeps the caller's place. Returns false when there is none to give (the
     * caller waits on: nobody is dropped).
     */
    private boolean overflow(Call call, String why) {
        BoxConfig.Queue q = cx.acd.queue(call.queue());
        if (q.overflow() == BoxConfig.Overflow.NONE || (q.overflow() == BoxConfig.Overflow.QUEUE && q.overflowQueue().isEmpty())) {
            return false;
        }
        String from = call.queue();
        cx.acd.remove(call.id());
        call.waitTimer.cancel();
        call.announceTimer.cancel();
        log.info("call {} overflows from {} ({}): {}", call.id(), from, why, q.overflow());
        switch (q.overflow()) {
            case QUEUE -> {
                call.setQueue(q.overflowQueue());
                cx.events.overflowed(call, from);
                enqueue(call, true, CallEvent.OVERFLOW_TO_QUEUE);
            }
            case VOICEMAIL -> {
                cx.events.overflowed(call, from);
                ivr.voicemail(call);
            }
            case CALLBACK -> {
                cx.events.overflowed(call, from);
                ivr.bookCallback(call, from, cx.now());
            }
            case NONE -> throw new IllegalStateException("checked above");
        }
        return true;
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
     * Ring-no-answer ({@link SeatActions} stopped the ring and took {@code a} off the call): the
     * call goes back to the head of its queue for the next agent; the agent stays ready unless this
     * was their {@code missedOffersToNotReady}-th miss in a row. An internal call is not answered.
     */
    void offerNotAnswered(Call call, Agent a) {
        cx.events.offerMissed(call, a);
        cx.acd.release(a);
        if (call.direction() != Call.Direction.IN) {
            cx.setAgent(a, AgentState.READY, "internal call not answered");
            calls.end(call, "not answered", Q850Cause.NO_ANSWER);
            return;
        }
        int missed = cx.acd.recordMissedOffer(a);
        if (missed >= cx.config.console().missedOffersToNotReady()) {
            cx.acd.recordAnswered(a); // the run is over: it starts again when the agent comes back
            cx.acd.setNotReady(a, "missed-offers");
            cx.events.agentState(a, missed + " missed offer(s)", "missed-offers");
            cx.lamps.update(a);
        } else {
            cx.setAgent(a, AgentState.READY, "missed offer");
        }
        enqueue(call, true, CallEvent.OFFER_TIMEOUT);
    }
}
