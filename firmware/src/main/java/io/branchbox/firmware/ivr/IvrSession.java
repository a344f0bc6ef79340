package io.branchbox.firmware.ivr;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One caller's way through the IVR menu tree ({@link BoxConfig.Menu}), from a starting menu to an
 * {@link Outcome}: a queue, voicemail, callback, forward or hang-up.
 *
 * <p>Contract, per menu: its prompt is played; a key pressed during the prompt stops it
 * (barge-in) and counts as if pressed after it. After the prompt the caller has
 * {@code timeoutS} seconds. A key in {@code choices} takes its step: {@code MENU} enters that
 * menu with fresh tries, any other action ends the session through {@link IvrPort#finish}. An
 * unknown key plays {@code invalidPrompt} and then the menu prompt again; a timeout plays the menu
 * prompt again; each counts as a try, and the try after {@code retries} retries takes
 * {@code fallback} at once (no invalid prompt first, the caller has heard it often enough). The
 * outcome's priority is the highest of all steps taken. Every decision goes to
 * {@link IvrPort#journal}.
 *
 * <p>Loop guard: menus may lead to each other ("9: back to the main menu"); after
 * {@value #MAX_MENU_ENTRIES} menu entries the caller is queued in the IVR's default queue instead
 * of entering another menu, journaled with key "" against the refused menu.
 *
 * <p>Threading: not thread-safe. {@link #start}, {@link #onKey}, {@link #cancel} and the
 * {@code whenDone} callbacks must run on the signalling thread, which must be the thread of the
 * {@link Scheduler} given (the timeout runs there).
 *
 * <p>Pitfalls: the port may call back into the session synchronously (a missing prompt ending at
 * once, a {@code finish} that cancels); the session changes state before every port call, so that
 * is safe. Keys before {@link #start} or after the end are ignored.
 */
public final class IvrSession {
    private static final Logger log = LoggerFactory.getLogger(IvrSession.class);

    /** Menu entries per call after which the loop guard sends the caller to the default queue. */
    public static final int MAX_MENU_ENTRIES = 20;

    private final Map<String, BoxConfig.Menu> menus = new LinkedHashMap<>();
    private final String startMenu;
    private final BoxConfig.Step loopGuardStep;
    private final Scheduler scheduler;
    private final IvrPort port;

    private BoxConfig.Menu menu;
    private int failures;
    private int entries;
    private int priority;
    private State state = Idle.NOT_STARTED;

    /** What the session waits for; each prompt and wait is a new object, so stale callbacks are recognised. */
    private sealed interface State permits Idle, Prompting, Invalid, Waiting {}

    private enum Idle implements State { NOT_STARTED, ENDED }

    /** The menu prompt is playing. */
    private static final class Prompting implements State {}

    /** The invalid-choice prompt is playing; the menu prompt follows. */
    private static final class Invalid implements State {}

    /** The prompt ended; the caller has the menu's timeout to press a key. */
    private static final class Waiting implements State {
        Scheduler.Timer timer = Scheduler.Timer.NONE;
    }

    /**
     * A session for one call, not yet started.
     *
     * @throws IllegalArgumentException if {@code startMenu} or a {@code MENU} step's target is not
     *         a menu of {@code ivr} (the configuration validator rules both out)
     */
    public IvrSession(BoxConfig.Ivr ivr, String startMenu, Scheduler scheduler, IvrPort port) {
        ivr.menus().forEach(m -> menus.put(m.name(), m));
        for (BoxConfig.Menu m : ivr.menus()) {
            Stream.concat(m.choices().values().stream(), Stream.of(m.fallback()))
                    .filter(s -> s.action() == BoxConfig.StepAction.MENU && !menus.containsKey(s.target()))
                    .findFirst()
                    .ifPresent(s -> {
                        throw new IllegalArgumentException("menu '" + m.name() + "' leads to no menu '" + s.target() + "'");
                    });
        }
        if (!menus.containsKey(startMenu)) {
            throw new IllegalArgumentException("no menu '" + startMenu + "'");
        }
        this.startMenu = startMenu;
        this.loopGuardStep = new BoxConfig.Step(BoxConfig.StepAction.QUEUE, ivr.defaultQueue(), 0);
        this.scheduler = scheduler;
        this.port = port;
    }

    /** Enters the starting menu: plays its prompt. Call once. */
    public void start() {
        if (state != Idle.NOT_STARTED) {
            throw new IllegalStateException("session already started");
        }
        enter(startMenu);
    }

    /** A DTMF key from the caller: 0-9, *, # (A-D and anything else are invalid choices). */
    public void onKey(char key) {
        switch (state) {
            case Prompting p -> port.stopPrompt();
            case Invalid i -> port.stopPrompt();
            case Waiting w -> w.timer.cancel();
            case Idle idle -> {
                log.debug("key {} ignored: session {}", key, idle);
                return;
            }
        }
        decide(String.valueOf(key));
    }

    /**
     * The caller hung up: the timeout is cancelled and the port is never called again (the caller
     * of this method tears the prompt down itself). Idempotent; no {@link IvrPort#finish} follows.
     */
    public void cancel() {
        State was = state;
        state = Idle.ENDED;
        if (was instanceof Waiting w) {
            w.timer.cancel();
        }
    }

    /** Whether the session has ended, by an outcome or by {@link #cancel}. */
    public boolean isEnded() {
        return state == Idle.ENDED;
    }

    /** The menu the caller is in, or was in when the session ended; "" before {@link #start}. */
    public String currentMenu() {
        return menu == null ? "" : menu.name();
    }

    private void decide(String key) {
        BoxConfig.Step step = menu.choices().get(key);
        if (step != null) {
            port.journal(menu.name(), key, step);
            take(step);
        } else if (++failures > menu.retries()) {
            port.journal(menu.name(), key, menu.fallback());
            take(menu.fallback());
        } else {
            port.journal(menu.name(), key, retry());
            Invalid playing = new Invalid();
            state = playing;
            port.play(menu.invalidPrompt(), () -> {
                if (state == playing) {
                    playMenu();
                }
            });
        }
    }

    private void timedOut(Waiting waiting) {
        if (state != waiting) {
            return;
        }
        if (++failures > menu.retries()) {
            port.journal(menu.name(), "", menu.fallback());
            take(menu.fallback());
        } else {
            port.journal(menu.name(), "", retry());
            playMenu();
        }
    }

    private void take(BoxConfig.Step step) {
        priority = Math.max(priority, step.priority());
        if (step.action() == BoxConfig.StepAction.MENU) {
            enter(step.target());
        } else {
            end(step);
        }
    }

    private void enter(String name) {
        if (++entries > MAX_MENU_ENTRIES) {
            log.info("menu loop guard: {} menu entries, queueing in {} instead of entering {}",
                    MAX_MENU_ENTRIES, loopGuardStep.target(), name);
            port.journal(name, "", loopGuardStep);
            end(loopGuardStep);
            return;
        }
        menu = menus.get(name);
        failures = 0;
        playMenu();
    }

    private void playMenu() {
        Prompting playing = new Prompting();
        state = playing;
        port.play(menu.prompt(), () -> promptEnded(playing));
    }

    private void promptEnded(Prompting playing) {
        if (state != playing) {
            return;
        }
        Waiting waiting = new Waiting();
        state = waiting;
        waiting.timer = scheduler.schedule(Duration.ofSeconds(menu.timeoutS()), () -> timedOut(waiting));
    }

    private void end(BoxConfig.Step step) {
        state = Idle.ENDED;
        port.finish(new Outcome(step, priority));
    }

    private BoxConfig.Step retry() {
        return new BoxConfig.Step(BoxConfig.StepAction.MENU, menu.name(), 0);
    }
}
