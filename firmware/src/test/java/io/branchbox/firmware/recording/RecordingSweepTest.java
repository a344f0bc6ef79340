package io.branchbox.firmware.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.time.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, problem 7: the checksum sweep covers every recording within its cycle however many
 * there are, and checks new recordings first. Virtual time; the pace is scaled down (one run an
 * 4 hours instead of every 5 minutes) so a "full disk" is 150 files instead of 100,000: a fixed
 * batch of 20 would check 120 a day and never reach the last 30.
 */
@Tag("faults")
class RecordingSweepTest {
    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
    private static final RecordingVerifier.Sweep SLOW = new RecordingVerifier.Sweep(Duration.ofHours(4),
            Duration.ofDays(1), 20, 20);
    private static final int RECORDINGS = 150;

    @TempDir
    Path dir;
    private CatalogFixture fx;
    private ManualScheduler scheduler;
    private RecordingVerifier verifier;
    private final List<RecordingVerifier.Report> reports = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        fx = new CatalogFixture(dir);
        scheduler = new ManualScheduler(NOW, ZoneOffset.UTC);
        verifier = new RecordingVerifier(fx.catalog, scheduler.clock());
        byte[] wav = CatalogFixture.wav(160);
        for (int i = 0; i < RECORDINGS; i++) {
            fx.addRecording(String.format("R%04d", i), NOW.minus(Duration.ofMinutes(RECORDINGS - i)), wav);
        }
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void everyRecordingIsCheckedWithinADayAndADamagedOldOneIsFound() throws Exception {
        // the oldest recording is verified once, then damaged: it is due last of all
        verifier.verify(fx.catalog.find("R0000").orElseThrow());
        Files.write(fx.catalog.resolve(fx.catalog.find("R0000").orElseThrow()), CatalogFixture.wav(200));
        verifier.schedule(scheduler, SLOW, reports::add);

        scheduler.advance(Duration.ofDays(1));

        assertEquals(6, reports.size(), "one run every 4 hours");
        for (int i = 0; i < RECORDINGS; i++) {
            CatalogEntry e = fx.catalog.find(String.format("R%04d", i)).orElseThrow();
            assertTrue(e.lastVerifiedAt() != null && e.lastVerifiedAt().isAfter(NOW), e.callId() + " checked within the day");
        }
        assertEquals(VerifyStatus.CHANGED, fx.catalog.find("R0000").orElseThrow().verifyStatus(), "damage found");
    }

    @Test
    void aNewRecordingIsCheckedAtTheNextRunBeforeTheBacklog() throws Exception {
        verifier.schedule(scheduler, SLOW, reports::add);
        scheduler.advance(Duration.ofHours(6));
        fx.addRecording("NEW", scheduler.clock().instant(), CatalogFixture.wav(160));

        scheduler.advance(Duration.ofHours(2));

        assertEquals(2, reports.size());
        assertEquals("NEW", reports.get(1).checks().get(0).callId(), "the newest first");
        assertEquals(VerifyStatus.OK, fx.catalog.find("NEW").orElseThrow().verifyStatus());
        long unchecked = 0;
        for (int i = 0; i < RECORDINGS; i++) {
            unchecked += fx.catalog.find(String.format("R%04d", i)).orElseThrow().lastVerifiedAt() == null ? 1 : 0;
        }
        assertTrue(unchecked >= 50, "while most of the backlog still waits: " + unchecked);
    }

    @Test
    void theBatchGrowsWithTheCatalogue() {
        assertEquals(20, RecordingVerifier.Sweep.DEFAULT.batchFor(1000), "a small disk: the minimum");
        assertEquals(348, RecordingVerifier.Sweep.DEFAULT.batchFor(100_000), "100,000 files over 288 runs");
    }
}
