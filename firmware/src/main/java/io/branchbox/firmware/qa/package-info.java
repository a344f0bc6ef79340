/**
 * Quality monitoring: sample plans, scoring, sign-off, bulletins and reports, all as journal
 * events ({@link io.branchbox.firmware.qa.QaEventTypes}) folded into the in-memory
 * {@link io.branchbox.firmware.qa.QaBook}, rebuilt from the journal at start.
 * {@link io.branchbox.firmware.qa.QaService} takes the commands; sub-packages hold the forms
 * ({@code form}), the sample planner ({@code sample}) and the calls' signals from their
 * recordings ({@code signal}).
 *
 * <p>Threads: web requests (commands and reads), the journal writer (the book's listener) and
 * {@code qa-signals} (the low-priority signal worker). Never the audio path or call control.
 * May import {@code config}, {@code journal}, {@code recording} (WAV files, the catalogue),
 * {@code store} (call records, event names) and the JDK; not {@code call} or {@code runtime}.
 */
package io.branchbox.firmware.qa;
