package io.branchbox.firmware.config;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * The shift rota of a {@link BoxConfig} ({@code shifts}): ids, names, times, the days each shift
 * runs, rotations, and that no two main shifts run at the same minute of the week (nor of a
 * holiday). Cover shifts (lunch cover) may overlap main shifts. Stateless.
 */
final class ShiftChecks {
    private static final int DAY = 24 * 60;
    private static final int WEEK = 7 * DAY;

    private ShiftChecks() {}

    static void check(BoxConfig c, ConfigErrors e) {
        boolean[] week = new boolean[WEEK];
        boolean[] holiday = new boolean[DAY];
        Set<String> ids = new HashSet<>();
        Set<String> agents = new HashSet<>();
        c.agents().forEach(a -> agents.add(a.id()));
        for (int i = 0; i < c.shifts().size(); i++) {
            BoxConfig.Shift s = c.shifts().get(i);
            String at = "shifts[" + i + "]";
            e.identifier(at + ".id", s.id());
            e.require(ids.add(s.id()), at + ".id", "shiftTwice", "shift '" + s.id() + "' listed twice", s.id());
            e.require(ConfigValidator.notBlank(s.name()), at + ".name", "required", "a name is required");
            e.require(!s.days().isEmpty(), at + ".days", "required", "a shift runs on at least one day");
            rotation(s.rotation(), at + ".rotation", agents, e);
            int start;
            int length;
            try {
                start = minutes(ShiftCalendar.parse(s.start()));
                int end = minutes(ShiftCalendar.parse(s.end()));
                length = end > start ? end - start : end + DAY - start;
            } catch (IllegalArgumentException ex) {
                e.add(at, "notTime", ex.getMessage());
                continue;
            }
            if (s.cover()) {
                continue;
            }
            boolean reported = false;
            for (BoxConfig.ShiftDays d : s.days()) {
                boolean[] grid = d == BoxConfig.ShiftDays.HOLIDAY ? holiday : week;
                int from = d == BoxConfig.ShiftDays.HOLIDAY ? start : d.ordinal() * DAY + start;
                for (int m = 0; m < length && !reported; m++) {
                    int minute = (from + m) % grid.length;
                    if (grid[minute]) {
                        LocalTime overlap = LocalTime.of(minute % DAY / 60, minute % 60);
                        e.add(at, "shiftOverlap", "overlaps an earlier shift on " + d + " at " + overlap, overlap);
                        reported = true;
                    }
                    grid[minute] = true;
                }
            }
        }
    }

    private static void rotation(BoxConfig.Rotation r, String at, Set<String> agents, ConfigErrors e) {
        if (r == null || r.leads().isEmpty()) {
            return;
        }
        try {
            LocalDate.parse(r.from());
        } catch (DateTimeParseException ex) {
            e.add(at + ".from", "notDate", "'" + r.from() + "' is not a date (yyyy-MM-dd)", r.from());
        }
        e.range(at + ".everyDays", r.everyDays(), 1, 366);
        for (int j = 0; j < r.leads().size(); j++) {
            String lead = r.leads().get(j);
            e.require(agents.contains(lead), at + ".leads[" + j + "]", "noAgent", "no agent '" + lead + "'", lead);
        }
    }

    private static int minutes(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }
}
