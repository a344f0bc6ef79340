package io.branchbox.firmware.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One ended inbound call as the KPIs counted it: the drill-down from a figure to the calls
 * behind it. {@code counted} lists the counts the call added 1 to (for example
 * {@link Count#HANDLED} and {@link Count#ANSWERED_IN_SL}).
 *
 * @param queue   the queue it first entered, "" if none
 * @param agents  the agents who talked to it, in order
 * @param rating  the survey key 1..3, 0 if not rated
 * @param callingNumber the caller's number as the network sent it, "" if withheld or unknown
 */
public record CallLine(String callId, LocalDate day, String shift, Instant startedAt, Instant endedAt, String queue,
        List<String> agents, Set<Count> counted, long speedOfAnswerMs, long responseMs, long handleMs, int rating,
        String callingNumber) {

    public CallLine {
        callingNumber = callingNumber == null ? "" : callingNumber;
        agents = List.copyOf(agents);
        counted = Collections.unmodifiableSet(counted.isEmpty() ? EnumSet.noneOf(Count.class) : EnumSet.copyOf(counted));
    }

    /** Whether this call is in the row of {@code g} (an agent's row: the agent talked to it). */
    public boolean in(Group g) {
        return switch (g.by()) {
            case ALL -> true;
            case AGENT -> agents.contains(g.name());
            case QUEUE -> queue.equals(g.name());
            case SHIFT -> shift.equals(g.name());
        };
    }
}
