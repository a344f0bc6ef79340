package io.branchbox.firmware.kpi;

import static io.branchbox.firmware.kpi.Count.*;

/**
 * Every KPI the branch is judged on, each defined once: its numerator and denominator
 * ({@link Count}s summed over the period), its unit, its target and which way is good. The brief's
 * table (docs/KPIS.md) first, then the industry's figures. A KPI whose denominator is 0 has no
 * value: "no data", never 0 % or 100 %; with a denominator above 0 it has one, 0 % included.
 */
public enum Kpi {
    ANSWER_WITHIN_3S("answerWithin3s", Unit.PERCENT, ANSWERED_WITHIN_3S, HANDLED, 100, Direction.AT_LEAST, Family.CALLS,
            "answered within 3 rings / 3 s of ringing at the seat, of handled calls"),
    RESPONSE_TIME("responseTime", Unit.SECONDS, RESPONSE_MS, HANDLED, 8, Direction.AT_MOST, Family.CALLS,
            "average time from reaching the line to an agent, greeting included"),
    MANUAL_ANSWER_RATE("manualAnswerRate", Unit.PERCENT, HANDLED, ASKED, 95, Direction.AT_LEAST, Family.CALLS,
            "calls answered by an agent / calls that asked for an agent"),
    SURVEY_SAMPLING_RATE("surveySamplingRate", Unit.PERCENT, RATED, HANDLED, 60, Direction.AT_LEAST, Family.CALLS,
            "calls with a customer rating / calls handled"),
    VALID_RATING_RATE("validRatingRate", Unit.PERCENT, VALID_RATED, HANDLED, 30, Direction.AT_LEAST, Family.CALLS,
            "valid ratings / calls handled"),
    SATISFACTION("satisfaction", Unit.PERCENT, SATISFIED, VALID_RATED, 98, Direction.AT_LEAST, Family.CALLS,
            "'satisfied' ratings / valid ratings"),
    REPAIR_CALLBACK_RATE("repairCallbackRate", Unit.PERCENT, REPAIR_CALLED_BACK, REPAIR_DUE, 99, Direction.AT_LEAST,
            Family.WORK_ORDERS, "repair orders called back within 24 h of completion / repair orders"),
    VALID_CALLBACK_RATE("validCallbackRate", Unit.PERCENT, REPAIR_REACHED, REPAIR_DUE, 80, Direction.AT_LEAST,
            Family.WORK_ORDERS, "callbacks that reached the customer within 24 h / repair orders"),
    QA_COMPLETION("qaCompletion", Unit.PERCENT, QA_SCORED, QA_PLANNED, 96, Direction.AT_LEAST, Family.QA,
            "calls first scored in the period / planned (5 % of handled calls, rounded up)"),
    COMPLAINT_TIMELINESS("complaintTimeliness", Unit.PERCENT, COMPLAINTS_ON_TIME, COMPLAINTS_DUE, 95, Direction.AT_LEAST,
            Family.WORK_ORDERS, "complaints with feedback within 24 h / complaints"),
    SERVICE_LEVEL("serviceLevel", Unit.PERCENT, ANSWERED_IN_SL, ASKED, -1, Direction.AT_LEAST, Family.CALLS,
            "answered within the service-level time (default 20 s) of reaching the queue / asked for an agent"),
    ABANDON_RATE("abandonRate", Unit.PERCENT, ABANDONED, ASKED, Double.NaN, Direction.AT_MOST, Family.CALLS,
            "abandoned (after 5 s or more) / asked for an agent; short abandons counted apart"),
    ASA("asa", Unit.SECONDS, ASA_MS, HANDLED, Double.NaN, Direction.AT_MOST, Family.CALLS,
            "average speed of answer: queue to first agent"),
    AHT("aht", Unit.SECONDS, HANDLE_MS, HANDLED, Double.NaN, Direction.AT_MOST, Family.CALLS,
            "average handle time: talk + hold + wrap-up per handled call"),
    OCCUPANCY("occupancy", Unit.PERCENT, BUSY_MS, STAFFED_MS, Double.NaN, Direction.AT_MOST, Family.AGENTS,
            "time on calls and wrap-up / time ready, ringing, on calls and in wrap-up");

    /** How a value reads. */
    public enum Unit { PERCENT, SECONDS }

    /** Which way is good. */
    public enum Direction { AT_LEAST, AT_MOST }

    /** Where the counts come from (work orders and QA: the events those features journal). */
    public enum Family { CALLS, AGENTS, WORK_ORDERS, QA }

    private final String key;
    private final Unit unit;
    private final Count numerator;
    private final Count denominator;
    private final double target;
    private final Direction direction;
    private final Family family;
    private final String definition;

    Kpi(String key, Unit unit, Count numerator, Count denominator, double target, Direction direction, Family family,
            String definition) {
        this.key = key;
        this.unit = unit;
        this.numerator = numerator;
        this.denominator = denominator;
        this.target = target;
        this.direction = direction;
        this.family = family;
        this.definition = definition;
    }

    public String key() {
        return key;
    }

    public Unit unit() {
        return unit;
    }

    public Count numerator() {
        return numerator;
    }

    public Count denominator() {
        return denominator;
    }

    public Direction direction() {
        return direction;
    }

    public Family family() {
        return family;
    }

    public String definition() {
        return definition;
    }

    /** The target under {@code s} (the service level's is configured); NaN when the KPI has none. */
    public double target(KpiSettings s) {
        return this == SERVICE_LEVEL ? s.serviceLevelTargetPercent() : target;
    }

    /**
     * This KPI over {@code c}; "no data" when, and only when, the denominator is 0. QA completion
     * with calls handled and none scored is 0 %, not "no data": its denominator (5 % of handled,
     * rounded up) says calls were due for scoring. Work-order KPIs have no data until orders exist
     * (their denominators are decided orders).
     */
    public KpiValue of(Counts c, KpiSettings s) {
        long num = c.get(numerator);
        long den = c.get(denominator);
        if (den == 0) {
            return new KpiValue(this, num, den, null, target(s), KpiValue.Status.NO_DATA);
        }
        double value = unit == Unit.PERCENT ? 100.0 * num / den : num / 1000.0 / den;
        double t = target(s);
        KpiValue.Status status = Double.isNaN(t) ? KpiValue.Status.NO_TARGET
                : (direction == Direction.AT_LEAST ? value >= t : value <= t) ? KpiValue.Status.MET
                : KpiValue.Status.MISSED;
        return new KpiValue(this, num, den, value, t, status);
    }

    /** The KPI of a key, or null. */
    public static Kpi byKey(String key) {
        for (Kpi k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
