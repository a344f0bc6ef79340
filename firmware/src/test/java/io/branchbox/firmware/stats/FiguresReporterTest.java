package io.branchbox.firmware.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiguresReporterTest {

    @Test
    void everyIntervalReportsTheCallsThatEndedInIt() {
        ManualScheduler s = new ManualScheduler();
        FiguresReporter r = new FiguresReporter(s, Duration.ofMinutes(15));
        List<String> reports = new ArrayList<>();
        r.setSink((from, to, f) -> reports.add(Duration.between(from, to).toMinutes() + "min:" + f.offered() + "/" + f.answered()));
        r.accept(JournalEvent.of(s.clock().instant(), "call.queued", "A", null, "repair", Map.of()));
        r.accept(JournalEvent.of(s.clock().instant(), "call.connected", "A", "agent1", "repair", Map.of()));
        s.advance(Duration.ofMinutes(10));
        r.accept(JournalEvent.of(s.clock().instant(), "call.ended", "A", "agent1", "repair", Map.of()));
        s.advance(Duration.ofMinutes(5));
        s.advance(Duration.ofMinutes(15));
        assertEquals(List.of("15min:1/1", "15min:0/0"), reports);
    }
}
