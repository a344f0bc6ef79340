package io.branchbox.firmware.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.qa.sample.SamplePlanner.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample plan's other kinds: targeted samples (a chosen agent, queue, wrap-up code, long
 * calls) each draw only calls that match, never a call twice; random samples fill the plan to
 * 5 % when the quotas alone fall short (a busy agent).
 */
class QaTargetedSamplingTest {
    @TempDir
    Path dir;

    private QaService service(EventJournal journal, ListCallSource calls) throws Exception {
        return QaService.start(journal, calls, Clock.fixed(Instant.parse("2027-01-01T02:00:00Z"), QaMonthSimulationTest.ZONE),
                ConfigDocuments.defaults());
    }

    @Test
    void targetedSamplesDrawOnlyMatchingCallsAndNeverACallTwice() throws Exception {
        ListCallSource calls = new ListCallSource();
        calls.calls.addAll(QaMonthSimulationTest.month(5));
        try (EventJournal journal = EventJournal.open(dir.resolve("t"), Clock.systemUTC())) {
            QaService qa = service(journal, calls);
            qa.draw(QaMonthSimulationTest.MONTH, List.of(), "lead");
            long longCallMs = qa.settings().longCallS() * 1000L;
            Map<SampleReason, Predicate<CallFacts>> wanted = Map.of(
                    SampleReason.TARGET_AGENT, c -> c.agentId().equals("agent3"),
                    SampleReason.TARGET_QUEUE, c -> c.queue().equals("repair"),
                    SampleReason.TARGET_WRAPUP, c -> c.wrapUpCode().equals("complaint"),
                    SampleReason.LONG_CALL, c -> c.talkMs() >= longCallMs);
            List<Sample> drawn = qa.draw(QaMonthSimulationTest.MONTH, List.of(
                    new Target(SampleReason.TARGET_AGENT, "agent3", 5), new Target(SampleReason.TARGET_QUEUE, "repair", 5),
                    new Target(SampleReason.TARGET_WRAPUP, "complaint", 5), new Target(SampleReason.LONG_CALL, "", 5)), "lead");

            for (var w : wanted.entrySet()) {
                List<Sample> of = drawn.stream().filter(s -> s.reason() == w.getKey()).toList();
                assertEquals(5, of.size(), w.getKey() + ": " + of);
                for (Sample s : of) {
                    assertTrue(w.getValue().test(calls.call(s.callId()).orElseThrow()), w.getKey() + " drew " + s.callId());
                }
            }
            List<String> all = qa.book().samples(QaMonthSimulationTest.MONTH.toString()).stream().map(Sample::callId).toList();
            assertEquals(all.size(), new HashSet<>(all).size(), "no call sampled twice");
        }
    }

    @Test
    void randomSamplesFillThePlanToFivePercentWhenTheQuotasFallShort() throws Exception {
        // one agent answering 200 calls a morning for five days: the quotas ask 3 × 5 and 20, 5 % is 50
        ListCallSource calls = new ListCallSource();
        List<CallFacts> all = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            for (int i = 0; i < 200; i++) {
                Instant at = ZonedDateTime.of(LocalDate.of(2026, 12, day), LocalTime.of(9, 0), QaMonthSimulationTest.ZONE)
                        .plusSeconds(i * 120L).toInstant();
                all.add(new CallFacts(String.format("r%d-%03d", day, i), "agent1", "inquiry", "answered", at, 60_000, 0, true));
            }
        }
        calls.calls.addAll(all);
        try (EventJournal journal = EventJournal.open(dir.resolve("r"), Clock.systemUTC())) {
            QaService qa = service(journal, calls);
            qa.draw(QaMonthSimulationTest.MONTH, List.of(), "lead");
            List<Sample> samples = qa.book().samples(QaMonthSimulationTest.MONTH.toString());
            assertEquals(50, samples.size(), "exactly 5 % of 1000");
            Map<SampleReason, Long> byReason = samples.stream().collect(Collectors.groupingBy(Sample::reason, Collectors.counting()));
            assertEquals(15L, byReason.get(SampleReason.SHIFT_QUOTA), byReason.toString());
            assertEquals(5L, byReason.get(SampleReason.MONTH_QUOTA), byReason.toString());
            assertEquals(30L, byReason.get(SampleReason.RANDOM), byReason.toString());
            Set<LocalDate> days = samples.stream().filter(s -> s.reason() == SampleReason.RANDOM)
                    .map(s -> s.shift().day()).collect(Collectors.toSet());
            assertTrue(days.size() >= 3, "random samples spread over the days, not the first calls: " + days);
        }
    }
}
