/**
 * Trunks as call control sees them: a PRI span ({@link io.branchbox.firmware.trunk.PriSpan})
 * adapts its LAPD link and Q.931 layer to {@code call.TrunkCall}s, counts refusals, and hands
 * restarts and refusals to {@link io.branchbox.firmware.trunk.SpanEvents}. Analog lines are in
 * {@code trunk.fxo}, outbound dialling in {@code trunk.outbound}.
 *
 * <p>Thread: {@code signalling} only.
 *
 * <p>May import: {@code isdn..}, {@code call} (the trunk-call contract), {@code journal},
 * {@code drivers.cb1.msg} (the board's D-channel unit), {@code io.branchbox.time}. Never
 * {@code store} (ArchitectureTest).
 */
package io.branchbox.firmware.trunk;
