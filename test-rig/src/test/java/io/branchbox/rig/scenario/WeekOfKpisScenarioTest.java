package io.branchbox.rig.scenario;

import static io.branchbox.rig.scenario.ScenarioSite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.admin.reports.ReportCommand;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.console.TransferTarget;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.kpi.KpiJson;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.rig.carrier.OfferedCall;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's "done when": a week of traffic through the test rig (the carrier's callers, the
 * seats' agents at the console), compressed by a {@link ScriptClock} that stands still between the
 * script's steps, with answered, held, transferred, rated, abandoned (short and long) and refused
 * calls and a restart of the box on Thursday evening. The test keeps its own books from its own
 * script ({@link Books}: what it did and when, never the box's journal) and compares every KPI of
 * the week with the {@code report} command's JSON, CSV and xlsx on the box's data directory.
 *
 * <p>Deterministic: after every step the test waits for the journal events of that step (the box
 * stamps them with the standing clock) before it moves the time; queue "inquiry" offers for 60 s
 * so an offer never rings out by accident, queue "other" for 3 s to be refused; one missed offer
 * sets the agent not ready, so the re-offer goes where the script says.
 */
class WeekOfKpisScenarioTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path data;

    private ScenarioSite s;
    private ScriptClock clock;
    private ZoneId zone;
    private final Books books = new Books();
    private int callers;

    @Test
    void everyKpiOfAWeekEqualsTheScriptsOwnCount() throws Exception {
        UnaryOperator<BoxConfig> adjust = c -> {
            zone = ZoneId.of(c.site().timezone());
            return c.withIvr(ScenarioSite.ivr(Map.of(), "survey"))
                    .withQueues(List.of(queue("inquiry", 60), queue("other", 3)))
                    .withConsole(new BoxConfig.Console(1, List.of("break", "meal"), List.of("answered"), 3, 30));
        };
        clock = new ScriptClock(java.time.Instant.parse("2026-11-30T00:00:00Z"));
        s = ScenarioSite.start(data, adjust, clock);
        try {
            for (int day = 0; day < 7; day++) {
                if (day == 4) { // Friday morning: the box was off overnight
                    s.close();
                    books.restart(clock.instant());
                    at(MONDAY.plusDays(day), "07:30");
                    s = ScenarioSite.start(data, adjust, clock);
                }
                day(day);
            }
            // a technician's report on the running box's directory, and on a copy of it taken now
            Path copy = Files.createDirectories(data.resolveSibling(data.getFileName() + "-copy").resolve("journal"));
            try (var files = Files.list(data.resolve("journal"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
            if (Files.exists(data.resolve("box.json"))) { // the site's zone and shifts (the rig's box keeps the defaults')
                Files.copy(data.resolve("box.json"), copy.getParent().resolve("box.json"));
            }
            assertWeek(KpiJson.MAPPER.readTree(reportText(data, "json", null)).get(0), "the running box's directory");
            assertWeek(KpiJson.MAPPER.readTree(reportText(copy.getParent(), "json", null)).get(0), "a copy of it");
        } finally {
            s.close();
        }

        Map<String, Double> expected = books.kpis();
        JsonNode week = report("json", null).get(0);
        assertWeek(week, "the stopped box's directory");
        assertEquals(books.agentHandled, Map.of("agent1", week(report("json", "agent"), "agent1"),
                "agent2", week(report("json", "agent"), "agent2")), "handled per agent (a transfer counts for both)");

        // the exports re-read to the same numbers, rounded to 0.1 as they are written
        List<String> csv = List.of(reportText("csv").split("\r\n"));
        List<String> header = List.of(csv.get(0).split(",", -1));
        List<String> csvRow = List.of(csv.get(1).split(",", -1));
        List<String> xlsxRow = xlsxRow(header.size());
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            int col = header.indexOf(e.getKey());
            String want = e.getValue() == null ? "" : String.valueOf(Math.round(e.getValue() * 10) / 10.0);
            assertEquals(want, number(csvRow.get(col)), e.getKey() + " in CSV");
            assertEquals(want, number(xlsxRow.get(col)), e.getKey() + " in xlsx");
        }
        books.counts().forEach((k, n) -> {
            assertEquals(String.valueOf(n), number(csvRow.get(header.indexOf(k))), k + " in CSV");
            assertEquals(String.valueOf(n), number(xlsxRow.get(header.indexOf(k))), k + " in xlsx");
        });
    }

    /** The branch's row of the week: every KPI and count as the script's books say. */
    private void assertWeek(JsonNode week, String where) {
        Map<String, Double> expected = books.kpis();
        assertEquals("all", week.get("group").asText(), where);
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            JsonNode v = week.get(e.getKey());
            if (e.getValue() == null) {
                assertTrue(v == null || v.isNull(), e.getKey() + " has no data, the report says " + v + ", " + where);
            } else {
                assertTrue(v != null && v.isNumber(), e.getKey() + " missing from the report, " + where);
                assertEquals(Math.round(e.getValue() * 10) / 10.0, v.asDouble(), 1e-9,
                        e.getKey() + " (0.1 as the report rounds), " + where);
            }
        }
        books.counts().forEach((k, n) -> assertEquals(n, week.at("/counts/" + k).asLong(), "count " + k + ", " + where));
    }

    /** One day: answered calls with and without hold and rating, a transfer, an abandon, a refusal. */
    private void day(int day) throws Exception {
        LocalDate d = MONDAY.plusDays(day);
        at(d, "08:00");
        readyIfNot("agent1");
        readyIfNot("agent2");
        notReady("agent2", "break");

        at(d, "09:00"); // answered by agent1: 2 s or 5 s of ringing, a hold every other day, a rating
        int[] ratings = {1, 1, 2, 3, 0, 1, 1};
        answered("95598", "agent1", day % 2 == 0 ? 2 : 5, 30, day % 2 == 0 ? 10 : 0, 15, ratings[day]);

        if (day % 2 == 1) { // agent2 answers and hands the caller to agent1 (blind)
            at(d, "10:00");
            notReady("agent1", "meal");
            ready("agent2");
            transferred();
        }

        at(d, "11:00"); // nobody ready: a caller gives up, after 3 s (short) or 40 s
        notReady("agent1", "break");
        if (books.state("agent2").equals("READY")) {
            notReady("agent2", "break");
        }
        abandoned(day % 2 == 0 ? 3 : 40);

        if (day == 2 || day == 5) { // refused: agent2 lets it ring out, agent1 takes it
            at(d, "14:00");
            ready("agent2");
            refused();
        }
        if (day == 6) { // a rating after 5 s of talk: rated, but not a valid rating
            at(d, "16:00");
            readyIfNot("agent1");
            answered("95598", "agent1", 1, 5, 0, 0, 1);
        }
        if (day == 3) { // Thursday: both ready from 16:00; the box stops at 17:00 with agent2 still ready
            at(d, "16:00");
            readyIfNot("agent1");
            readyIfNot("agent2");
            at(d, "17:00");
            notReady("agent1", "meal");
            return; // the restart: agent2's ready time ends at 17:00, the night is nobody's
        }
        at(d, "18:00");
        if (books.state("agent1").equals("READY")) {
            notReady("agent1", "meal");
        }
    }

    private void readyIfNot(String agent) throws Exception {
        if (!books.state(agent).equals("READY")) {
            ready(agent);
        }
    }

    /** A caller on 95598 answered by {@code agent} (the only one ready) after {@code ring} s. */
    private void answered(String number, String agent, double ring, double talk1, double hold, double talk2, int rating)
            throws Exception {
        Books.Call call = books.call();
        OfferedCall caller = dial(number, call);
        offered(call, agent);
        clock.pass(ring);
        answer(call, agent);
        clock.pass(talk1);
        if (hold > 0) {
            int mark = mark();
            ok(s.console().hold(agent));
            awaitAfter(mark, "held", e -> e.type().equals(CallEventTypes.CALL_HELD) && call.id.equals(e.callId()));
            clock.pass(hold);
            mark = mark();
            ok(s.console().retrieve(agent));
            awaitAfter(mark, "retrieved", e -> e.type().equals(CallEventTypes.CALL_RETRIEVED) && call.id.equals(e.callId()));
            call.hold += hold;
            call.holds++;
            clock.pass(talk2);
        }
        call.talk += talk1 + talk2 * (hold > 0 ? 1 : 0);
        if (rating > 0) {
            rated(caller, call, agent, rating);
        } else {
            hangUpCaller(caller, call, agent);
        }
    }

    /** agent2 answers after 1 s, talks 15 s, passes the caller blind to agent1, who answers after 2 s and talks 20 s. */
    private void transferred() throws Exception {
        Books.Call call = books.call();
        OfferedCall caller = dial("95598", call);
        offered(call, "agent2");
        clock.pass(1);
        answer(call, "agent2");
        clock.pass(15);
        ready("agent1");
        int mark = mark();
        ok(s.console().transfer("agent2", TransferTarget.agent("agent1"), false));
        awaitAfter(mark, "the offer to agent1", e -> e.type().equals(CallEventTypes.CALL_OFFERED) && call.id.equals(e.callId())
                && "agent1".equals(e.agentId()));
        awaitState(mark, "agent2", "READY");
        call.talk += 15;
        call.transfers++;
        books.part(call, "agent2", "WRAP_UP");
        books.set("agent2", "READY");
        books.set("agent1", "OFFERED");
        books.offer(call);
        clock.pass(2);
        answer(call, "agent1");
        clock.pass(20);
        call.talk += 20;
        hangUpCaller(caller, call, "agent1");
    }

    /** A caller waits with nobody ready and hangs up after {@code wait} s. */
    private void abandoned(double wait) throws Exception {
        Books.Call call = books.call();
        OfferedCall caller = dial("95598", call);
        clock.pass(wait);
        caller.hangup(16);
        awaitEnded(call);
        call.abandonedAfter = wait;
    }

    /** On 95599 (3 s offers) agent2 lets it ring out (and is set not ready); agent1 answers after 1 s, talks 12 s, rates 2. */
    private void refused() throws Exception {
        Books.Call call = books.call();
        OfferedCall caller = dial("95599", call);
        offered(call, "agent2");
        int mark = call.mark;
        awaitAfter(mark, "the missed offer", e -> e.type().equals(CallEventTypes.CALL_OFFER_MISSED) && call.id.equals(e.callId()));
        awaitState(mark, "agent2", "NOT_READY");
        books.missed++;
        books.set("agent2", "NOT_READY", "missed-offers");
        mark = mark();
        ready("agent1");
        awaitAfter(mark, "the offer to agent1", e -> e.type().equals(CallEventTypes.CALL_OFFERED) && call.id.equals(e.callId()));
        awaitState(mark, "agent1", "OFFERED");
        books.set("agent1", "OFFERED");
        books.offer(call);
        clock.pass(1);
        answer(call, "agent1");
        clock.pass(12);
        call.talk += 12;
        rated(caller, call, "agent1", 2);
    }

    /** The agent hangs up (wrap-up 0 s: ready at once), 2 s later the caller presses the rating, the box hangs up. */
    private void rated(OfferedCall caller, Books.Call call, String agent, int rating) throws Exception {
        int mark = mark();
        ok(s.console().hangup(agent));
        awaitState(mark, agent, "READY");
        books.part(call, agent, "WRAP_UP");
        books.set(agent, "READY");
        clock.pass(2);
        mark = mark();
        s.line(1).press(String.valueOf(rating));
        awaitAfter(mark, "the rating", e -> e.type().equals(CallEventTypes.CALL_SURVEY) && call.id.equals(e.callId()));
        awaitEnded(call);
        caller.cleared().get(10, TimeUnit.SECONDS);
        call.rating = rating;
    }

    // --- steps and waits ---

    private OfferedCall dial(String number, Books.Call call) throws Exception {
        String calling = "1390000" + String.format("%04d", ++callers);
        call.mark = mark();
        call.started = clock.instant();
        OfferedCall caller = s.call(calling, number, 1);
        call.id = s.callIdOf(calling);
        s.await(CallEventTypes.CALL_QUEUED, call.id);
        return caller;
    }

    private void offered(Books.Call call, String agent) throws Exception {
        JournalEvent o = s.await("the offer of " + call.id, e -> e.type().equals(CallEventTypes.CALL_OFFERED)
                && call.id.equals(e.callId()));
        assertEquals(agent, o.agentId(), "the script's agent is the only one ready");
        awaitState(call.mark, agent, "OFFERED");
        books.set(agent, "OFFERED");
        books.offer(call);
    }

    private void answer(Books.Call call, String agent) throws Exception {
        int mark = mark();
        ok(s.console().answer(agent));
        awaitAfter(mark, agent + " connected", e -> e.type().equals(CallEventTypes.CALL_CONNECTED) && call.id.equals(e.callId())
                && agent.equals(e.agentId()));
        awaitState(mark, agent, "ON_CALL");
        books.connected(call, agent);
    }

    private void hangUpCaller(OfferedCall caller, Books.Call call, String agent) throws Exception {
        int mark = mark();
        s.site.carrier().hangup(caller);
        awaitEnded(call);
        awaitState(mark, agent, "READY");
        books.part(call, agent, "WRAP_UP");
        books.set(agent, "READY");
    }

    private void awaitEnded(Books.Call call) throws InterruptedException {
        s.await(CallEventTypes.CALL_ENDED, call.id);
        call.ended = clock.instant();
    }

    private void ready(String agent) throws Exception {
        int mark = mark();
        ok(s.console().ready(agent));
        awaitState(mark, agent, "READY");
        books.set(agent, "READY");
    }

    private void notReady(String agent, String reason) throws Exception {
        int mark = mark();
        ok(s.console().notReady(agent, reason));
        awaitState(mark, agent, "NOT_READY");
        books.set(agent, "NOT_READY", reason);
    }

    private void at(LocalDate d, String hhmm) {
        clock.set(d.atTime(LocalTime.parse(hhmm)).atZone(zone).toInstant());
    }

    private int mark() {
        return s.events().size();
    }

    private void awaitAfter(int mark, String what, Predicate<JournalEvent> p) throws InterruptedException {
        ScenarioSite.waitFor(what, ScenarioSite.WAIT, () -> {
            List<JournalEvent> all = s.events();
            return all.subList(Math.min(mark, all.size()), all.size()).stream().anyMatch(p);
        });
    }

    private void awaitState(int mark, String agent, String state) throws InterruptedException {
        awaitAfter(mark, agent + " " + state, e -> e.type().equals(CallEventTypes.AGENT_STATE) && agent.equals(e.agentId())
                && state.equals(e.attr(CallEventTypes.STATE)));
    }

    // --- the report ---

    private JsonNode report(String format, String by) throws Exception {
        return KpiJson.MAPPER.readTree(reportText(format, by));
    }

    private String reportText(String format) throws Exception {
        return reportText(format, null);
    }

    private String reportText(String format, String by) throws Exception {
        return reportText(data, format, by);
    }

    private String reportText(Path dir, String format, String by) throws Exception {
        List<String> args = new ArrayList<>(List.of("--data", dir.toString(), "--from", MONDAY.toString(),
                "--to", MONDAY.plusDays(6).toString(), "--format", format));
        if (by != null) {
            args.addAll(List.of("--by", by));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReportCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock, args.toArray(String[]::new));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<String> xlsxRow(int columns) throws Exception {
        Path xlsx = data.resolveSibling(data.getFileName() + "-week.xlsx");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, ReportCommand.run(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), clock,
                "--data", data.toString(), "--from", MONDAY.toString(), "--to", MONDAY.plusDays(6).toString(),
                "--format", "xlsx", "--out", xlsx.toString()), err.toString());
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            Sheet sheet = wb.getSheets().toList().get(0);
            List<Row> rows = sheet.read();
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                cells.add(c < rows.get(1).getCellCount() ? rows.get(1).getCellText(c) : "");
            }
            return cells;
        } finally {
            Files.deleteIfExists(xlsx);
        }
    }

    private static long week(JsonNode rows, String agent) {
        for (JsonNode r : rows) {
            if (agent.equals(r.get("group").asText())) {
                return r.at("/counts/handled").asLong();
            }
        }
        return 0;
    }

    /** A cell as a number's shortest text ("12.0" → "12.0", "12" → "12"), "" when empty. */
    private static String number(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        double v = Double.parseDouble(cell);
        return v == Math.rint(v) && !cell.contains(".") ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static BoxConfig.Queue queue(String name, int offerS) {
        return new BoxConfig.Queue(name, BoxConfig.Strategy.LONGEST_IDLE, offerS, 0, 600, "", BoxConfig.Overflow.NONE, 0,
                "", 0, 0);
    }

    /** The test's own books: what its script did, and when by its clock. */
    private final class Books {
        final class Call {
            String id;
            int mark;
            java.time.Instant started;
            java.time.Instant lastOffer;
            java.time.Instant answered;
            java.time.Instant ended;
            java.time.Instant partFrom;
            double talk;
            double hold;
            int holds;
            int transfers;
            int rating;
            boolean within3s;
            double abandonedAfter = -1;
        }

        final List<Call> calls = new ArrayList<>();
        final Map<String, String> state = new LinkedHashMap<>();
        final Map<String, java.time.Instant> since = new LinkedHashMap<>();
        final Map<String, Long> agentHandled = new java.util.TreeMap<>();
        long busyMs;
        long staffedMs;
        int missed;

        Call call() {
            Call c = new Call();
            calls.add(c);
            return c;
        }

        String state(String agent) {
            return state.getOrDefault(agent, "NOT_READY");
        }

        void set(String agent, String newState) {
            set(agent, newState, "");
        }

        void set(String agent, String newState, String reason) {
            java.time.Instant now = clock.instant();
            String before = state.get(agent);
            if (before != null) {
                long ms = now.toEpochMilli() - since.get(agent).toEpochMilli();
                if (List.of("READY", "OFFERED", "ON_CALL", "WRAP_UP").contains(before)) {
                    staffedMs += ms;
                }
                if (List.of("ON_CALL", "WRAP_UP").contains(before)) {
                    busyMs += ms;
                }
            }
            state.put(agent, newState);
            since.put(agent, now);
        }

        void offer(Call c) {
            c.lastOffer = clock.instant();
        }

        void connected(Call c, String agent) {
            java.time.Instant now = clock.instant();
            if (c.answered == null) {
                c.answered = now;
            }
            c.within3s |= c.answered.equals(now) && now.toEpochMilli() - c.lastOffer.toEpochMilli() <= 3_000;
            set(agent, "ON_CALL");
            agentHandled.merge(agent, 1L, Long::sum);
        }

        void part(Call c, String agent, String next) {
            set(agent, next);
        }

        /** The box restarts: every agent's time ends now; after the start all four are logged in, not ready. */
        void restart(java.time.Instant at) {
            for (String a : new ArrayList<>(state.keySet())) {
                set(a, "LOGGED_OUT");
            }
            state.clear();
            since.clear();
        }

        Map<String, Long> counts() {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("offered", (long) calls.size());
            m.put("shortAbandoned", calls.stream().filter(c -> c.abandonedAfter >= 0 && c.abandonedAfter < 5).count());
            m.put("abandoned", calls.stream().filter(c -> c.abandonedAfter >= 5).count());
            m.put("handled", handled().size() + 0L);
            m.put("rated", handled().stream().filter(c -> c.rating > 0).count());
            m.put("transfers", calls.stream().mapToLong(c -> c.transfers).sum());
            m.put("holds", calls.stream().mapToLong(c -> c.holds).sum());
            m.put("refusedOffers", (long) missed);
            m.put("talkMs", Math.round(handled().stream().mapToDouble(c -> c.talk).sum() * 1000));
            m.put("holdMs", Math.round(handled().stream().mapToDouble(c -> c.hold).sum() * 1000));
            m.put("inbound", (long) calls.size());
            m.put("askedForAgent", calls.stream().filter(c -> !(c.abandonedAfter >= 0 && c.abandonedAfter < 5)).count());
            m.put("abandonWaitMs", Math.round(calls.stream().filter(c -> c.abandonedAfter >= 5)
                    .mapToDouble(c -> c.abandonedAfter).sum() * 1000));
            m.put("validRatings", handled().stream().filter(c -> c.rating >= 1 && c.talk >= 10).count());
            m.put("satisfied", handled().stream().filter(c -> c.rating == 1 && c.talk >= 10).count());
            m.put("answeredWithin3s", handled().stream().filter(c -> c.within3s).count());
            m.put("wrapUpMs", 0L);
            m.put("failedInbound", 0L);
            m.put("qaScored", 0L);
            m.put("qaPlanned", (handled().size() * 5L + 99) / 100);
            m.put("busyMs", busyMs);
            m.put("staffedMs", staffedMs);
            return m;
        }

        List<Call> handled() {
            return calls.stream().filter(c -> c.answered != null).toList();
        }

        /** Every KPI of docs/KPIS.md for the week, from the script; null = no data. */
        Map<String, Double> kpis() {
            List<Call> h = handled();
            double handled = h.size();
            double asked = calls.stream().filter(c -> !(c.abandonedAfter >= 0 && c.abandonedAfter < 5)).count();
            long valid = h.stream().filter(c -> c.rating >= 1 && c.rating <= 3 && c.talk >= 10).count();
            long satisfied = h.stream().filter(c -> c.rating == 1 && c.talk >= 10).count();
            double waitSum = h.stream().mapToLong(c -> c.answered.toEpochMilli() - c.started.toEpochMilli()).sum() / 1000.0;
            Map<String, Double> k = new LinkedHashMap<>();
            k.put("answerWithin3s", 100.0 * h.stream().filter(c -> c.within3s).count() / handled);
            k.put("responseTime", waitSum / handled); // the greeting is in it: call.started to the agent
            k.put("manualAnswerRate", 100.0 * handled / asked);
            k.put("surveySamplingRate", 100.0 * h.stream().filter(c -> c.rating > 0).count() / handled);
            k.put("validRatingRate", 100.0 * valid / handled);
            k.put("satisfaction", 100.0 * satisfied / valid);
            k.put("repairCallbackRate", null); // no work orders this week
            k.put("validCallbackRate", null);
            // the factory QA plan samples calls (QA in use) but nobody scored: 0 of ceil(5 % of handled), 0 %
            k.put("qaCompletion", 0.0);
            k.put("complaintTimeliness", null);
            k.put("serviceLevel", 100.0 * h.stream().filter(c -> c.answered.toEpochMilli() - c.started.toEpochMilli() <= 20_000)
                    .count() / asked);
            k.put("abandonRate", 100.0 * calls.stream().filter(c -> c.abandonedAfter >= 5).count() / asked);
            k.put("asa", waitSum / handled); // queued at the start: the greeting takes no scripted time
            k.put("aht", (h.stream().mapToDouble(c -> c.talk + c.hold).sum()) / handled); // wrap-up 0 s
            k.put("occupancy", 100.0 * busyMs / staffedMs);
            return k;
        }
    }
}
