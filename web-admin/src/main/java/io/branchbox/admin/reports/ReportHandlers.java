package io.branchbox.admin.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.branchbox.admin.http.CallerQuery;
import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.http.Paging;
import io.branchbox.firmware.kpi.CallLine;
import io.branchbox.firmware.kpi.Count;
import io.branchbox.firmware.kpi.Counts;
import io.branchbox.firmware.kpi.Group;
import io.branchbox.firmware.kpi.Grouping;
import io.branchbox.firmware.kpi.Kpi;
import io.branchbox.firmware.kpi.KpiJson;
import io.branchbox.firmware.kpi.KpiReports;
import io.branchbox.firmware.kpi.KpiRow;
import io.branchbox.firmware.kpi.KpiValue;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reports page's API: the KPIs of a period by group, the 30-day trend of every KPI, the calls
 * behind a figure (drill-down) and CSV and xlsx downloads. Every
 * route needs {@code REPORTS_VIEW}; until a box's figures are attached the API answers 503.
 *
 * <p>Threading: Jetty threads; the backend's books are in memory, so answers are quick.
 */
public final class ReportHandlers {
    /** Longest period a request may ask for. */
    static final int MAX_DAYS = 400;
    /** Calls of one page of the calls list when the request names no limit. */
    static final int PAGE_CALLS = 20;
    static final int TREND_DAYS = 30;
    /** Times on the page are the site's local time, whatever the browser's zone. */
    private static final java.time.format.DateTimeFormatter LOCAL =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private volatile ReportsBackend backend;

    /** Connects the page to a box's figures (null: 503 again). */
    public void attach(ReportsBackend b) {
        this.backend = b;
    }

    /** {@code GET /api/reports/kpis?from&to&by}: the rows of a period. */
    public void kpis(Context ctx) {
        ReportsBackend b = backend();
        LocalDate[] p = period(ctx, b);
        Grouping by = grouping(ctx);
        ObjectNode n = KpiJson.MAPPER.createObjectNode();
        n.put("ready", b.ready());
        n.put("period", KpiReports.periodKey(p[0], p[1]));
        n.put("today", LocalDate.now(b.clock()).toString());
        ArrayNode rows = n.putArray("rows");
        KpiReports.rows(b.days(p[0], p[1]), p[0], p[1], by, b.settings()).forEach(r -> rows.add(KpiJson.row(r)));
        ArrayNode defs = n.putArray("kpis");
        for (Kpi k : Kpi.values()) {
            ObjectNode d = defs.addObject();
            d.put("key", k.key());
            d.put("unit", k.unit().name());
            d.put("direction", k.direction().name());
            d.put("numerator", k.numerator().key());
            d.put("denominator", k.denominator().key());
            double t = k.target(b.settings());
            if (!Double.isNaN(t)) {
                d.put("target", t);
            }
        }
        ctx.json(n);
    }

    /** {@code GET /api/reports/trend?to}: every KPI of the branch per day over the 30 days up to {@code to}. */
    public void trend(Context ctx) {
        ReportsBackend b = backend();
        LocalDate to = ctx.queryParam("to") == null ? LocalDate.now(b.clock()) : date(ctx, "to");
        LocalDate from = to.minusDays(TREND_DAYS - 1);
        TreeMap<LocalDate, Map<Group, Counts>> days = b.days(from, to);
        ObjectNode n = KpiJson.MAPPER.createObjectNode();
        ArrayNode dayList = n.putArray("days");
        ObjectNode values = n.putObject("values");
        for (Kpi k : Kpi.values()) {
            values.putArray(k.key());
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            dayList.add(d.toString());
            KpiRow row = KpiReports.rows(days, d, d, Grouping.ALL, b.settings()).get(0);
            for (KpiValue v : row.values()) {
                ArrayNode a = (ArrayNode) values.get(v.kpi().key());
                if (v.value() == null) {
                    a.addNull();
                } else {
                    a.add(v.rounded());
                }
            }
        }
        ctx.json(n);
    }

    /**
     * {@code GET /api/reports/calls?from&to&count&group&caller&offset&limit}: the calls behind a
     * count (e.g. {@code handled}, {@code abandoned}, {@code answeredWithin3s}; none: every call)
     * in a group ("all", "agent:a1", "queue:repair", "shift:night"), optionally only callers whose
     * number contains {@code caller} ({@link CallerQuery}), newest first, one page in the list
     * envelope ({@link Paging.Page}). Times are given as instants and as the site's local time
     * ({@code started}), whatever the browser's zone.
     */
    public void calls(Context ctx) {
        ReportsBackend b = backend();
        LocalDate[] p = period(ctx, b);
        Count count = count(ctx.queryParam("count"));
        Group group = Group.parse(ctx.queryParam("group") == null ? "all" : ctx.queryParam("group"));
        if (group == null) {
            throw new HttpProblem(400, "group must be all, agent:ID, queue:NAME or shift:NAME");
        }
        String caller = CallerQuery.of(ctx).orElse("");
        Paging paging = Paging.of(ctx, PAGE_CALLS);
        List<CallLine> lines = new ArrayList<>(b.calls(p[0], p[1]).stream()
                .filter(c -> c.in(group) && (count == null || counts(c, count)) && c.callingNumber().contains(caller))
                .toList());
        Collections.reverse(lines);
        ZoneId zone = b.settings().zone();
        ctx.json(paging.of(lines).map(c -> callView(c, zone)));
    }

    private static ObjectNode callView(CallLine c, ZoneId zone) {
        ObjectNode o = KpiJson.MAPPER.createObjectNode();
        o.put("callId", c.callId());
        o.put("callerNumber", c.callingNumber());
        o.put("day", c.day().toString());
        o.put("startedAt", c.startedAt().toString());
        o.put("started", LOCAL.format(c.startedAt().atZone(zone)));
        o.put("endedAt", c.endedAt().toString());
        o.put("queue", c.queue());
        o.put("shift", c.shift());
        o.put("agents", String.join(", ", c.agents()));
        o.put("speedOfAnswerMs", c.speedOfAnswerMs());
        o.put("responseMs", c.responseMs());
        o.put("handleMs", c.handleMs());
        o.put("rating", c.rating());
        ArrayNode counted = o.putArray("counted");
        c.counted().forEach(k -> counted.add(k.key()));
        return o;
    }

    /** {@code GET /api/reports/export?from&to&by&format=csv|xlsx}: the rows as a download. */
    public void export(Context ctx) throws IOException {
        ReportsBackend b = backend();
        LocalDate[] p = period(ctx, b);
        Grouping by = grouping(ctx);
        List<KpiRow> rows = KpiReports.rows(b.days(p[0], p[1]), p[0], p[1], by, b.settings());
        String name = "kpi-" + KpiReports.periodKey(p[0], p[1]).replace('/', '_') + "-" + by.key();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if ("xlsx".equals(ctx.queryParam("format"))) {
            KpiExport.xlsx(rows, b.settings(), out);
            ctx.contentType(KpiExport.XLSX).header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
        } else if (ctx.queryParam("format") == null || "csv".equals(ctx.queryParam("format"))) {
            KpiExport.csv(rows, new OutputStreamWriter(out, StandardCharsets.UTF_8));
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
        } else {
            throw new HttpProblem(400, "format must be csv or xlsx");
        }
        ctx.result(out.toByteArray());
    }

    /** Whether the call is behind count {@code k}; a time sum is behind the calls it sums over. */
    private static boolean counts(CallLine c, Count k) {
        Count calls = switch (k) {
            case ABANDON_MS -> Count.ABANDONED;
            case ASA_MS, RESPONSE_MS, TALK_MS, HOLD_MS, WRAP_UP_MS, HANDLE_MS -> Count.HANDLED;
            default -> k;
        };
        return c.counted().contains(calls);
    }

    private ReportsBackend backend() {
        ReportsBackend b = backend;
        if (b == null) {
            throw new HttpProblem(503, "the figures are not available on this box");
        }
        return b;
    }

    private static LocalDate[] period(Context ctx, ReportsBackend b) {
        LocalDate today = LocalDate.now(b.clock());
        LocalDate from = ctx.queryParam("from") == null ? today : date(ctx, "from");
        LocalDate to = ctx.queryParam("to") == null ? from : date(ctx, "to");
        if (from.isAfter(to)) {
            throw new HttpProblem(400, "from " + from + " is after to " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new HttpProblem(400, "a period of at most " + MAX_DAYS + " days");
        }
        return new LocalDate[] {from, to};
    }

    private static LocalDate date(Context ctx, String name) {
        try {
            return LocalDate.parse(ctx.queryParam(name));
        } catch (DateTimeParseException e) {
            throw new HttpProblem(400, name + " must be a date YYYY-MM-DD");
        }
    }

    private static Grouping grouping(Context ctx) {
        Grouping g = Grouping.byKey(ctx.queryParam("by") == null ? "all" : ctx.queryParam("by"));
        if (g == null) {
            throw new HttpProblem(400, "by must be all, agent, queue or shift");
        }
        return g;
    }

    private static Count count(String key) {
        if (key == null || key.isEmpty()) {
            return null;
        }
        for (Count c : Count.values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        throw new HttpProblem(400, "unknown count '" + key + "'");
    }
}
