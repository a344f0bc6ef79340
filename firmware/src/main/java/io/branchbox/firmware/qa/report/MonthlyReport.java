package io.branchbox.firmware.qa.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The monthly QA report: one part per agent with scored calls that month, plus the month's completion. */
public record MonthlyReport(YearMonth month, List<AgentPart> agents) {

    /**
     * One agent's month.
     *
     * @param agentId     the agent
     * @param scored      calls scored (the score in force after any change)
     * @param average     their average total, 0.1
     * @param min         lowest total
     * @param max         highest total
     * @param trend       the average of each week (weeks from Monday) with scored calls
     * @param fatalCalls  the calls with a fatal error, and which
     * @param missed      the items that most often lost points, most often first (at most five)
     */
    public record AgentPart(String agentId, int scored, double average, int min, int max, List<WeekAverage> trend,
            List<FatalCall> fatalCalls, List<Missed> missed) {}

    /** The average of the week starting {@code monday}. */
    public record WeekAverage(LocalDate monday, int scored, double average) {}

    /** A call with fatal errors (Chinese names). */
    public record FatalCall(String callId, List<String> fatal) {}

    /** An item that lost points {@code times} times, {@code pointsLost} in all. */
    public record Missed(String itemId, String nameZh, String nameEn, int times, int pointsLost) {}
}
