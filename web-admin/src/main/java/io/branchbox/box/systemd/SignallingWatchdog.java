package io.branchbox.box.systemd;

import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Feeds the systemd watchdog only while the signalling thread is alive.
 *
 * <p>Every {@code period} (half of systemd's {@code WatchdogSec}) the watchdog's own thread checks
 * whether the probe it posted to the signalling executor one period earlier has run; only then it
 * sends {@code WATCHDOG=1}, and it posts the next probe. A signalling thread that is stuck (a
 * deadlock, an endless loop, a blocking call that never returns) stops the feeding, and systemd
 * kills and restarts the box after {@code WatchdogSec}. The probe is a single volatile write, so
 * it never delays call control.
 *
 * <p>Threading: {@link #start} and {@link #close} from any thread; the check runs on
 * {@code timer}'s thread, which must not be the signalling thread.
 */
public final class SignallingWatchdog implements AutoCloseable {
    private final Executor signalling;
    private final Scheduler timer;
    private final ServiceNotifier notifier;
    private final Duration period;
    private final Supplier<String> status;
    private volatile boolean answered = true;
    private volatile Scheduler.Timer task = Scheduler.Timer.NONE;

    /**
     * @param signalling the thread whose liveness is watched
     * @param timer      a scheduler of the watchdog's own (virtual time in tests)
     * @param period     how often to check and feed: half the watchdog timeout
     * @param status     the one-line status sent with each feeding
     */
    public SignallingWatchdog(Executor signalling, Scheduler timer, ServiceNotifier notifier, Duration period,
            Supplier<String> status) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("watchdog period must be positive: " + period);
        }
        this.signalling = signalling;
        this.timer = timer;
        this.notifier = notifier;
        this.period = period;
        this.status = status;
    }

    /**
     * The feeding period systemd asks for: half of {@code WATCHDOG_USEC} when the variable is set
     * (and, with {@code WATCHDOG_PID}, meant for this process), else empty: no watchdog.
     */
    public static Optional<Duration> periodFromEnvironment(Map<String, String> env, long pid) {
        String usec = env.get("WATCHDOG_USEC");
        String forPid = env.get("WATCHDOG_PID");
        if (usec == null || usec.isBlank() || forPid != null && !forPid.equals(Long.toString(pid))) {
            return Optional.empty();
        }
        try {
            long us = Long.parseLong(usec.trim());
            return us <= 0 ? Optional.empty() : Optional.of(Duration.ofNanos(us * 1000 / 2));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Starts checking and feeding; the first check is one period from now. */
    public void start() {
        probe();
        task = timer.scheduleAtFixedRate(period, period, this::check);
    }

    private void check() {
        if (answered) {
            notifier.send(ServiceNotifier.State.WATCHDOG, status.get());
            probe();
        }
        // else: the probe is still waiting in the signalling queue; do not feed, do not pile up probes
    }

    private void probe() {
        answered = false;
        signalling.execute(() -> answered = true);
    }

    @Override
    public void close() {
        task.cancel();
    }
}
