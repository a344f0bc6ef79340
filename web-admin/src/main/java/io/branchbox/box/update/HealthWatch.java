package io.branchbox.box.update;

import io.branchbox.time.Scheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether the version on trial stays: every {@code every} it asks {@link Check} (board
 * online if it was before, database open, web admin answering); the first healthy answer commits
 * the update, none within {@code deadline} rolls it back and restarts the process.
 *
 * <p>Threading: runs on {@code scheduler}'s thread; the check may block briefly (an HTTP request
 * to the box's own web admin, a database query).
 */
public final class HealthWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthWatch.class);

    /** What is wrong with the box now; empty when healthy. */
    @FunctionalInterface
    public interface Check {
        List<String> problems();
    }

    private final Updater updater;
    private final Scheduler scheduler;
    private final Duration deadline;
    private final Duration every;
    private final Check check;
    private final Runnable restart;
    private Scheduler.Timer timer = Scheduler.Timer.NONE;
    private long endsAt;
    private List<String> last = List.of("not checked yet");

    public HealthWatch(Updater updater, Scheduler scheduler, Duration deadline, Duration every, Check check, Runnable restart) {
        this.updater = updater;
        this.scheduler = scheduler;
        this.deadline = deadline;
        this.every = every;
        this.check = check;
        this.restart = restart;
    }

    public void start() {
        endsAt = scheduler.nowMillis() + deadline.toMillis();
        timer = scheduler.scheduleAtFixedRate(every, every, this::tick);
        log.info("version {} on trial: healthy within {} s or rolled back", updater.running(), deadline.toSeconds());
    }

    private void tick() {
        try {
            last = check.problems();
        } catch (RuntimeException e) {
            last = List.of("health check failed: " + e);
        }
        try {
            if (last.isEmpty()) {
                timer.cancel();
                updater.commit();
            } else if (scheduler.nowMillis() >= endsAt) {
                timer.cancel();
                updater.rollBack("not healthy within " + deadline.toSeconds() + " s: " + String.join("; ", last));
                restart.run();
            }
        } catch (IOException e) {
            log.error("the update state could not be written: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.cancel();
    }
}
