package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.admin.users.Role;
import io.branchbox.admin.web.QaTestBox.Talk;
import io.branchbox.firmware.config.ShiftCalendar;
import io.branchbox.firmware.qa.ScoreRequest;
import io.branchbox.firmware.qa.form.FactoryForms;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call list's one-click filters over the calls' own signals, through the real route: seven
 * calls with recordings of known silence, talk-over and speaking shares (and call records with a
 * hold and a very short call) are journaled as finished; the box's signal worker analyses each
 * recording; {@code GET /api/qa/calls?preset=...} then answers exactly the calls each preset is for.
 */
class QaSignalPresetsTest {
    /** 20 s of silence in one stretch (longest silence), a third of the call: silence by its longest gap. */
    static final String LONG_GAP = "20261207-110000-0001";
    /** Four 8 s gaps (none 10 s), over half the call silent: silence by its share. */
    static final String SPREAD = "20261207-110100-0002";
    /** Both speak 25–30 s: 8 % talk-over. */
    static final String OVERLAP = "20261207-110200-0003";
    /** The agent speaks 55 of 60 s: the agent's share over 75 %. */
    static final String AGENT_TALKS = "20261207-110300-0004";
    /** A balanced call on hold 70 s. */
    static final String HELD = "20261207-110400-0005";
    /** A 10 s call (under qa.shortCallS, 20 s). */
    static final String SHORT = "20261207-110500-0006";
    /** A balanced call without hold, scored: matches no preset but "all". */
    static final String PLAIN = "20261207-110600-0007";
    static final List<String> ALL = List.of(LONG_GAP, SPREAD, OVERLAP, AGENT_TALKS, HELD, SHORT, PLAIN);

    @TempDir
    static Path dataDir;
    private static QaTestBox box;
    private static LocalDate day;

    @BeforeAll
    static void start() throws Exception {
        box = new QaTestBox(dataDir);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        day = box.qa.shifts().shiftOf(t).map(ShiftCalendar.ShiftDay::day).orElseThrow();
        List<Talk> balanced = List.of(new Talk(false, 0, 30_000), new Talk(true, 30_000, 60_000));
        box.recorded(LONG_GAP, "agent1", 60_000, List.of(new Talk(false, 0, 15_000), new Talk(true, 15_000, 30_000),
                new Talk(false, 50_000, 60_000)), 90, 0, t);
        box.recorded(SPREAD, "agent1", 60_000, List.of(new Talk(false, 0, 6_000), new Talk(true, 14_000, 20_000),
                new Talk(false, 28_000, 34_000), new Talk(true, 42_000, 48_000), new Talk(false, 56_000, 60_000)), 90, 0,
                t.plusSeconds(60));
        box.recorded(OVERLAP, "agent2", 60_000, List.of(new Talk(false, 0, 30_000), new Talk(true, 25_000, 60_000)), 90,
                0, t.plusSeconds(120));
        box.recorded(AGENT_TALKS, "agent2", 60_000, List.of(new Talk(false, 0, 5_000), new Talk(true, 5_000, 60_000)),
                90, 0, t.plusSeconds(180));
        box.recorded(HELD, "agent3", 60_000, balanced, 150, 70, t.plusSeconds(240));
        box.recorded(SHORT, "agent3", 10_000, List.of(new Talk(false, 0, 5_000), new Talk(true, 5_000, 10_000)), 10, 0,
                t.plusSeconds(400));
        box.recorded(PLAIN, "agent3", 60_000, balanced, 90, 0, t.plusSeconds(420));
        box.journal.flush();
        // the worker journals each call's signals on its own thread: wait until it has done all seven
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (box.signals.done() < ALL.size() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(ALL.size(), box.signals.done(), "signals computed for every recording");
        Map<String, Integer> points = new HashMap<>();
        FactoryForms.hotline().items().stream().filter(i -> !i.fatal()).forEach(i -> points.put(i.id(), i.points()));
        box.qa.score(new ScoreRequest("preset-score-1", PLAIN, "hotline-95598", 0, points, new HashSet<>(), List.of(), "",
                false), "inspector");
    }

    @AfterAll
    static void stop() throws Exception {
        box.close();
    }

    private static Set<String> shown(WebClient c, String preset) throws Exception {
        HttpResponse<String> r = c.get("/api/qa/calls?from=" + day.minusDays(1) + "&to=" + day.plusDays(1)
                + (preset == null ? "" : "&preset=" + preset));
        assertEquals(200, r.statusCode(), r.body());
        Set<String> ids = new TreeSet<>();
        for (JsonNode n : WebClient.json(r).get("items")) {
            ids.add(n.get("callId").asText());
        }
        return ids;
    }

    @Test
    void eachPresetShowsTheCallsItIsForAndNoOther() throws Exception {
        WebClient inspector = box.box.client();
        assertEquals(200, inspector.login(TestBox.userFor(Role.QUALITY_INSPECTOR), TestBox.PASSWORD).statusCode());
        assertEquals(new TreeSet<>(ALL), shown(inspector, null), "no preset: every call");
        assertEquals(new TreeSet<>(ALL), shown(inspector, "all"));
        assertEquals(Set.of(LONG_GAP, SPREAD), shown(inspector, "silence"),
                "a 20 s gap (a third of the call) and 53 % silence in 8 s gaps; not the calls without dead air");
        assertEquals(Set.of(OVERLAP), shown(inspector, "talkOver"));
        assertEquals(Set.of(AGENT_TALKS), shown(inspector, "agentShare"));
        assertEquals(Set.of(HELD), shown(inspector, "hold"));
        assertEquals(Set.of(SHORT), shown(inspector, "short"));
        Set<String> unscored = new TreeSet<>(ALL);
        unscored.remove(PLAIN);
        assertEquals(unscored, shown(inspector, "unscored"));
    }

    @Test
    void theSignalsShownAreTheRecordingsOwn() throws Exception {
        WebClient inspector = box.box.client();
        assertEquals(200, inspector.login(TestBox.userFor(Role.QUALITY_INSPECTOR), TestBox.PASSWORD).statusCode());
        HttpResponse<String> r = inspector.get("/api/qa/calls?from=" + day.minusDays(1) + "&to=" + day.plusDays(1));
        Map<String, JsonNode> byId = new HashMap<>();
        WebClient.json(r).get("items").forEach(n -> byId.put(n.get("callId").asText(), n.get("signals")));
        JsonNode gap = byId.get(LONG_GAP);
        assertEquals(20_000, gap.get("longestSilenceMs").asLong(), 500, "the 20 s gap");
        assertEquals(33.3, gap.get("silencePct").asDouble(), 2.0);
        assertEquals(8.3, byId.get(OVERLAP).get("talkOverPct").asDouble(), 1.0, "5 s of 60 both speaking");
        assertEquals(91.7, byId.get(AGENT_TALKS).get("agentSharePct").asDouble(), 2.0);
        assertTrue(byId.get(PLAIN).get("talkOverPct").asDouble() < 1.0);
        // the box sorts before it pages: the first page of "most talk-over first" starts with the overlap
        JsonNode first = WebClient.json(inspector.get("/api/qa/calls?from=" + day.minusDays(1) + "&to=" + day.plusDays(1)
                + "&sort=talkOverPct&desc=true&limit=1"));
        assertEquals(OVERLAP, first.get("items").get(0).get("callId").asText());
        assertEquals(ALL.size(), first.get("total").asInt(), "n of N: N is every call of the period");
        assertEquals(400, inspector.get("/api/qa/calls?sort=nonsense").statusCode());
    }

    @Test
    void anUnknownPresetIsAClearError() throws Exception {
        WebClient inspector = box.box.client();
        assertEquals(200, inspector.login(TestBox.userFor(Role.QUALITY_INSPECTOR), TestBox.PASSWORD).statusCode());
        HttpResponse<String> r = inspector.get("/api/qa/calls?preset=loud");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("preset"), r.body());
    }
}
