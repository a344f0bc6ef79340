package io.branchbox.firmware.kpi;

import io.branchbox.firmware.config.BoxConfig;
import java.time.ZoneId;
import java.util.List;

/**
 * What the figures depend on besides the journal: the site's time zone (days and shifts are
 * local), the service level's threshold and target, and the shifts. Two computations with equal
 * settings over the same journal give the same figures; a roll-up made under other settings is
 * not used ({@link #fingerprint}).
 */
public record KpiSettings(ZoneId zone, int serviceLevelS, int serviceLevelTargetPercent, List<BoxConfig.Shift> shifts) {

    public KpiSettings {
        shifts = List.copyOf(shifts);
    }

    public static KpiSettings of(BoxConfig c) {
        return new KpiSettings(ZoneId.of(c.site().timezone()), c.kpi().serviceLevelS(),
                c.kpi().serviceLevelTargetPercent(), c.shifts());
    }

    /** Identifies the settings that change counts (not the target, which only colours them). */
    public String fingerprint() {
        StringBuilder b = new StringBuilder(zone.getId()).append('|').append(serviceLevelS);
        for (BoxConfig.Shift s : shifts) {
            b.append('|').append(s.id()).append(',').append(s.start()).append(',').append(s.end());
        }
        return b.toString();
    }
}
