package io.branchbox.firmware.call;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.ivr.Entry;
import io.branchbox.firmware.ivr.IvrRouting;
import io.branchbox.firmware.ivr.Outcome;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the automatic part of an inbound call leads, decided from the document and the call's
 * numbers alone: the crew line, the night service outside business hours, the greeting then the
 * menu tree or the dialled number's queue; what each menu outcome and the crew IVR's end mean; whether
 * a callback can be booked. A policy: it returns {@link Decision}s and changes nothing;
 * {@link IvrFlow} carries them out (prompts, keys, the state machine, the journal).
 *
 * <p>Immutable: built for one document ({@link IvrFlow#reconfigure} builds a new one); the routing
 * ({@link IvrRouting}) reads the business calendar for the time it is given.
 */
final class IvrPolicy {
    /** A voicemail is at most this long; the box then says goodbye. */
    static final Duration VOICEMAIL_MAX = Duration.ofMinutes(2);
    /** The key that ends a voicemail at once. */
    static final char END_VOICEMAIL = '#';

    /** One step of the automatic part; some lead on to the next ({@code then}). */
    sealed interface Decision {
        /** Plays {@code prompt}; when it was heard and the call is still where it was, {@code then}. */
        record Play(String prompt, Decision then) implements Decision {}

        /** Journals the night service's {@code action} ({@code call.night}), then {@code then}. */
        record Night(BoxConfig.NightAction action, Decision then) implements Decision {}

        /** The call belongs to {@code queue} from now (its journal events, its wrap-up), then {@code then}. */
        record MoveTo(String queue, Decision then) implements Decision {}

        /** The menu tree from {@code menu} ({@code ivr.IvrSession}), the caller's keys to it. */
        record Menu(String menu) implements Decision {}

        /** The crew IVR ({@link CallEvent#CREW_LINE}). */
        record Crew() implements Decision {}

        /** Waits in the call's queue from now, with a priority of at least {@code priority} ({@link CallEvent#QUEUE_JOINED}). */
        record Queue(int priority) implements Decision {}

        /** Leaves a voicemail ({@link CallEvent#TO_VOICEMAIL}). */
        record Voicemail() implements Decision {}

        /** A callback in {@code queue}, dialled not before {@code notBefore} ({@link #callback}). */
        record Callback(String queue, Instant notBefore) implements Decision {}

        /** Forwarded to {@code number} on a trunk ({@link CallEvent#FORWARD}). */
        record Forward(String number) implements Decision {}

        /** A last {@code prompt} ("" for none), then the box hangs up ({@link CallEvent#LAST_MESSAGE}). */
        record Goodbye(String prompt) implements Decision {}

        /** The box clears the call normally at once, for {@code why}. */
        record HangUp(String why) implements Decision {}
    }

    /** A decision and the priority it gives the caller at least (0..9, higher served first). */
    record Routed(int priority, Decision decision) {}

    /** What booking a callback comes to. */
    sealed interface CallbackChoice {
        /** The request is booked; the caller hears so and the box hangs up ({@link CallEvent#CALLBACK_BOOKED}). */
        record Book(String queue, Instant notBefore) implements CallbackChoice {}

        /**
         * No number to call back: the caller waits in the call's queue instead, even a full one
         * (its overflow may be this very callback, which would send them round without end), in
         * the place they had if they were waiting already.
         */
        record WaitInstead() implements CallbackChoice {}
    }

    private final BoxConfig config;
    private final IvrRouting routing;

    IvrPolicy(BoxConfig config) {
        this.config = config;
        this.routing = new IvrRouting(config);
    }

    /**
     * The call was just answered: {@code called} is the number dialled, {@code calling} the
     * caller's; {@code crewLine}: whether the crew IVR is enabled on this box.
     */
    Routed answered(String called, String calling, Instant now, boolean crewLine) {
        String crewNumber = config.workOrders().crewNumber();
        if (crewLine && !crewNumber.isEmpty() && crewNumber.equals(called)) {
            return new Routed(0, new Decision.Crew());
        }
        Entry entry = routing.route(called, calling, now);
        String greeting = config.ivr().greetingPrompt();
        Decision d = switch (entry) {
            case Entry.Night night -> night(night);
            case Entry.Menu menu -> new Decision.Play(greeting, new Decision.Menu(menu.menu()));
            case Entry.Queue queue -> new Decision.Play(greeting, new Decision.MoveTo(queue.queue(), new Decision.Queue(0)));
        };
        return new Routed(entry.priority(), d);
    }

    private static Decision night(Entry.Night night) {
        BoxConfig.NightService n = night.service();
        Decision then = switch (n.action()) {
            case MESSAGE -> new Decision.Goodbye(n.prompt());
            case FORWARD -> new Decision.Play(n.prompt(), new Decision.Forward(n.forwardNumber()));
            case VOICEMAIL -> new Decision.MoveTo(n.queue(), new Decision.Play(n.prompt(), new Decision.Voicemail()));
            case CALLBACK -> new Decision.MoveTo(n.queue(),
                    new Decision.Play(n.prompt(), new Decision.Callback(n.queue(), night.opensAt())));
        };
        return new Decision.Night(n.action(), then);
    }

    /** The menu tree ended with {@code outcome} at {@code now}. */
    Routed afterMenu(Outcome outcome, Instant now) {
        BoxConfig.Step step = outcome.step();
        Decision d = switch (step.action()) {
            case QUEUE -> new Decision.MoveTo(step.target(), new Decision.Queue(step.priority()));
            case VOICEMAIL -> new Decision.MoveTo(step.target(), new Decision.Voicemail());
            case CALLBACK -> new Decision.MoveTo(step.target(), new Decision.Callback(step.target(), now));
            case FORWARD -> new Decision.Forward(step.target());
            case HANGUP -> new Decision.Goodbye(step.target());
            case MENU -> throw new IllegalStateException("an IVR outcome is never a menu (ivr.Outcome refuses one)");
        };
        return new Routed(outcome.priority(), d);
    }

    /**
     * Whether {@code key}, pressed in {@code menu}, leads to the crew IVR: the entry menu's crew
     * code ({@code workOrders.crewMenuCode}, one key) as the caller's first key, with the crew line on.
     */
    boolean crewKey(String menu, char key, boolean firstKey, boolean crewLine) {
        String code = config.workOrders().crewMenuCode();
        return crewLine && firstKey && code.length() == 1 && key == code.charAt(0) && menu.equals(config.ivr().entryMenu());
    }

    /** The crew IVR ended: to the default queue like any caller ({@code toAgent}), else the report is done. */
    Decision afterCrew(boolean toAgent) {
        return toAgent ? new Decision.MoveTo(config.ivr().defaultQueue(), new Decision.Queue(0))
                : new Decision.HangUp("crew report recorded");
    }

    /** A callback for a caller whose number is {@code farNumber} ("" when withheld). */
    static CallbackChoice callback(String farNumber, String queue, Instant notBefore) {
        return farNumber.isEmpty() ? new CallbackChoice.WaitInstead() : new CallbackChoice.Book(queue, notBefore);
    }
}
