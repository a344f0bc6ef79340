package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Acd;
import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.console.Refusal;
import io.branchbox.firmware.console.TransferTarget;
import java.time.Duration;

/**
 * Whether and where an agent may transfer their call: to a queue (blind, at its head), to a
 * colleague (blind: their seat rings at once), or to a colleague consulted first (attended: the
 * caller holds while the two talk, the colleague's seat rings for the queue's offer timeout).
 * A policy: it reads the call, the ACD's queues and agents, and returns a {@link Decision}; it
 * changes nothing, so a refusal leaves the call and every agent as they were.
 * {@link AgentCallControl#transfer} carries the decision out.
 *
 * <p>Stateless; signalling thread (it reads the ACD).
 */
final class TransferPolicy {

    /** What a transfer request leads to. */
    sealed interface Decision {
        /** The colleague the call goes to; null for a queue or a refusal. */
        default Agent agent() {
            return null;
        }

        /** The call waits at the head of {@code queue}'s line ({@link CallEvent#BLIND_TRANSFER_TO_QUEUE}). */
        record ToQueue(String queue) implements Decision {}

        /** {@code agent}'s seat rings with the call ({@link CallEvent#BLIND_TRANSFER_TO_AGENT}). */
        record ToAgent(Agent agent) implements Decision {}

        /** The caller holds while {@code agent}'s seat rings for at most {@code ringFor} ({@link CallEvent#CONSULT}). */
        record Consult(Agent agent, Duration ringFor) implements Decision {}

        /** Not now: nothing changes; the console is told {@code reason} and {@code message}. */
        record Refused(Refusal reason, String message) implements Decision {}
    }

    private final Acd acd;

    TransferPolicy(Acd acd) {
        this.acd = acd;
    }

    /** The event a transfer of this kind fires on the call. */
    static CallEvent event(TransferTarget to, boolean attended) {
        return to.kind() == TransferTarget.Kind.QUEUE ? CallEvent.BLIND_TRANSFER_TO_QUEUE
                : attended ? CallEvent.CONSULT : CallEvent.BLIND_TRANSFER_TO_AGENT;
    }

    /**
     * Decides {@code from}'s request to transfer {@code call} (which {@code from} is talking in) to
     * {@code to}. Checked in this order: the call's state allows the transfer; a queue target is
     * blind and exists; an agent target exists, is not {@code from}, is free (ready or not ready)
     * and at a seat.
     */
    Decision decide(Call call, Agent from, TransferTarget to, boolean attended) {
        if (!call.allows(event(to, attended))) {
            return new Decision.Refused(Refusal.WRONG_STATE, "only a call in conversation or on hold can be transferred");
        }
        if (to.kind() == TransferTarget.Kind.QUEUE) {
            if (attended) {
                return new Decision.Refused(Refusal.WRONG_STATE, "an attended transfer goes to an agent, not a queue");
            }
            if (!acd.queueNames().contains(to.name())) {
                return new Decision.Refused(Refusal.NO_SUCH_QUEUE, "no queue named " + to.name());
            }
            return new Decision.ToQueue(to.name());
        }
        Agent target = acd.agent(to.name()).orElse(null);
        if (target == null) {
            return new Decision.Refused(Refusal.NO_SUCH_AGENT, "no agent " + to.name());
        }
        if (target == from) {
            return new Decision.Refused(Refusal.WRONG_STATE, "you cannot transfer a call to yourself");
        }
        if (target.state() != AgentState.READY && target.state() != AgentState.NOT_READY) {
            return new Decision.Refused(Refusal.BUSY,
                    to.name() + " is " + target.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        if (target.seat() <= 0) {
            return new Decision.Refused(Refusal.NO_SEAT, to.name() + " is not at a seat");
        }
        if (attended) {
            return new Decision.Consult(target, Duration.ofSeconds(acd.queue(call.queue()).offerTimeoutS()));
        }
        return new Decision.ToAgent(target);
    }
}
