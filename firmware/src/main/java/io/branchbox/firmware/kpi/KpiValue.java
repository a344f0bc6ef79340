package io.branchbox.firmware.kpi;

/**
 * One KPI's value over one period and group, with the counts behind it.
 *
 * @param value  percent or seconds; null when there is no data (never shown as 0 % or 100 %)
 * @param target the target in the same unit; NaN when the KPI has none
 */
public record KpiValue(Kpi kpi, long numerator, long denominator, Double value, double target, Status status) {

    /** Whether the value meets its target. */
    public enum Status { MET, MISSED, NO_TARGET, NO_DATA }

    /** The value rounded to one decimal, as reports show it; null for no data. */
    public Double rounded() {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }
}
