/**
 * One box put together: {@link io.branchbox.firmware.runtime.BoxRuntime} builds the parts from the
 * configuration document and a {@code Hardware} value, repairs what a power cut left
 * ({@code StartupRepairs}, {@code CrashRecovery}), routes board events, takes the status snapshot
 * ({@code SnapshotTaker}, {@code BoxSnapshot}), raises alarms ({@code AlarmMonitor},
 * {@code BoxFaults}) and watches its threads ({@code ThreadWatchdog}).
 *
 * <p>Threads: it creates {@code signalling}, {@code recording-writer}, {@code kpi},
 * {@code console-history} and the watchdog (names in {@link io.branchbox.time.ThreadNames});
 * snapshot and board events run on {@code signalling}; its public methods are called from the web
 * admin's threads and post to {@code signalling}.
 *
 * <p>May import: every firmware package and drivers (it is the composition root); nothing imports it
 * but the launchers ({@code io.branchbox.box}, the test rig).
 */
package io.branchbox.firmware.runtime;
