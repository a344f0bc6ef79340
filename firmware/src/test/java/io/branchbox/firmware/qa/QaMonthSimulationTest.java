package io.branchbox.firmware.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ShiftCalendar;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.qa.form.FactoryForms;
import io.branchbox.firmware.qa.form.ScoringForm;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A month of a six-agent, three-shift branch: every quota met, and QA completion counted right. */
class QaMonthSimulationTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final YearMonth MONTH = YearMonth.of(2026, 12);
    /** Two agents per shift, as in the brief. */
    static final Map<String, List<String>> ROTA = Map.of(
            "morning", List.of("agent1", "agent2"), "evening", List.of("agent3", "agent4"), "night", List.of("agent5", "agent6"));
    static final Map<String, LocalTime> SHIFT_START = Map.of(
            "morning", LocalTime.of(8, 30), "evening", LocalTime.of(17, 30), "night", LocalTime.of(22, 0));
    static final Map<String, Integer> SHIFT_MINUTES = Map.of("morning", 540, "evening", 270, "night", 630);
    static final Map<String, Integer> CALLS_PER_AGENT = Map.of("morning", 40, "evening", 15, "night", 4);

    @TempDir
    Path dir;

    /** A month of calls: each agent answers a random number around their shift's load. */
    static List<CallFacts> month(long seed) {
        Random r = new Random(seed);
        List<CallFacts> out = new ArrayList<>();
        int n = 0;
        for (LocalDate d = MONTH.atDay(1); !d.isAfter(MONTH.atEndOfMonth()); d = d.plusDays(1)) {
            for (var shift : ROTA.entrySet()) {
                for (String agent : shift.getValue()) {
                    int count = CALLS_PER_AGENT.get(shift.getKey()) / 2 + r.nextInt(CALLS_PER_AGENT.get(shift.getKey()));
                    for (int i = 0; i < count; i++) {
                        int minute = r.nextInt(SHIFT_MINUTES.get(shift.getKey()));
                        Instant at = ZonedDateTime.of(d, SHIFT_START.get(shift.getKey()), ZONE).plusMinutes(minute).toInstant();
                        if (!YearMonth.from(at.atZone(ZONE)).equals(MONTH)) {
                            continue; // the last night's calls after midnight belong to January
                        }
                        String queue = List.of("inquiry", "repair", "complaint").get(r.nextInt(3));
                        boolean recorded = r.nextInt(100) != 0;
                        out.add(new CallFacts(String.format("c%05d", n++), agent, queue, r.nextInt(10) == 0 ? "complaint" : "answered",
                                at, 30_000 + r.nextInt(900_000), 0, recorded));
                    }
                }
            }
        }
        return out;
    }

    private QaService service(EventJournal journal, ListCallSource calls) throws Exception {
        BoxConfig c = ConfigDocuments.defaults();
        // scored in December (23:59:30 on the 31st): QA completion counts a call in the month of its first score
        return QaService.start(journal, calls, Clock.fixed(Instant.parse("2026-12-31T15:59:30Z"), ZONE), c);
    }

    @Test
    void aSimulatedMonthMeetsEveryQuotaAndCompletionMatchesAnIndependentCount() throws Exception {
        ListCallSource calls = new ListCallSource();
        List<CallFacts> month = month(7);
        calls.calls.addAll(month);
        try (EventJournal journal = EventJournal.open(dir.resolve("j"), Clock.systemUTC())) {
            QaService qa = service(journal, calls);
            qa.draw(MONTH, List.of(new io.branchbox.firmware.qa.sample.SamplePlanner.Target(SampleReason.COMPLAINT, "", 10)), "lead");
            List<Sample> samples = qa.book().samples(MONTH.toString());
            Set<String> sampled = samples.stream().map(Sample::callId).collect(Collectors.toSet());
            ShiftCalendar cal = qa.shifts();

            // per agent and shift worked: at least 3 (or every recorded call when fewer)
            Map<String, List<CallFacts>> byShift = month.stream().collect(Collectors.groupingBy(
                    c -> c.agentId() + "|" + cal.shiftOf(c.answeredAt()).orElseThrow().key()));
            for (var g : byShift.entrySet()) {
                long recorded = g.getValue().stream().filter(CallFacts::recorded).count();
                long got = g.getValue().stream().filter(c -> sampled.contains(c.callId())).count();
                assertTrue(got >= Math.min(3, recorded), g.getKey() + ": " + got + " of " + recorded);
            }
            // per agent and month: at least 20
            for (String agent : List.of("agent1", "agent2", "agent3", "agent4", "agent5", "agent6")) {
                long got = samples.stream().filter(s -> s.agentId().equals(agent)).count();
                assertTrue(got >= 20, agent + " has " + got);
            }
            // the total: at least 5 % of agent-answered calls (integer ceiling counted here)
            int plannedByHand = (month.size() * 5 + 99) / 100;
            assertTrue(samples.size() >= plannedByHand, samples.size() + " < " + plannedByHand);
            assertTrue(samples.stream().filter(s -> s.reason() == SampleReason.COMPLAINT).count() >= 1);
            assertTrue(samples.stream().allMatch(s -> calls.call(s.callId()).orElseThrow().recorded()));

            // score every third sample; completion must match our own count
            ScoringForm form = FactoryForms.hotline();
            int scoredByHand = 0;
            for (int i = 0; i < samples.size(); i += 3) {
                qa.score(fullMarks(samples.get(i).callId(), form), "inspector");
                scoredByHand++;
            }
            QaCompletion done = qa.completion(MONTH);
            assertEquals(month.size(), done.answered());
            assertEquals(plannedByHand, done.planned());
            assertEquals(scoredByHand, done.scored());
            assertEquals(Math.round(1000.0 * scoredByHand / plannedByHand) / 10.0, done.percent().doubleValue());
        }
    }

    @Test
    void aPlanIsReproducibleAndDrawingAgainAddsNothing() throws Exception {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            ListCallSource calls = new ListCallSource();
            calls.calls.addAll(month(11));
            try (EventJournal journal = EventJournal.open(dir.resolve("r" + run), Clock.systemUTC())) {
                QaService qa = service(journal, calls);
                qa.draw(MONTH, List.of(), "lead");
                assertEquals(List.of(), qa.draw(MONTH, List.of(), "lead"), "a second draw finds nothing missing");
                runs.add(qa.book().samples(MONTH.toString()).stream().map(Sample::callId).toList());
            }
        }
        assertEquals(runs.get(0), runs.get(1));
    }

    @Test
    void aRecordingDeletedBeforeScoringShowsAsLostAndIsReplacedFromTheSameAgentAndShift() throws Exception {
        ListCallSource calls = new ListCallSource();
        calls.calls.addAll(month(3));
        try (EventJournal journal = EventJournal.open(dir.resolve("l"), Clock.systemUTC())) {
            QaService qa = service(journal, calls);
            qa.draw(MONTH, List.of(), "lead");
            Sample victim = qa.book().samples(MONTH.toString()).get(0);
            CallFacts c = calls.call(victim.callId()).orElseThrow();
            calls.replace(new CallFacts(c.callId(), c.agentId(), c.queue(), c.wrapUpCode(), c.answeredAt(), c.talkMs(), 0, false));

            List<String> lost = qa.markLost(MONTH, id -> !calls.call(id).orElseThrow().recorded());

            assertEquals(List.of(victim.callId()), lost);
            assertTrue(qa.book().sample(victim.callId()).orElseThrow().lost());
            Sample replacement = qa.book().samples(MONTH.toString()).stream()
                    .filter(s -> victim.callId().equals(s.replaces())).findFirst().orElseThrow();
            assertEquals(SampleReason.REPLACEMENT, replacement.reason());
            assertEquals(victim.agentId(), replacement.agentId());
            assertEquals(victim.shift(), replacement.shift());
        }
    }

    static ScoreRequest fullMarks(String callId, ScoringForm form) {
        Map<String, Integer> points = new HashMap<>();
        form.items().stream().filter(i -> !i.fatal()).forEach(i -> points.put(i.id(), i.points()));
        return new ScoreRequest(UUID.randomUUID().toString(), callId, form.id(), 0, points, new HashSet<>(), List.of(), "", false);
    }
}
