/**
 * The box's own telephone signal processing on 8 kHz A-law: DTMF, call-progress tones, caller ID.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link io.branchbox.firmware.dsp.DtmfDetector} / {@link io.branchbox.firmware.dsp.DtmfGenerator}:
 *       ITU-T Q.24 DTMF;
 *   <li>{@link io.branchbox.firmware.dsp.ToneDetector} / {@link io.branchbox.firmware.dsp.ToneGenerator}
 *       with a {@link io.branchbox.firmware.dsp.TonePlan} (China by default): call-progress tones;
 *   <li>{@link io.branchbox.firmware.dsp.FskDemodulator} (Bell 202 or V.23),
 *       {@link io.branchbox.firmware.dsp.CallerIdParser} (SDMF/MDMF),
 *       {@link io.branchbox.firmware.dsp.DtmfCallerIdParser}, combined per line type by
 *       {@link io.branchbox.firmware.dsp.CallerIdReceiver}; {@link io.branchbox.firmware.dsp.FskModulator}
 *       sends caller ID;
 *   <li>{@link io.branchbox.firmware.dsp.LineAnalyzer}: everything over a recording, as JSON lines.
 * </ul>
 *
 * <h2>How the DTMF receiver meets Q.24</h2>
 * <table>
 *   <caption>Requirement, mechanism, measured edge (DtmfMarginsTest, all 16 digits)</caption>
 *   <tr><th>Requirement</th><th>Mechanism</th><th>Measured decision edge</th></tr>
 *   <tr><td>accept ±1.5 %, reject ±3.5 %</td>
 *       <td>frequency from the phase step of each tone between windows 51 samples apart, limit 2.0 %</td>
 *       <td>2.00–2.01 %</td></tr>
 *   <tr><td>accept ≥ 40 ms, reject ≤ 20 ms</td>
 *       <td>4 consecutive hits of 102-sample windows at a 51-sample hop (32 ms of evidence)</td>
 *       <td>shortest accepted 25–31 ms depending on digit and alignment</td></tr>
 *   <tr><td>twist +4 dB reverse, −8 dB normal</td>
 *       <td>jointly solved tone amplitudes, limits +5.0 / −9.5 dB</td>
 *       <td>+4.9…+5.1 dB, −9.3…−9.5 dB</td></tr>
 *   <tr><td>−3 to −36 dBm0 per tone accepted, −45 rejected</td>
 *       <td>each tone ≥ −41 dBm0</td><td>−40.8…−41.0 dBm0</td></tr>
 *   <tr><td>10 ms interruption is one digit</td>
 *       <td>a digit ends on a window 10 dB below it (needs a gap of a whole window, 12.75 ms) or
 *       5 misses in a row; a 10 ms gap touches at most 4 windows, none whole</td><td>tested at 11 alignments</td></tr>
 *   <tr><td>talk-off</td>
 *       <td>relative peak 8 dB within each group, the pair ≥ 70 % of window energy, frequency check</td>
 *       <td>0 false digits in 2 min (normal run) and 30 min (soak) of synthetic speech and music</td></tr>
 * </table>
 *
 * <p>Levels: dBm0 on the A-law scale, 0 dBm0 = sine of peak 22 827 (see {@link io.branchbox.firmware.dsp.Signals}).
 *
 * <p>Threading: every detector is for one channel, called on the board link's reader thread with
 * 20 ms frames; none blocks or allocates per frame, none is thread-safe.
 */
package io.branchbox.firmware.dsp;
