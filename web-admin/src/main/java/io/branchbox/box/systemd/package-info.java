/**
 * The box as a systemd service: readiness and the watchdog ({@code Type=notify},
 * {@code WatchdogSec} in the Debian package's unit).
 *
 * <p>{@link io.branchbox.box.systemd.ServiceNotifier} sends states to the service manager;
 * {@link io.branchbox.box.systemd.SignallingWatchdog} feeds the watchdog on a thread of its own,
 * and only while the signalling thread still runs what is posted to it. Imports: the driver's
 * {@code io.branchbox.time} scheduler and the JDK only; nothing here touches call control.
 */
package io.branchbox.box.systemd;
