package io.branchbox.firmware.qa.report;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ShiftCalendar;
import io.branchbox.firmware.config.ShiftCalendar.ShiftDay;
import io.branchbox.firmware.qa.QaBook;
import io.branchbox.firmware.qa.QaResult;
import io.branchbox.firmware.qa.Score;
import io.branchbox.firmware.qa.form.ScoringForm;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds the bulletin and the monthly report from the book. A result belongs to the shift (and
 * day, and month) its call was answered in: {@code shiftOf} says which (the sample's shift, or the
 * call's answer time through the {@link ShiftCalendar}).
 */
public final class QaReports {
    /** A call scoring this much or more without a fatal error is praised in the bulletin. */
    public static final int PRAISE_AT = 95;
    private static final int MOST_MISSED = 5;

    private final QaBook book;
    private final ShiftCalendar shifts;
    private final Function<String, Optional<ShiftDay>> shiftOf;

    public QaReports(QaBook book, ShiftCalendar shifts, Function<String, Optional<ShiftDay>> shiftOf) {
        this.book = book;
        this.shifts = shifts;
        this.shiftOf = shiftOf;
    }

    /** The bulletin of {@code day}. */
    public Bulletin bulletin(LocalDate day) {
        List<Bulletin.ShiftPart> parts = new ArrayList<>();
        for (BoxConfig.Shift shift : shifts.mainShifts()) {
            if (!shifts.runsOn(shift.id(), day)) {
                continue; // the weekday shifts have no part in a Sunday's bulletin
            }
            ShiftDay sd = new ShiftDay(day, shift.id());
            List<QaResult> of = book.results().stream()
                    .filter(r -> shiftOf.apply(r.callId()).filter(sd::equals).isPresent())
                    .sorted(Comparator.comparing(QaResult::callId)).toList();
            List<Bulletin.Entry> praise = new ArrayList<>();
            List<Bulletin.Entry> faults = new ArrayList<>();
            for (QaResult r : of) {
                Score s = r.current();
                Optional<ScoringForm> form = book.form(s.formId(), s.formVersion());
                int commentBelow = form.map(ScoringForm::commentBelow).orElse(0);
                Bulletin.Entry e = new Bulletin.Entry(r.callId(), r.agentId(), s.total(), names(form, s.fatal()),
                        names(form, missed(form, s).keySet()), s.comment());
                if (s.anyFatal() || s.total() < commentBelow) {
                    faults.add(e);
                } else if (s.total() >= PRAISE_AT) {
                    praise.add(e);
                }
            }
            parts.add(new Bulletin.ShiftPart(shift.id(), shift.name(), of.size(), of.isEmpty() ? null : average(of), praise,
                    faults));
        }
        return new Bulletin(day, parts);
    }

    /** The report of {@code month}, every agent with scored calls, by agent id. */
    public MonthlyReport monthly(YearMonth month) {
        Map<String, List<QaResult>> byAgent = new TreeMap<>();
        Map<String, LocalDate> dayOf = new HashMap<>();
        for (QaResult r : book.results()) {
            Optional<ShiftDay> sd = shiftOf.apply(r.callId());
            if (sd.isPresent() && YearMonth.from(sd.get().day()).equals(month)) {
                byAgent.computeIfAbsent(r.agentId(), k -> new ArrayList<>()).add(r);
                dayOf.put(r.callId(), sd.get().day());
            }
        }
        List<MonthlyReport.AgentPart> parts = new ArrayList<>();
        for (Map.Entry<String, List<QaResult>> a : byAgent.entrySet()) {
            List<QaResult> rs = a.getValue();
            TreeMap<LocalDate, List<QaResult>> weeks = new TreeMap<>();
            Map<String, int[]> missed = new HashMap<>();
            Map<String, ScoringForm.Item> items = new HashMap<>();
            List<MonthlyReport.FatalCall> fatal = new ArrayList<>();
            for (QaResult r : rs) {
                LocalDate monday = dayOf.get(r.callId()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                weeks.computeIfAbsent(monday, k -> new ArrayList<>()).add(r);
                Optional<ScoringForm> form = book.form(r.current().formId(), r.current().formVersion());
                missed(form, r.current()).forEach((item, lost) -> {
                    int[] m = missed.computeIfAbsent(item.id(), k -> new int[2]);
                    m[0]++;
                    m[1] += lost;
                    items.putIfAbsent(item.id(), item);
                });
                if (r.current().anyFatal()) {
                    fatal.add(new MonthlyReport.FatalCall(r.callId(), names(form, r.current().fatal())));
                }
            }
            List<MonthlyReport.WeekAverage> trend = weeks.entrySet().stream()
                    .map(w -> new MonthlyReport.WeekAverage(w.getKey(), w.getValue().size(), average(w.getValue())))
                    .toList();
            List<MonthlyReport.Missed> most = missed.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
                            .thenComparingInt(e -> -e.getValue()[1]).thenComparing(Map.Entry::getKey))
                    .limit(MOST_MISSED)
                    .map(e -> new MonthlyReport.Missed(e.getKey(), items.get(e.getKey()).nameZh(),
                            items.get(e.getKey()).nameEn(), e.getValue()[0], e.getValue()[1]))
                    .toList();
            int min = rs.stream().mapToInt(r -> r.current().total()).min().orElse(0);
            int max = rs.stream().mapToInt(r -> r.current().total()).max().orElse(0);
            parts.add(new MonthlyReport.AgentPart(a.getKey(), rs.size(), average(rs), min, max, trend, fatal, most));
        }
        return new MonthlyReport(month, parts);
    }

    /** The normal items of {@code s} that got less than their points, with how many they lost. */
    private static Map<ScoringForm.Item, Integer> missed(Optional<ScoringForm> form, Score s) {
        Map<ScoringForm.Item, Integer> out = new java.util.LinkedHashMap<>();
        form.ifPresent(f -> f.items().stream().filter(i -> !i.fatal()).forEach(i -> {
            int got = s.points().getOrDefault(i.id(), 0);
            if (got < i.points()) {
                out.put(i, i.points() - got);
            }
        }));
        return out;
    }

    private static List<String> names(Optional<ScoringForm> form, java.util.Collection<?> items) {
        List<String> out = new ArrayList<>();
        for (Object o : items) {
            String id = o instanceof ScoringForm.Item i ? i.id() : o.toString();
            out.add(form.flatMap(f -> f.item(id)).map(ScoringForm.Item::nameZh).orElse(id));
        }
        return out;
    }

    private static double average(List<QaResult> rs) {
        return rs.isEmpty() ? 0.0
                : Math.round(10.0 * rs.stream().mapToInt(r -> r.current().total()).average().orElse(0)) / 10.0;
    }
}
