package io.branchbox.firmware.kpi;

import io.branchbox.firmware.config.BoxConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Local days and shifts: which shift a moment falls in (the first listed shift that contains it;
 * "(none)" outside all), and a stretch of time cut at every local midnight and shift boundary so
 * each piece lies in one day and one shift. Immutable and thread-safe.
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

    private record Window(String name, LocalTime start, LocalTime end) {
        boolean contains(LocalTime t) {
            return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
        }
    }

    private final ZoneId zone;
    private final List<Window> windows;
    private final TreeSet<LocalTime> cuts = new TreeSet<>();

    public Shifts(ZoneId zone, List<BoxConfig.Shift> shifts) {
        this.zone = zone;
        this.windows = shifts.stream().map(s -> new Window(s.id(), LocalTime.parse(s.start()), LocalTime.parse(s.end())))
                .toList();
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

    /** The shift {@code at} falls in. */
    public String shift(Instant at) {
        LocalTime t = at.atZone(zone).toLocalTime();
        for (Window w : windows) {
            if (w.contains(t)) {
                return w.name();
            }
        }
        return NONE;
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
