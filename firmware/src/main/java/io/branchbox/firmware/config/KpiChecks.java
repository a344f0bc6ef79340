package io.branchbox.firmware.config;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;

/**
 * The checks of the {@code kpi} section: the service level's threshold and target, and the shifts
 * (named once each, valid "HH:mm" times, never empty). Shifts may overlap (a lunch cover) and
 * need not cover the whole day: a moment outside every shift is reported under "(none)". Part of
 * {@link ConfigValidator}; stateless.
 */
final class KpiChecks {
    private KpiChecks() {}

    static void check(BoxConfig.Kpi k, ConfigErrors e) {
        if (k == null) {
            e.add("kpi", "missing");
            return;
        }
        e.range("kpi.serviceLevelS", k.serviceLevelS(), 1, 600);
        e.range("kpi.serviceLevelTargetPercent", k.serviceLevelTargetPercent(), 1, 100);
        e.range("kpi.shifts", k.shifts().size(), 0, 12);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < k.shifts().size(); i++) {
            BoxConfig.Shift s = k.shifts().get(i);
            String at = "kpi.shifts[" + i + "]";
            e.require(s.name() != null && s.name().matches("[a-z0-9-]{1,32}"), at + ".name",
                    "a shift name (a-z, 0-9, -)");
            e.require(names.add(String.valueOf(s.name())), at + ".name", "shift '" + s.name() + "' named twice");
            LocalTime start = time(s.start(), at + ".start", e);
            LocalTime end = time(s.end(), at + ".end", e);
            e.require(start == null || !start.equals(end), at, "a shift must not be empty");
        }
    }

    private static LocalTime time(String v, String path, ConfigErrors e) {
        try {
            if (v != null && v.matches("\\d\\d:\\d\\d")) {
                return LocalTime.parse(v);
            }
        } catch (DateTimeException ex) {
            // reported below
        }
        e.add(path, "a time of day \"HH:mm\"");
        return null;
    }
}
