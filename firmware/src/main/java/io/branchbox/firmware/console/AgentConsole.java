package io.branchbox.firmware.console;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What an agent (and a supervisor) can do from the web console. Every action names the agent it
 * acts for; the web layer passes the logged-in user's own agent id, never one from the request,
 * so nobody acts under another's name.
 *
 * <p>Contract: each method returns at once; the future completes when call control has carried the
 * action out, or fails with a {@link ConsoleException} whose {@link ConsoleException#code()} says
 * why (the agent is not logged in, has no call, the seat is taken, ...). Nothing is half done: an
 * action that fails changes nothing.
 *
 * <p>Threading: callable from any thread (the web server's); the implementation hops onto the
 * signalling thread that owns call control.
 */
public interface AgentConsole {

    /** What the agent's console shows now: state, seat, the call with its screen pop, the codes to choose from. */
    CompletableFuture<ConsoleView> view(String agentId);

    /** Logs the agent in at {@code seat} (1..16), not ready. Fails with {@code seat-taken} if someone else sits there. */
    CompletableFuture<Void> login(String agentId, int seat);

    /** Logs out; fails with {@code busy} while the agent has a call. */
    CompletableFuture<Void> logout(String agentId);

    CompletableFuture<Void> ready(String agentId);

    /** Sets the agent busy (示忙) with one of the configured reason codes. */
    CompletableFuture<Void> notReady(String agentId, String reasonCode);

    /** Answers the call ringing at the agent's seat (as the panel's ANSWER button does). */
    CompletableFuture<Void> answer(String agentId);

    /** Ends the agent's part of the call (the caller goes on to the survey if one is set). */
    CompletableFuture<Void> hangup(String agentId);

    /** Puts the caller on hold with music; the agent stays on the call. */
    CompletableFuture<Void> hold(String agentId);

    /** Takes the caller back from hold (and ends a consultation that did not turn into a transfer). */
    CompletableFuture<Void> retrieve(String agentId);

    /**
     * Transfers the call. Blind: the call leaves the agent at once and rings at the target agent or
     * waits in the target queue (keeping its id and recording). Attended: the caller is held and the
     * agent talks to the target agent first; {@link #completeTransfer} hands the caller over,
     * {@link #retrieve} takes the caller back.
     */
    CompletableFuture<Void> transfer(String agentId, TransferTarget to, boolean attended);

    /** Completes an attended transfer: the caller talks to the consulted agent, this agent leaves. */
    CompletableFuture<Void> completeTransfer(String agentId);

    /** Places an outbound call from the agent's seat (click to dial), recorded like every call. */
    CompletableFuture<Void> dial(String agentId, String number);

    /**
     * Classifies the agent's last call: a configured wrap-up code, free notes, and the caller's name
     * if the agent learnt it (shown in the next screen pop for that number).
     */
    CompletableFuture<Void> wrapUp(String agentId, String callId, String code, String notes, String customerName);

    /** A supervisor listens to, whispers to or barges into {@code agentId}'s call from their own seat; {@code END} leaves. */
    CompletableFuture<Void> monitor(String supervisorId, String agentId, MonitorMode mode);

    /** Agents and their states, for the supervisor's view and the transfer list. */
    CompletableFuture<List<AgentSummary>> agents();

    /** The callback list: callbacks booked and not yet made, in the order they will be made per queue. */
    default CompletableFuture<List<CallbackView>> callbacks() {
        return CompletableFuture.completedFuture(List.of());
    }

    /**
     * Puts {@code number} on the callback list of {@code queue} (a customer to call back, e.g. after
     * a repair): the next ready agent of that queue will dial it, with retries.
     */
    default CompletableFuture<Void> bookCallback(String agentId, String number, String queue) {
        return CompletableFuture.failedFuture(new ConsoleException("unavailable", "the callback list is not available"));
    }
}
