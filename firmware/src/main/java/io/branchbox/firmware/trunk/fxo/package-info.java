/**
 * Analogue exchange lines on the CB-1's FXO ports (issue 5): one {@link io.branchbox.firmware.trunk.fxo.FxoLine}
 * per port turns FXO_EVENTs and line audio into calls for call control, and places outgoing calls.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link io.branchbox.firmware.trunk.fxo.FxoLine}: the line; its states are small package-private
 *       classes (idle, ringing, answering, connected, seizing, dialling, awaiting-answer, releasing, down);
 *   <li>{@link io.branchbox.firmware.trunk.fxo.FxoBoard}: what the line needs of the board (hook relay
 *       with ACK, channel, DTMF out);
 *   <li>{@link io.branchbox.firmware.trunk.fxo.FxoConfig}: per-line settings;
 *   <li>{@link io.branchbox.firmware.trunk.fxo.LineCapture}: line diagnostics, WAV plus detections as JSON lines.
 * </ul>
 *
 * <h2>Threads</h2>
 * The state machine runs on the signalling scheduler. Line audio arrives on the board link's reader
 * (audio) thread through {@link io.branchbox.firmware.trunk.fxo.FxoLine#onLineAudio}: the detectors
 * (caller ID, tones, DTMF, a voice classifier) run right there and post their results with
 * {@code Scheduler.execute}; results carry the detector generation so that nothing heard for one call
 * acts on the next.
 *
 * <h2>Readings of the datasheet</h2>
 * <ul>
 *   <li>The board is not said to send LINE_UP at start: a line is taken as up until LINE_DOWN.
 *   <li>"No volts": a LINE_UP whose tip-ring voltage is under {@code minLineVoltsTenths} is still down.
 *   <li>FXO_HOOK FLASH is taken to be acknowledged once the flash is over; LOOP_OPEN during a flash
 *       and for 300 ms after is ignored.
 *   <li>An FXO line cannot refuse a call: a hangup of a ringing call only stops it being offered again.
 * </ul>
 */
package io.branchbox.firmware.trunk.fxo;
