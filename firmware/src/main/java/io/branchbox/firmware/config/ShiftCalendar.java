package io.branchbox.firmware.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which shift(s) an instant belongs to: the one owner of the meaning of {@link BoxConfig.Shift}
 * (QA sampling per shift, KPIs per shift, bulletins per shift, work-order escalation and
 * handovers all ask here).
 *
 * <p>A shift runs on the days of its {@code days} in the site's zone: a date of
 * {@code hours.holidays} runs only the shifts listing {@code HOLIDAY}, a make-up workday of
 * {@code hours.workdays} runs the shifts of a Monday, any other date the shifts of its weekday. A
 * shift whose end is not after its start crosses midnight and belongs to the day it started: 02:00
 * on Saturday the 5th in a night shift 22:00–08:30 is the night shift of Friday the 4th, and runs
 * if Friday is one of its days.
 *
 * <p>{@link #shiftOf} is the one <em>main</em> shift that owns an instant (a call's QA sample, its
 * KPI row); {@link #shiftsAt} also names the cover shifts (lunch cover) on duty then. An instant
 * no main shift covers has no shift ({@link #shiftOf} is empty).
 *
 * <p>Immutable and thread-safe.
 */
public final class ShiftCalendar {

    /** One occurrence of a shift: the shift and the local day it started on. */
    public record ShiftDay(LocalDate day, String shiftId) implements Comparable<ShiftDay> {
        public ShiftDay {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(shiftId, "shiftId");
        }

        /** {@code 2026-12-07/morning}: the key reports and events use. */
        public String key() {
            return day + "/" + shiftId;
        }

        /** Reads {@link #key()}. */
        public static ShiftDay parse(String key) {
            int slash = key.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("not a shift key: " + key);
            }
            return new ShiftDay(LocalDate.parse(key.substring(0, slash)), key.substring(slash + 1));
        }

        @Override
        public int compareTo(ShiftDay o) {
            int c = day.compareTo(o.day);
            return c != 0 ? c : shiftId.compareTo(o.shiftId);
        }
    }

    private record Span(BoxConfig.Shift shift, LocalTime start, LocalTime end, boolean crossesMidnight,
            Set<BoxConfig.ShiftDays> days, LocalDate rotationFrom) {}

    private final List<Span> spans;
    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;

    /** Shifts on every date by their weekday (no holidays known); throws {@link IllegalArgumentException} when a time is not {@code HH:mm}. */
    public ShiftCalendar(List<BoxConfig.Shift> shifts, ZoneId zone) {
        this(shifts, zone, Set.of(), Set.of());
    }

    /**
     * Shifts with the site's public {@code holidays} and make-up {@code workdays}; throws
     * {@link IllegalArgumentException} when a time is not {@code HH:mm} or a rotation's date is not a date.
     */
    public ShiftCalendar(List<BoxConfig.Shift> shifts, ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> workdays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.holidays = Set.copyOf(holidays);
        this.workdays = Set.copyOf(workdays);
        List<Span> list = new ArrayList<>();
        for (BoxConfig.Shift s : shifts) {
            LocalTime start = parse(s.start());
            LocalTime end = parse(s.end());
            BoxConfig.Rotation r = s.rotation() == null ? BoxConfig.Rotation.NONE : s.rotation();
            LocalDate from = r.leads().isEmpty() ? null : parseDate(r.from());
            list.add(new Span(s, start, end, !end.isAfter(start), Set.copyOf(s.days()), from));
        }
        this.spans = List.copyOf(list);
    }

    /** The calendar of document {@code c}: its shifts, zone, holidays and make-up workdays. */
    public static ShiftCalendar of(BoxConfig c) {
        Set<LocalDate> off = new HashSet<>();
        c.hours().holidays().forEach(h -> off.add(parseDate(h.date())));
        Set<LocalDate> on = new HashSet<>();
        c.hours().workdays().forEach(d -> on.add(parseDate(d)));
        return new ShiftCalendar(c.shifts(), ZoneId.of(c.site().timezone()), off, on);
    }

    /** {@code "HH:mm"} as a local time; throws {@link IllegalArgumentException} otherwise. */
    public static LocalTime parse(String hhmm) {
        try {
            if (hhmm == null || !hhmm.matches("\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("not HH:mm", String.valueOf(hhmm), 0);
            }
            return LocalTime.parse(hhmm);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + hhmm + "' is not a time HH:mm", e);
        }
    }

    private static LocalDate parseDate(String d) {
        try {
            return LocalDate.parse(d);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("'" + d + "' is not a date yyyy-MM-dd", e);
        }
    }

    /** The zone the shifts are in. */
    public ZoneId zone() {
        return zone;
    }

    /** The configured shifts in order (main and cover). */
    public List<BoxConfig.Shift> shifts() {
        return spans.stream().map(Span::shift).toList();
    }

    /** The main shifts in order: those that own calls (QA quotas, KPI rows). */
    public List<BoxConfig.Shift> mainShifts() {
        return spans.stream().map(Span::shift).filter(s -> !s.cover()).toList();
    }

    /** The kind of day {@code day} is for the shifts: {@code HOLIDAY}, a weekday, or {@code MON} for a make-up workday. */
    public BoxConfig.ShiftDays dayType(LocalDate day) {
        if (holidays.contains(day)) {
            return BoxConfig.ShiftDays.HOLIDAY;
        }
        if (workdays.contains(day)) {
            return BoxConfig.ShiftDays.MON;
        }
        return BoxConfig.ShiftDays.values()[day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()];
    }

    /** Whether shift {@code id} runs an occurrence starting on {@code day}. */
    public boolean runsOn(String id, LocalDate day) {
        return span(id).days.contains(dayType(day));
    }

    /** The main shift occurrence {@code at} falls in, if any. */
    public Optional<ShiftDay> shiftOf(Instant at) {
        return find(at, false).stream().findFirst();
    }

    /** Every shift occurrence on duty at {@code at}: the main shift first, then cover shifts, in document order. */
    public List<ShiftDay> shiftsAt(Instant at) {
        return find(at, true);
    }

    private List<ShiftDay> find(Instant at, boolean withCover) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        LocalTime t = local.toLocalTime();
        LocalDate today = local.toLocalDate();
        List<ShiftDay> main = new ArrayList<>(1);
        List<ShiftDay> cover = new ArrayList<>(1);
        for (Span s : spans) {
            if (s.shift.cover() && !withCover) {
                continue;
            }
            LocalDate started = null;
            if (!s.crossesMidnight) {
                if (!t.isBefore(s.start) && t.isBefore(s.end)) {
                    started = today;
                }
            } else if (!t.isBefore(s.start)) {
                started = today;
            } else if (t.isBefore(s.end)) {
                started = today.minusDays(1);
            }
            if (started != null && s.days.contains(dayType(started))) {
                (s.shift.cover() ? cover : main).add(new ShiftDay(started, s.shift.id()));
            }
        }
        List<ShiftDay> all = new ArrayList<>(main.isEmpty() ? List.of() : List.of(main.get(0)));
        all.addAll(cover);
        return List.copyOf(all);
    }

    /**
     * The rotating lead of occurrence {@code sd}, when its shift has a {@link BoxConfig.Rotation};
     * empty otherwise (the shift's standing lead applies).
     */
    public Optional<String> rotationLead(ShiftDay sd) {
        Span s = span(sd.shiftId());
        BoxConfig.Rotation r = s.shift.rotation();
        if (s.rotationFrom == null || r.everyDays() <= 0) {
            return Optional.empty();
        }
        long periods = Math.floorDiv(ChronoUnit.DAYS.between(s.rotationFrom, sd.day()), r.everyDays());
        return Optional.of(r.leads().get((int) Math.floorMod(periods, r.leads().size())));
    }

    /** When {@code day} began in the site's zone: reports of a day run from here for 24 h. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The length of shift {@code id} (a night shift across midnight counts to its end). */
    public Duration length(String id) {
        Span s = span(id);
        Duration d = Duration.between(s.start, s.end);
        return s.crossesMidnight ? d.plusDays(1) : d;
    }

    /** When occurrence {@code sd} began. */
    public Instant startOf(ShiftDay sd) {
        return ZonedDateTime.of(sd.day(), span(sd.shiftId()).start, zone).toInstant();
    }

    /** When occurrence {@code sd} ends. */
    public Instant endOf(ShiftDay sd) {
        Span s = span(sd.shiftId());
        return ZonedDateTime.of(s.crossesMidnight ? sd.day().plusDays(1) : sd.day(), s.end, zone).toInstant();
    }

    private Span span(String id) {
        for (Span s : spans) {
            if (s.shift.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no shift " + id);
    }
}
