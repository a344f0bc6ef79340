package io.branchbox.firmware.config;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which shift an instant belongs to: the one owner of the meaning of {@link BoxConfig.Shift}
 * (QA sampling per shift, KPIs per shift, bulletins per shift all ask here).
 *
 * <p>A shift whose end is not after its start crosses midnight and belongs to the day it
 * started: 02:00 on the 5th in a night shift 22:00–08:30 is the night shift of the 4th.
 * An instant no shift covers has no shift ({@link #shiftOf} is empty).
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

    private record Span(BoxConfig.Shift shift, LocalTime start, LocalTime end, boolean crossesMidnight) {}

    private final List<Span> spans;
    private final ZoneId zone;

    /** Throws {@link IllegalArgumentException} when a time is not {@code HH:mm}. */
    public ShiftCalendar(List<BoxConfig.Shift> shifts, ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        List<Span> list = new ArrayList<>();
        for (BoxConfig.Shift s : shifts) {
            LocalTime start = parse(s.start());
            LocalTime end = parse(s.end());
            list.add(new Span(s, start, end, !end.isAfter(start)));
        }
        this.spans = List.copyOf(list);
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

    /** The zone the shifts are in. */
    public ZoneId zone() {
        return zone;
    }

    /** The configured shifts in order. */
    public List<BoxConfig.Shift> shifts() {
        return spans.stream().map(Span::shift).toList();
    }

    /** The shift occurrence {@code at} falls in, if any. */
    public Optional<ShiftDay> shiftOf(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        LocalTime t = local.toLocalTime();
        for (Span s : spans) {
            if (!s.crossesMidnight) {
                if (!t.isBefore(s.start) && t.isBefore(s.end)) {
                    return Optional.of(new ShiftDay(local.toLocalDate(), s.shift.id()));
                }
            } else if (!t.isBefore(s.start)) {
                return Optional.of(new ShiftDay(local.toLocalDate(), s.shift.id()));
            } else if (t.isBefore(s.end)) {
                return Optional.of(new ShiftDay(local.toLocalDate().minusDays(1), s.shift.id()));
            }
        }
        return Optional.empty();
    }

    /** When {@code day} began in the site's zone: reports of a day run from here for 24 h. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The length of shift {@code id} (a night shift across midnight counts to its end). */
    public Duration length(String id) {
        for (Span s : spans) {
            if (s.shift.id().equals(id)) {
                Duration d = Duration.between(s.start, s.end);
                return s.crossesMidnight ? d.plusDays(1) : d;
            }
        }
        throw new IllegalArgumentException("no shift " + id);
    }

    /** When occurrence {@code sd} began. */
    public Instant startOf(ShiftDay sd) {
        for (Span s : spans) {
            if (s.shift.id().equals(sd.shiftId())) {
                return ZonedDateTime.of(sd.day(), s.start, zone).toInstant();
            }
        }
        throw new IllegalArgumentException("no shift " + sd.shiftId());
    }
}
