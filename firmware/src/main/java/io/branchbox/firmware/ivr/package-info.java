/**
 * Call control before the queue: which entry a call takes ({@link io.branchbox.firmware.ivr.IvrRouting}),
 * the business hours behind night service and callbacks
 * ({@link io.branchbox.firmware.ivr.BusinessCalendar}), and one caller's way through the menus
 * ({@link io.branchbox.firmware.ivr.IvrSession}).
 *
 * <p>Pure logic on injected time: no audio, no board. Prompts, journal and the hand-over of a
 * result go through {@link io.branchbox.firmware.ivr.IvrPort}; everything runs on the signalling
 * thread.
 */
package io.branchbox.firmware.ivr;
