package io.branchbox.firmware.ivr;

import io.branchbox.firmware.config.BoxConfig;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Business hours of the site ({@link BoxConfig.Hours}) in its time zone: whether the box is open
 * at an instant, and when it opens next (for callbacks booked outside hours).
 *
 * <p>Contract, in the site's wall-clock time:
 * <ul>
 *   <li>A period is open from {@code open} inclusive to {@code close} exclusive; a day may have
 *       several periods (morning and afternoon).
 *   <li>A holiday date is closed all day, even if it is also listed as a workday.
 *   <li>A workday date (typically a Saturday or Sunday that China makes a working day) has
 *       Monday's periods, whatever weekday it falls on.
 *   <li>No weekly periods at all means open around the clock; holidays still close (a hotline
 *       staffed by rota may close on the Spring Festival). Without holidays too, the calendar is
 *       {@linkplain #isAlwaysOpen() always open}.
 * </ul>
 *
 * <p>Daylight saving: instants are turned into local date and time with the zone's rules, so a
 * period keeps its wall-clock hours across a change. A period opening in a spring-forward gap
 * opens when the gap ends; in an autumn overlap the repeated local hour counts twice.
 *
 * <p>Immutable and thread-safe; build a new one when the configuration changes.
 */
public final class BusinessCalendar {
    private static final Logger log = LoggerFactory.getLogger(BusinessCalendar.class);

    /** How far {@link #nextOpening} looks: beyond a year of consecutive holidays. */
    static final int SEARCH_DAYS = 400;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Period>> weekly = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> workdays = new HashSet<>();
    private final boolean alwaysOpen;

    /** A period may close at the end of the day: "24:00". */
    static final String MIDNIGHT = "24:00";

    /** Nanoseconds of the day, close exclusive; a whole day closes at 24:00, which LocalTime cannot hold. */
    private record Period(long open, long close) {
        static final Period WHOLE_DAY = new Period(0, 86_400_000_000_000L);

        boolean contains(LocalTime t) {
            long n = t.toNanoOfDay();
            return n >= open && n < close;
        }
    }

    /**
     * Builds the calendar; {@code hours} must have passed the configuration validator (times as
     * "HH:mm", dates as "yyyy-MM-dd"), otherwise a {@link java.time.DateTimeException} is thrown.
     */
    public BusinessCalendar(BoxConfig.Hours hours, ZoneId zone) {
        this.zone = zone;
        this.alwaysOpen = hours.weekly().isEmpty() && hours.holidays().isEmpty();
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, new ArrayList<>());
            if (hours.weekly().isEmpty()) {
                weekly.get(d).add(Period.WHOLE_DAY);
            }
        }
        for (BoxConfig.OpenPeriod p : hours.weekly()) {
            Period period = new Period(LocalTime.parse(p.open()).toNanoOfDay(),
                    MIDNIGHT.equals(p.close()) ? Period.WHOLE_DAY.close() : LocalTime.parse(p.close()).toNanoOfDay());
            p.days().forEach(d -> weekly.get(d).add(period));
        }
        weekly.replaceAll((d, periods) -> periods.stream().sorted(Comparator.comparingLong(Period::open)).toList());
        hours.holidays().forEach(h -> holidays.add(LocalDate.parse(h.date())));
        hours.workdays().forEach(w -> workdays.add(LocalDate.parse(w)));
    }

    /** The calendar of a validated configuration: its hours in its site's time zone. */
    public static BusinessCalendar of(BoxConfig config) {
        return new BusinessCalendar(config.hours(), ZoneId.of(config.site().timezone()));
    }

    public ZoneId zone() {
        return zone;
    }

    /** Whether neither weekly periods nor holidays are configured: then {@link #isOpen} is always true. */
    public boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    /** Whether callers reaching the box at {@code t} are inside business hours. */
    public boolean isOpen(Instant t) {
        if (alwaysOpen) {
            return true;
        }
        LocalDateTime local = LocalDateTime.ofInstant(t, zone);
        LocalTime time = local.toLocalTime();
        return periods(local.toLocalDate()).stream().anyMatch(p -> p.contains(time));
    }

    /**
     * When callers are served next, seen from {@code from}: {@code from} itself if the box is open
     * then, else the start of the next open period.
     *
     * <p>Empty when there is nothing to wait for: the calendar is {@linkplain #isAlwaysOpen()
     * always open}. Also empty (with a
     * warning logged) when no period opens within {@value #SEARCH_DAYS} days, which only a
     * calendar of holidays without end can do; callers treat empty as "now" so that a booked
     * callback is never lost.
     */
    public Optional<Instant> nextOpening(Instant from) {
        if (alwaysOpen) {
            return Optional.empty();
        }
        if (isOpen(from)) {
            return Optional.of(from);
        }
        LocalDate day = LocalDate.ofInstant(from, zone);
        for (int i = 0; i <= SEARCH_DAYS; i++, day = day.plusDays(1)) {
            for (Period p : periods(day)) {
                Instant opens = opening(day, LocalTime.ofNanoOfDay(p.open()));
                if (opens.isAfter(from)) {
                    return Optional.of(opens);
                }
            }
        }
        log.warn("no open period within {} days after {}: check the holidays in the business hours", SEARCH_DAYS, from);
        return Optional.empty();
    }

    private List<Period> periods(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        return weekly.get(workdays.contains(day) ? DayOfWeek.MONDAY : day.getDayOfWeek());
    }

    /** The instant a period opens on {@code day}; in a DST gap, the end of the gap. */
    private Instant opening(LocalDate day, LocalTime open) {
        LocalDateTime local = day.atTime(open);
        ZoneOffsetTransition t = zone.getRules().getTransition(local);
        if (t != null && t.isGap()) {
            return t.getInstant();
        }
        return ZonedDateTime.of(local, zone).toInstant();
    }
}
