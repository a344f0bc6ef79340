/**
 * The calls' own signals from their stereo recordings (silence, talk-over, longest silence, the
 * agent's share of speaking), computed after the call on the low-priority {@code qa-signals}
 * thread, never on the audio path: {@link io.branchbox.firmware.qa.signal.SignalAnalyzer} reads
 * one WAV file, {@link io.branchbox.firmware.qa.signal.SignalWorker} queues finished recordings
 * and journals each call's {@link io.branchbox.firmware.qa.signal.CallSignals}.
 *
 * <p>Imports {@code audio.G711}, {@code dsp.Signals}, {@code recording.AlawWav}, {@code journal}
 * ({@code CallEventCodec} and the {@code CallEvents.RecordingFinished} it follows) and {@code qa}.
 */
package io.branchbox.firmware.qa.signal;
