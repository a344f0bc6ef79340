package io.branchbox.firmware.kpi;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ShiftCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Local days and shifts: which main shift a moment falls in ({@link ShiftCalendar#shiftOf}: the
 * shift's days, holidays and make-up workdays count, a cover shift never owns a moment; "(none)"
 * outside all), and a stretch of time cut at every local midnight and shift boundary so
 * each piece lies in one day and one shift. Thread-safe: immutable but for a one-entry memo of
 * {@link #shift}, an immutable value replaced whole.
 */
public final class Shifts {
    /** The shift name of a moment outside every configured shift. */
    public static final String NONE = "(none)";

    /** A piece of time inside one local day and one shift. */
    public record Piece(LocalDate day, String shift, Instant from, Instant to) {
        public long ms() {
            return to.toEpochMilli() - from.toEpochMilli();
        }
    }

    private record Window(String name, LocalTime start, LocalTime end) {}

    private final ZoneId zone;
    private final List<Window> windows;
    private final ShiftCalendar calendar;
    private final TreeSet<LocalTime> cuts = new TreeSet<>();
    /** The last answer of {@link #shift}: an immutable value, so a racy read sees a whole one. */
    private Memo memo;

    /** Every moment of {@code day} from {@code from} (inclusive) to {@code to} (exclusive; null: midnight) is in {@code shift}. */
    private record Memo(LocalDate day, LocalTime from, LocalTime to, String shift) {
        boolean holds(LocalDate d, LocalTime t) {
            return d.equals(day) && !t.isBefore(from) && (to == null || t.isBefore(to));
        }
    }

    public Shifts(ZoneId zone, List<BoxConfig.Shift> shifts) {
        this(zone, shifts, Set.of(), Set.of());
    }

    /** With the site's public holidays and make-up workdays (they decide which shifts run on a date). */
    public Shifts(ZoneId zone, List<BoxConfig.Shift> shifts, Set<java.time.LocalDate> holidays,
            Set<java.time.LocalDate> workdays) {
        this.zone = zone;
        this.calendar = new ShiftCalendar(shifts, zone, holidays, workdays);
        this.windows = shifts.stream().filter(s -> !s.cover())
                .map(s -> new Window(s.id(), LocalTime.parse(s.start()), LocalTime.parse(s.end()))).toList();
        for (Window w : windows) {
            cuts.add(w.start());
            cuts.add(w.end());
        }
        cuts.remove(LocalTime.MIDNIGHT);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The local day of {@code at}. */
    public LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /**
     * The shift {@code at} falls in. Which one depends only on the local day and on which two
     * shift boundaries the local time lies between, so the last answer is kept for that stretch:
     * a replay asks for every call and every piece of agent time, mostly in the same stretch.
     */
    public String shift(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        LocalDate d = local.toLocalDate();
        LocalTime t = local.toLocalTime();
        Memo m = memo;
        if (m != null && m.holds(d, t)) {
            return m.shift();
        }
        String name = calendar.shiftOf(at).map(ShiftCalendar.ShiftDay::shiftId).orElse(NONE);
        LocalTime from = cuts.floor(t);
        memo = new Memo(d, from == null ? LocalTime.MIDNIGHT : from, cuts.higher(t), name);
        return name;
    }

    /** The configured shift names, in order. */
    public List<String> names() {
        return windows.stream().map(Window::name).toList();
    }

    /** Hands {@code sink} the pieces of [from, to), in order; nothing when to is not after from. */
    public void cut(Instant from, Instant to, Consumer<Piece> sink) {
        Instant at = from;
        while (at.isBefore(to)) {
            ZonedDateTime z = at.atZone(zone);
            LocalTime next = cuts.higher(z.toLocalTime());
            ZonedDateTime boundary = next == null ? z.toLocalDate().plusDays(1).atStartOfDay(zone)
                    : z.toLocalDate().atTime(next).atZone(zone);
            Instant end = boundary.toInstant().isBefore(to) ? boundary.toInstant() : to;
            sink.accept(new Piece(z.toLocalDate(), shift(at), at, end));
            at = end;
        }
    }
}
