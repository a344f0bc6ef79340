/**
 * One box put together: {@link io.branchbox.firmware.runtime.BoxRuntime} is the composition root
 * and the API the web admin calls. Built without I/O, it starts in a documented order
 * ({@code BoxLifecycle}): the storage ({@code BoxStorage}: database and journal opened in parallel,
 * {@code StartupRepairs}, {@code CrashRecovery}), the call engine ({@code BoxEngine},
 * {@code BoxTrunks}: routes board events, takes the status snapshot with {@code SnapshotTaker} and
 * {@code BoxSnapshot}, raises alarms with {@code AlarmMonitor} and {@code BoxFaults}, watches its
 * threads with {@code ThreadWatchdog}), then its {@link io.branchbox.firmware.runtime.BoxService}s
 * (its own uplink {@code BoxUplink}, then the launcher's, e.g. the web admin); it stops in reverse.
 *
 * <p>Threads: it creates {@code box-start} (at start only), {@code signalling},
 * {@code recording-writer}, {@code kpi}, {@code console-history}, {@code uplink} and the watchdog
 * (names in {@link io.branchbox.time.ThreadNames}); snapshot and board events run on
 * {@code signalling}; its public methods are called from the web admin's threads and post to
 * {@code signalling}.
 *
 * <p>May import: every firmware package and drivers (it is the composition root); nothing imports it
 * but the launchers ({@code io.branchbox.box}, the test rig).
 */
package io.branchbox.firmware.runtime;
