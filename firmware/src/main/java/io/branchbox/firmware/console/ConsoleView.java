package io.branchbox.firmware.console;

import java.time.Instant;
import java.util.List;

/**
 * One agent's console: who and where they are, their state, their call (null when none) and the
 * codes they may choose. {@code lastCallId} is the call awaiting a wrap-up code ("" when none).
 * {@code notice} tells the agent what went wrong with their last action that could not fail at
 * once (a dial that found no free line, with the network's cause), "" when nothing did.
 * Immutable.
 */
public record ConsoleView(String agentId, String name, int seat, String state, String reasonCode, Instant since,
        CallView call, String lastCallId, List<String> notReadyReasons, List<String> wrapUpCodes, List<String> queues,
        String notice) {
    public ConsoleView {
        notReadyReasons = List.copyOf(notReadyReasons);
        wrapUpCodes = List.copyOf(wrapUpCodes);
        queues = List.copyOf(queues);
    }

    public ConsoleView(String agentId, String name, int seat, String state, String reasonCode, Instant since,
            CallView call, String lastCallId, List<String> notReadyReasons, List<String> wrapUpCodes, List<String> queues) {
        this(agentId, name, seat, state, reasonCode, since, call, lastCallId, notReadyReasons, wrapUpCodes, queues, "");
    }

    /** The same view with another call panel (the screen pop completed with history). */
    public ConsoleView withCall(CallView c) {
        return new ConsoleView(agentId, name, seat, state, reasonCode, since, c, lastCallId, notReadyReasons, wrapUpCodes,
                queues, notice);
    }

    /**
     * The agent's call and its screen pop: the other party's number and name if known, and their
     * earlier calls, newest first. {@code state}: {@code OFFERED} (ringing), {@code CONNECTED},
     * {@code HELD}, {@code CONSULTING}, {@code DIALLING}. {@code direction}: IN, OUT or INTERNAL.
     */
    public record CallView(String callId, String direction, String number, String name, String queue, String state,
            Instant since, List<EarlierCall> history) {
        public CallView {
            history = List.copyOf(history);
        }
    }
}
