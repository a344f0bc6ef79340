package io.branchbox.firmware.console;

import java.time.Instant;
import java.util.List;

/**
 * One agent's console: who and where they are, their state, their call (null when none) and the
 * codes they may choose. {@code lastCallId} is the call awaiting a wrap-up code ("" when none).
 * Immutable.
 */
public record ConsoleView(String agentId, String name, int seat, String state, String reasonCode, Instant since,
        CallView call, String lastCallId, List<String> notReadyReasons, List<String> wrapUpCodes, List<String> queues) {
    public ConsoleView {
        notReadyReasons = List.copyOf(notReadyReasons);
        wrapUpCodes = List.copyOf(wrapUpCodes);
        queues = List.copyOf(queues);
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
