package io.branchbox.firmware.config;

import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;

/** The shift rota and the quality-monitoring settings of a {@link BoxConfig}. Stateless. */
final class QaChecks {
    private static final int MINUTES_A_DAY = 24 * 60;

    private QaChecks() {}

    static void check(BoxConfig c, ConfigErrors e) {
        boolean[] covered = new boolean[MINUTES_A_DAY];
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < c.shifts().size(); i++) {
            BoxConfig.Shift s = c.shifts().get(i);
            String at = "shifts[" + i + "]";
            e.identifier(at + ".id", s.id());
            e.require(ids.add(s.id()), at + ".id", "shiftTwice", "shift '" + s.id() + "' listed twice", s.id());
            e.require(ConfigValidator.notBlank(s.name()), at + ".name", "required", "a name is required");
            try {
                int start = minutes(ShiftCalendar.parse(s.start()));
                int end = minutes(ShiftCalendar.parse(s.end()));
                int length = end > start ? end - start : end + MINUTES_A_DAY - start;
                for (int m = 0; m < length; m++) {
                    int minute = (start + m) % MINUTES_A_DAY;
                    if (covered[minute]) {
                        LocalTime overlap = LocalTime.of(minute / 60, minute % 60);
                        e.add(at, "shiftOverlap", "overlaps an earlier shift at " + overlap, overlap);
                        break;
                    }
                    covered[minute] = true;
                }
            } catch (IllegalArgumentException ex) {
                e.add(at, "notTime", ex.getMessage());
            }
        }
        BoxConfig.Qa q = c.qa();
        e.require(q.samplePercent() > 0 && q.samplePercent() <= 100, "qa.samplePercent", "percent",
                "more than 0, at most 100");
        e.range("qa.minPerAgentShift", q.minPerAgentShift(), 0, 50);
        e.range("qa.minPerAgentMonth", q.minPerAgentMonth(), 0, 500);
        // the brief: QA records at least six months, and never shorter than the recordings they score
        int recordingDays = c.recording() == null ? 0 : c.recording().retentionDays();
        e.range("qa.keepDays", q.keepDays(), Math.max(183, recordingDays), 3650);
        e.range("qa.longCallS", q.longCallS(), 30, 7200);
        e.range("qa.shortCallS", q.shortCallS(), 1, 300);
    }

    private static int minutes(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }
}
