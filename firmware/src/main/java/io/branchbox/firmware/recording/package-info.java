/**
 * Call recordings: stereo WAV files fed from the audio path through ring buffers
 * ({@code RecordingService}), start-up repair of their sizes, the catalogue projected from the
 * journal ({@code RecordingProjector}), checksum verification, today's coverage, the storage policy
 * (retention, low-space levels, legal holds and kept recordings).
 *
 * <p>Threads: taps copy frames on the reader thread (no I/O); {@code recording-writer} writes and
 * forces files; {@code recording-maintenance} verifies and applies the policy; the projector runs on
 * {@code journal-writer}.
 *
 * <p>May import: {@code journal}, {@code store} (the catalogue's tables), {@code io.branchbox.time}.
 */
package io.branchbox.firmware.recording;
