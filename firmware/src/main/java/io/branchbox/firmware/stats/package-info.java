/**
 * Service figures folded from the journal: each call's history ({@code CallTracker}), the brief's
 * call KPIs per interval ({@code CallStatistics}), agents' time ({@code AgentPeriods},
 * {@code AgentStatistics}), the live queue figures of the status page, and the figures reporter
 * for the uplink.
 *
 * <p>Threads: folds run on {@code journal-writer} as journal listeners (no I/O); readers take
 * immutable results from any thread.
 *
 * <p>May import: {@code journal}, {@code io.branchbox.time}.
 */
package io.branchbox.firmware.stats;
