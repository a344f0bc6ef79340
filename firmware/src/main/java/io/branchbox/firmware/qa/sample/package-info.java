/**
 * Drawing sample plans: which answered calls of a month an inspector scores, so that every agent
 * gets their quota per shift and per month, targeted calls are included, and the total reaches
 * the configured share of agent-answered calls. Pure and seeded (the same calls and seed draw the
 * same samples); the caller journals the result.
 *
 * <p>Any thread (no state). Imports {@code qa} values and {@code config.ShiftCalendar}.
 */
package io.branchbox.firmware.qa.sample;
