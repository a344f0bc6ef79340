package io.branchbox.firmware.ivr;

import io.branchbox.firmware.config.BoxConfig;
import java.time.Instant;

/**
 * The first decision for an incoming call: night service, the entry menu, or a queue directly,
 * with the caller's base priority.
 *
 * <p>Contract ({@link BoxConfig.Ivr}, {@link BoxConfig.Hours}): outside business hours every
 * call gets the night service, priority callers too. Inside hours a call goes to the entry menu if
 * one is configured (the menu then chooses the queue, whatever number was dialled), else to the
 * dialled number's queue, else to the default queue. A caller's number must equal a
 * {@code priorityCallers} key exactly (no prefix handling: the number as the trunk delivered it);
 * an unknown or withheld number has priority 0.
 *
 * <p>Immutable and thread-safe; build a new one when the configuration changes. Called on the
 * signalling thread when a call arrives.
 */
public final class IvrRouting {
    private final BoxConfig.Ivr ivr;
    private final BoxConfig.NightService night;
    private final BusinessCalendar calendar;

    /**
     * Routing for a validated configuration: its IVR, and its hours in the site's time zone.
     *
     * @throws java.time.DateTimeException if the hours or time zone did not pass the validator
     */
    public IvrRouting(BoxConfig config) {
        this.ivr = config.ivr();
        this.night = config.hours().night();
        this.calendar = BusinessCalendar.of(config);
    }

    /** The business hours the routing goes by; share it for booking callbacks. */
    public BusinessCalendar calendar() {
        return calendar;
    }

    /**
     * The entry of a call that arrived at {@code now}.
     *
     * @param dialled the called number as the trunk delivered it ("" if none)
     * @param caller  the calling number ("" or null if withheld)
     */
    public Entry route(String dialled, String caller, Instant now) {
        int priority = caller == null ? 0 : ivr.priorityCallers().getOrDefault(caller, 0);
        if (!calendar.isOpen(now)) {
            return new Entry.Night(night, calendar.nextOpening(now).orElse(now), priority);
        }
        if (!ivr.entryMenu().isEmpty()) {
            return new Entry.Menu(ivr.entryMenu(), priority);
        }
        String queue = dialled == null ? null : ivr.numberToQueue().get(dialled);
        return new Entry.Queue(queue == null ? ivr.defaultQueue() : queue, priority);
    }
}
