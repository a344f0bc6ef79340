package io.branchbox.firmware.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.store.CallDirection;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.store.CallRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageReportTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    /** 09:00 in Berlin on DAY. */
    private static final Instant MORNING = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T20:00:00Z");

    @TempDir
    Path dir;
    private CatalogFixture fx;
    private CoverageReport report;

    @BeforeEach
    void open() {
        fx = new CatalogFixture(dir);
        report = new CoverageReport(fx.db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void everyAnsweredCallRecordedIsFullCoverage() throws Exception {
        answered("c1", MORNING, MORNING.plusSeconds(60));
        fx.addRecording("c1", MORNING.plusSeconds(61), CatalogFixture.wav(320));
        fx.addCall(CallRecord.started("ab", CallDirection.IN, "span0/ts2", "0301", "100", MORNING)
                .withQueue("sales").withEnd(MORNING.plusSeconds(30), CallDisposition.ABANDONED, "16"));

        CoverageReport.Coverage c = report.forDay(DAY, BERLIN);

        assertTrue(c.ok());
        assertEquals(1, c.answered());
        assertEquals(1, c.recorded());
        assertEquals(100.0, c.percent());
        assertEquals("recording coverage 2026-03-02: 100.0 % (1/1)", c.alarmText());
    }

    @Test
    void gapsAreNamedWithTheirReason() throws Exception {
        answered("good", MORNING, MORNING.plusSeconds(60));
        fx.addRecording("good", MORNING.plusSeconds(61), CatalogFixture.wav(320));
        answered("none", MORNING.plusSeconds(100), MORNING.plusSeconds(160));
        answered("tampered", MORNING.plusSeconds(200), MORNING.plusSeconds(260));
        Path f = fx.addRecording("tampered", MORNING.plusSeconds(261), CatalogFixture.wav(320));
        Files.write(f, CatalogFixture.wav(322));
        new RecordingVerifier(fx.catalog, Clock.fixed(NOW, ZoneOffset.UTC)).verifyAll();
        answered("cut", MORNING.plusSeconds(300), MORNING.plusSeconds(360));
        fx.catalogue("cut", MORNING.plusSeconds(361), "2026/03/02/cut.wav", "b".repeat(64),
                Map.of(CallEventTypes.WRITE_ERROR, "No space left on device"));
        answered("silent", MORNING.plusSeconds(400), MORNING.plusSeconds(460));
        fx.catalogue("silent", MORNING.plusSeconds(461), "2026/03/02/silent.wav", "c".repeat(64), Map.of());
        try (var conn = fx.db.dataSource().getConnection(); var st = conn.createStatement()) {
            st.executeUpdate("UPDATE recording SET duration_ms = 0 WHERE call_id = 'silent'");
        }

        CoverageReport.Coverage c = report.forDay(DAY, BERLIN);

        assertFalse(c.ok());
        assertEquals(5, c.answered());
        assertEquals(1, c.recorded());
        assertEquals(List.of("none NO_RECORDING", "tampered CHANGED", "cut INCOMPLETE", "silent ZERO_LENGTH"),
                c.gaps().stream().map(g -> g.callId() + " " + g.reason()).toList());
        assertEquals("a7", c.gaps().get(0).agentId());
        assertEquals(20.0, c.percent());
        assertTrue(c.alarmText().contains("none NO_RECORDING, tampered CHANGED"), c.alarmText());
    }

    @Test
    void callJustEndedIsPendingNotAGap() throws Exception {
        answered("fresh", NOW.minusSeconds(120), NOW.minusSeconds(30));

        CoverageReport.Coverage c = report.forDay(DAY, BERLIN);

        assertTrue(c.ok());
        assertEquals(1, c.pending());
        assertEquals(100.0, c.percent());
    }

    @Test
    void dayIsTheSitesLocalDay() throws Exception {
        // 23:30 UTC on March 1st is already March 2nd in Berlin; 23:30 UTC on March 2nd is March 3rd
        answered("early", Instant.parse("2026-03-01T23:30:00Z"), Instant.parse("2026-03-01T23:31:00Z"));
        answered("late", Instant.parse("2026-03-02T23:30:00Z"), Instant.parse("2026-03-02T23:31:00Z"));

        CoverageReport.Coverage c = report.forDay(DAY, BERLIN);

        assertEquals(List.of("early"), c.gaps().stream().map(CoverageReport.Gap::callId).toList());
    }

    @Test
    void deletedRecordingIsAGap() throws Exception {
        answered("old", MORNING, MORNING.plusSeconds(60));
        fx.addRecording("old", MORNING.plusSeconds(61), CatalogFixture.wav(320));
        fx.catalog.markDeleted("old", NOW, "technician");

        assertEquals(CoverageReport.Reason.DELETED, report.forDay(DAY, BERLIN).gaps().get(0).reason());
    }

    private void answered(String callId, Instant start, Instant end) throws Exception {
        fx.addCall(CallRecord.started(callId, CallDirection.IN, "span0/ts1", "0301", "100", start)
                .withQueue("sales").withAgent("a7", "3").withAnsweredAt(start.plusSeconds(5))
                .withEnd(end, CallDisposition.ANSWERED, "16"));
    }
}
