package io.branchbox.firmware.workorder;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ShiftCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The rota of the configuration document: the shifts of {@code shifts} (their meaning is
 * {@link ShiftCalendar}'s, shared with QA and KPIs) with the leads of {@code workOrders.leads}.
 * Immutable and thread-safe.
 */
public final class ConfigShiftRota implements ShiftRota {
    private static final Duration STEP = Duration.ofMinutes(1);
    private static final int MAX_STEPS = 3 * 24 * 60;

    private final ShiftCalendar calendar;
    private final java.util.Map<String, String> leads;

    public ConfigShiftRota(BoxConfig c) {
        this.calendar = new ShiftCalendar(c.shifts(), ZoneId.of(c.site().timezone()));
        java.util.Map<String, String> m = new java.util.HashMap<>();
        c.workOrders().leads().forEach(l -> m.put(l.shift(), l.agent()));
        this.leads = java.util.Map.copyOf(m);
    }

    @Override
    public Optional<OnDuty> onDuty(Instant at) {
        return calendar.shiftOf(at).map(sd -> new OnDuty(sd.key(), sd.shiftId(), leads.getOrDefault(sd.shiftId(), "")));
    }

    /** When the shift occurrence {@code key} ({@code 2026-12-07/evening}) begins. */
    public Instant startOf(String key) {
        return calendar.startOf(ShiftCalendar.ShiftDay.parse(key));
    }

    /** The shift after the one on duty at {@code at} (the one a handover goes to), if any comes within three days. */
    public Optional<OnDuty> next(Instant at) {
        Optional<OnDuty> now = onDuty(at);
        Instant t = at;
        for (int i = 0; i < MAX_STEPS; i++) {
            t = t.plus(STEP);
            Optional<OnDuty> then = onDuty(t);
            if (then.isPresent() && !then.equals(now)) {
                return then;
            }
        }
        return Optional.empty();
    }
}
