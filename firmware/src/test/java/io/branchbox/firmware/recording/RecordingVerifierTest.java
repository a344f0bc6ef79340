package io.branchbox.firmware.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.store.CallDirection;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.time.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingVerifierTest {
    private static final Instant NOW = Instant.parse("2026-03-03T02:00:00Z");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;
    private CatalogFixture fx;
    private ManualScheduler scheduler;
    private RecordingVerifier verifier;

    @BeforeEach
    void open() {
        fx = new CatalogFixture(dir);
        scheduler = new ManualScheduler(NOW, ZoneOffset.UTC);
        verifier = new RecordingVerifier(fx.catalog, scheduler.clock());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void untouchedFileIsOkAndItsSizeIsStored() throws Exception {
        fx.addCall(CallRecord.started("ok", CallDirection.IN, "span0/ts1", "0301", "100", T0.minusSeconds(60)));
        fx.addRecording("ok", T0, CatalogFixture.wav(3200));

        RecordingVerifier.Report r = verifier.verifyAll();

        assertEquals(List.of(new RecordingVerifier.Check("ok", "2026/03/02/ok.wav", VerifyStatus.OK, 3258L)), r.checks());
        assertTrue(r.clean());
        CatalogEntry e = fx.catalog.find("ok").orElseThrow();
        assertEquals(VerifyStatus.OK, e.verifyStatus());
        assertEquals(NOW, e.lastVerifiedAt());
        assertEquals(3258L, e.bytes());
    }

    @Test
    void tamperedMissingAndEmptyFilesAreEachNamed() throws Exception {
        fx.addRecording("ok", T0, CatalogFixture.wav(3200));
        Path changed = fx.addRecording("changed", T0, CatalogFixture.wav(3200));
        Path missing = fx.addRecording("missing", T0, CatalogFixture.wav(3200));
        Path empty = fx.addRecording("empty", T0, CatalogFixture.wav(3200));
        Path headerOnly = fx.addRecording("header-only", T0, CatalogFixture.wav(0));
        // one sample byte flipped in the middle: same size, different content
        byte[] b = Files.readAllBytes(changed);
        b[1000] ^= 1;
        Files.write(changed, b);
        Files.delete(missing);
        Files.write(empty, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);

        RecordingVerifier.Report r = verifier.verifyAll();

        assertEquals(VerifyStatus.OK, status(r, "ok"));
        assertEquals(VerifyStatus.CHANGED, status(r, "changed"));
        assertEquals(VerifyStatus.MISSING, status(r, "missing"));
        assertEquals(VerifyStatus.ZERO_LENGTH, status(r, "empty"));
        assertEquals(VerifyStatus.ZERO_LENGTH, status(r, "header-only"));
        assertEquals(4, r.problems().size());
        assertEquals(VerifyStatus.CHANGED, fx.catalog.find("changed").orElseThrow().verifyStatus());
        assertEquals(VerifyStatus.MISSING, fx.catalog.find("missing").orElseThrow().verifyStatus());
        assertTrue(Files.exists(headerOnly));
    }

    @Test
    void recordingWithoutChecksumCannotBeProven() throws Exception {
        Path f = fx.recordings.resolve("2026/03/02/nosum.wav");
        Files.createDirectories(f.getParent());
        Files.write(f, CatalogFixture.wav(320));
        fx.catalogue("nosum", T0, f.toString(), null, Map.of());

        assertEquals(VerifyStatus.NO_CHECKSUM, status(verifier.verifyAll(), "nosum"));
    }

    @Test
    void orphanFilesAreFoundButFilesStillBeingWrittenAreNot() throws Exception {
        fx.addRecording("known", T0, CatalogFixture.wav(320));
        Path orphan = fx.recordings.resolve("2026/03/01/lost.wav");
        Path recordingNow = fx.recordings.resolve("2026/03/03/live.wav");
        Path notAudio = fx.recordings.resolve("2026/03/01/notes.txt");
        for (Path p : List.of(orphan, recordingNow, notAudio)) {
            Files.createDirectories(p.getParent());
            Files.write(p, CatalogFixture.wav(320));
        }
        Files.setLastModifiedTime(orphan, FileTime.from(NOW.minus(Duration.ofHours(5))));
        Files.setLastModifiedTime(fx.recordings.resolve("2026/03/02/known.wav"), FileTime.from(NOW.minus(Duration.ofHours(5))));
        Files.setLastModifiedTime(recordingNow, FileTime.from(NOW.minusSeconds(1)));
        Files.setLastModifiedTime(notAudio, FileTime.from(NOW.minus(Duration.ofHours(5))));

        assertEquals(List.of("2026/03/01/lost.wav"), verifier.findOrphans());
    }

    @Test
    void recordingWhoseCallHasNoRecordIsNamed() throws Exception {
        fx.addCall(CallRecord.started("known", CallDirection.IN, "span0/ts1", "0301", "100", T0.minusSeconds(60)));
        fx.addRecording("known", T0, CatalogFixture.wav(320));
        fx.addRecording("stray", T0, CatalogFixture.wav(320));

        RecordingVerifier.Report r = verifier.verifyAll();

        assertEquals(List.of("stray"), r.withoutCallRecord());
        assertTrue(r.problems().isEmpty());
        assertFalse(r.clean());
    }

    @Test
    void fileOfADeletedRowIsAnOrphan() throws Exception {
        Path f = fx.addRecording("gone", T0, CatalogFixture.wav(320));
        Files.setLastModifiedTime(f, FileTime.from(NOW.minus(Duration.ofDays(1))));
        fx.catalog.markDeleted("gone", NOW, "retention");

        RecordingVerifier.Report r = verifier.verifyAll();

        assertTrue(r.checks().isEmpty());
        assertEquals(List.of("2026/03/02/gone.wav"), r.orphans());
        assertFalse(r.clean());
    }

    @Test
    void batchesWalkRoundTheCatalogLongestUnverifiedFirst() throws Exception {
        for (int i = 0; i < 5; i++) {
            fx.addRecording("c" + i, T0.plusSeconds(i), CatalogFixture.wav(320));
        }
        List<RecordingVerifier.Report> reports = new ArrayList<>();
        var timer = verifier.schedule(scheduler, Duration.ofMinutes(5), 2, reports::add);

        scheduler.advance(Duration.ofMinutes(5));
        scheduler.advance(Duration.ofMinutes(5));
        scheduler.advance(Duration.ofMinutes(5));
        scheduler.advance(Duration.ofMinutes(5));
        timer.cancel();

        assertEquals(4, reports.size());
        assertEquals(List.of("c0", "c1"), ids(reports.get(0)));
        assertEquals(List.of("c2", "c3"), ids(reports.get(1)));
        assertEquals(List.of("c4", "c0"), ids(reports.get(2)));
        assertEquals(List.of("c1", "c2"), ids(reports.get(3)));
        assertNotNull(fx.catalog.find("c4").orElseThrow().lastVerifiedAt());
    }

    @Test
    void verifyAllChecksMoreRowsThanOneInternalPage() throws Exception {
        for (int i = 0; i < 205; i++) {
            fx.addRecording(String.format("c%03d", i), T0.plusSeconds(i), CatalogFixture.wav(2));
        }

        RecordingVerifier.Report r = verifier.verifyAll();

        assertEquals(205, r.checks().size());
        assertEquals(205, r.count(VerifyStatus.OK));
    }

    private static VerifyStatus status(RecordingVerifier.Report r, String callId) {
        return r.checks().stream().filter(c -> c.callId().equals(callId)).findFirst().orElseThrow().status();
    }

    private static List<String> ids(RecordingVerifier.Report r) {
        return r.checks().stream().map(RecordingVerifier.Check::callId).toList();
    }
}
