package io.branchbox.firmware.workorder;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ShiftCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rota of the configuration document: the shifts of {@code shifts} (their meaning — days,
 * holidays, cover shifts — is {@link ShiftCalendar}'s, shared with QA and KPIs) with their leads:
 * the shift's rotation for that occurrence (nights, weekends), else the standing lead of
 * {@code workOrders.leads}. Immutable and thread-safe.
 */
public final class ConfigShiftRota implements ShiftRota {
    private static final Duration STEP = Duration.ofMinutes(1);
    private static final int MAX_STEPS = 3 * 24 * 60;

    private final ShiftCalendar calendar;
    private final java.util.Map<String, String> leads;

    public ConfigShiftRota(BoxConfig c) {
        this.calendar = ShiftCalendar.of(c);
        java.util.Map<String, String> m = new java.util.HashMap<>();
        c.workOrders().leads().forEach(l -> m.put(l.shift(), l.agent()));
        this.leads = java.util.Map.copyOf(m);
    }

    @Override
    public Optional<OnDuty> onDuty(Instant at) {
        return calendar.shiftOf(at).map(this::duty);
    }

    /** Every shift on duty at {@code at}, the main shift first, then cover shifts (lunch cover), each with its lead. */
    public java.util.List<OnDuty> allOnDuty(Instant at) {
        return calendar.shiftsAt(at).stream().map(this::duty).toList();
    }

    private OnDuty duty(ShiftCalendar.ShiftDay sd) {
        String lead = calendar.rotationLead(sd).orElseGet(() -> leads.getOrDefault(sd.shiftId(), ""));
        return new OnDuty(sd.key(), sd.shiftId(), lead);
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
