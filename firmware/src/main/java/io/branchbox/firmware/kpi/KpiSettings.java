package io.branchbox.firmware.kpi;

import io.branchbox.firmware.config.BoxConfig;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the figures depend on besides the journal: the site's time zone (days and shifts are
 * local), the service level's threshold and target, the shifts and the holidays and make-up
 * workdays that decide which shifts run on a date. Two computations with equal
 * settings over the same journal give the same figures; a roll-up made under other settings is
 * not used ({@link #fingerprint}).
 */
public record KpiSettings(ZoneId zone, int serviceLevelS, int serviceLevelTargetPercent, List<BoxConfig.Shift> shifts,
        Set<LocalDate> holidays, Set<LocalDate> workdays) {

    public KpiSettings {
        shifts = List.copyOf(shifts);
        holidays = Set.copyOf(holidays);
        workdays = Set.copyOf(workdays);
    }

    /** Settings without holidays: every date runs the shifts of its weekday. */
    public KpiSettings(ZoneId zone, int serviceLevelS, int serviceLevelTargetPercent, List<BoxConfig.Shift> shifts) {
        this(zone, serviceLevelS, serviceLevelTargetPercent, shifts, Set.of(), Set.of());
    }

    public static KpiSettings of(BoxConfig c) {
        Set<LocalDate> off = new TreeSet<>();
        c.hours().holidays().forEach(h -> off.add(LocalDate.parse(h.date())));
        Set<LocalDate> on = new TreeSet<>();
        c.hours().workdays().forEach(d -> on.add(LocalDate.parse(d)));
        return new KpiSettings(ZoneId.of(c.site().timezone()), c.kpi().serviceLevelS(),
                c.kpi().serviceLevelTargetPercent(), c.shifts(), off, on);
    }

    /** Identifies the settings that change counts (not the target, which only colours them). */
    public String fingerprint() {
        StringBuilder b = new StringBuilder(zone.getId()).append('|').append(serviceLevelS);
        for (BoxConfig.Shift s : shifts) {
            b.append('|').append(s.id()).append(',').append(s.start()).append(',').append(s.end());
            if (s.cover() || s.days().size() != BoxConfig.ShiftDays.values().length) {
                b.append(',').append(s.days()).append(s.cover() ? ",cover" : "");
            }
        }
        if (!holidays.isEmpty() || !workdays.isEmpty()) {
            b.append("|off").append(new TreeSet<>(holidays)).append("|on").append(new TreeSet<>(workdays));
        }
        return b.toString();
    }
}
