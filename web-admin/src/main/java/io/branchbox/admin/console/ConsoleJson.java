package io.branchbox.admin.console;

import io.branchbox.firmware.console.AgentSummary;
import io.branchbox.firmware.console.ConsoleView;
import io.branchbox.firmware.console.EarlierCall;
import java.time.Instant;
import java.util.List;

/**
 * The console's JSON shapes. Times are ISO-8601 text ({@code null} when unknown) so that the page
 * needs no date library and the web layer no Jackson time module; names and notes go out as they
 * are, and the page renders them as text only.
 */
final class ConsoleJson {
    private ConsoleJson() {}

    record View(String agentId, String name, int seat, String state, String reasonCode, String since, Call call,
            String lastCallId, List<String> notReadyReasons, List<String> wrapUpCodes, List<String> queues) {
        static View of(ConsoleView v) {
            return new View(v.agentId(), v.name(), v.seat(), v.state(), v.reasonCode(), text(v.since()),
                    v.call() == null ? null : Call.of(v.call()), v.lastCallId(), v.notReadyReasons(),
                    v.wrapUpCodes(), v.queues());
        }
    }

    record Call(String callId, String direction, String number, String name, String queue, String state,
            String since, List<Earlier> history) {
        static Call of(ConsoleView.CallView c) {
            return new Call(c.callId(), c.direction(), c.number(), c.name(), c.queue(), c.state(), text(c.since()),
                    c.history().stream().map(Earlier::of).toList());
        }
    }

    record Earlier(String callId, String startedAt, String direction, String agentId, String disposition,
            String wrapUpCode, String notes, String customerName) {
        static Earlier of(EarlierCall e) {
            return new Earlier(e.callId(), text(e.startedAt()), e.direction(), e.agentId(), e.disposition(),
                    e.wrapUpCode(), e.notes(), e.customerName());
        }
    }

    /** An agent as a supervisor sees them: everything, with the call they are on. */
    record Agent(String agentId, String name, int seat, String state, String reasonCode, String since,
            String callId) {
        static Agent of(AgentSummary a) {
            return new Agent(a.agentId(), a.name(), a.seat(), a.state(), a.reasonCode(), text(a.since()), a.callId());
        }
    }

    /** A colleague as a transfer target: who and whether they are free, not what they are doing. */
    record Callback(String requestId, String number, String queue, int priority, String placeSince, int attempts) {
        static Callback of(io.branchbox.firmware.console.CallbackView c) {
            return new Callback(c.requestId(), c.number(), c.queue(), c.priority(), text(c.placeSince()), c.attempts());
        }
    }

    record Colleague(String agentId, String name, String state) {
        static Colleague of(AgentSummary a) {
            return new Colleague(a.agentId(), a.name(), a.state());
        }
    }

    /** A refused console action: a stable {@code code}, and the words for the agent in {@code error}. */
    record Problem(String error, String code, String message) {
        Problem(String code, String message) {
            this(message, code, message);
        }
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
