package io.branchbox.drivers.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CB-1 board's two control lines: BOARD_RESET (output, active low) and BOARD_PRESENT (input,
 * pull-up, active low).
 *
 * <p>{@link #pulseReset} drives RESET low and schedules its release on the {@link Scheduler}; it
 * never sleeps, so it may be passed as the board link's reset line ({@code lines::pulseReset}).
 * Pulses shorter than {@link #MIN_RESET_PULSE} are lengthened to it: the datasheet needs at least
 * 10 ms and a too-short pulse leaves the board in an unknown state. A pulse requested while one
 * is running extends it to end {@code d} after the new request.
 *
 * <p>Threading: {@link #pulseReset} and {@link #boardPresent} may be called from any thread.
 * Presence listeners are called on the scheduler thread, once per change. A GPIO failure is
 * logged and counted, never thrown to the caller.
 */
public final class BoardControlLines {
    private static final Logger log = LoggerFactory.getLogger(BoardControlLines.class);

    /** The shortest reset pulse the board is guaranteed to act on. */
    public static final Duration MIN_RESET_PULSE = Duration.ofMillis(10);

    /** Told when the board is seated or removed. Called on the scheduler thread. */
    @FunctionalInterface
    public interface PresenceListener {
        void onBoardPresence(boolean present);
    }

    private final Scheduler scheduler;
    private final DigitalOutput reset;
    private final DigitalInput present;
    private final List<PresenceListener> listeners = new CopyOnWriteArrayList<>();
    private final Object pulseLock = new Object();
    private Scheduler.Timer release = Scheduler.Timer.NONE;
    private long pulseGeneration;
    private boolean lastPresent;
    private volatile long failures;

    public BoardControlLines(Context context, PinMap pins, Scheduler scheduler) {
        this.scheduler = scheduler;
        this.reset = Pins.output(context, "board-reset", pins.boardReset(), DigitalState.HIGH);
        this.present = Pins.pulledUpInput(context, "board-present", pins.boardPresent());
        this.lastPresent = boardPresent();
        present.addListener(e -> scheduler.execute(this::presenceMayHaveChanged));
    }

    /** Resets the board: RESET low now, high again after {@code d} (at least 10 ms). Never blocks. */
    public void pulseReset(Duration d) {
        Duration width = d.compareTo(MIN_RESET_PULSE) < 0 ? MIN_RESET_PULSE : d;
        synchronized (pulseLock) {
            release.cancel();
            long generation = ++pulseGeneration;
            drive(DigitalState.LOW);
            release = scheduler.schedule(width, () -> endPulse(generation));
        }
        log.info("board reset pulse {} ms", width.toMillis());
    }

    /** Whether RESET is being held low right now. */
    public boolean resetAsserted() {
        return reset.state() == DigitalState.LOW;
    }

    /** Whether the board is seated (BOARD_PRESENT low). */
    public boolean boardPresent() {
        return present.state() == DigitalState.LOW;
    }

    public void addPresenceListener(PresenceListener l) {
        listeners.add(l);
    }

    public void removePresenceListener(PresenceListener l) {
        listeners.remove(l);
    }

    /** GPIO writes that failed since start. */
    public long failures() {
        return failures;
    }

    private void endPulse(long generation) {
        synchronized (pulseLock) {
            // a release already running when a newer pulse cancelled it must not cut that pulse short
            if (generation == pulseGeneration) {
                drive(DigitalState.HIGH);
            }
        }
    }

    private void presenceMayHaveChanged() {
        boolean now = boardPresent();
        if (now == lastPresent) {
            return;
        }
        lastPresent = now;
        log.info("CB-1 board {}", now ? "seated" : "removed");
        for (PresenceListener l : listeners) {
            l.onBoardPresence(now);
        }
    }

    private void drive(DigitalState level) {
        try {
            reset.state(level);
        } catch (RuntimeException e) {
            // Pi4J reports GPIO failures unchecked; the link's supervision notices a board that did not reset
            failures++;
            log.warn("BOARD_RESET write {} failed: {}", level, e.toString());
        }
    }
}
