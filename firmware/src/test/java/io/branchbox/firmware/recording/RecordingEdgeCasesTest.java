package io.branchbox.firmware.recording;

import static io.branchbox.firmware.journal.CallEventTypes.DURATION_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.store.CallDirection;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.time.ManualScheduler;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calls at the edges, from recorder through catalog to coverage: a call that ends the moment
 * it starts, a caller who hangs up in the IVR, and a disk that fills up in the middle of a call
 * while another call is recorded on a healthy disk.
 */
class RecordingEdgeCasesTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;
    private final ManualScheduler scheduler = new ManualScheduler(START, ZoneOffset.UTC);
    private CatalogFixture fx;
    private CoverageReport coverage;

    @BeforeEach
    void open() {
        fx = new CatalogFixture(dir);
        coverage = new CoverageReport(fx.db.dataSource(), Clock.fixed(START.plus(Duration.ofHours(1)), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void callEndedTheMomentItStartedLeavesAnEmptyValidFileThatCoverageNamesAsZeroLength() throws Exception {
        RecordingService service = new RecordingService(fx.recordings, scheduler, RecordingStatusListener.NONE);
        Recording rec = service.start("instant", START);
        var done = rec.finish();
        scheduler.runPending();
        RecordingResult r = done.join();

        assertEquals(0, r.dataBytes());
        assertEquals(0, r.durationMs());
        assertTrue(r.complete(), "nothing was lost: nothing was said");
        byte[] file = Files.readAllBytes(r.file());
        assertEquals(AlawWav.HEADER_BYTES, file.length);
        assertTrue(AlawWav.parse(ByteBuffer.wrap(file)).sizesMatch(0));

        answered("instant", START, START);
        catalogue(r);
        assertEquals(List.of("instant ZERO_LENGTH"), gaps());
        new RecordingVerifier(fx.catalog, scheduler.clock()).verifyAll();
        assertEquals(VerifyStatus.ZERO_LENGTH, fx.catalog.find("instant").orElseThrow().verifyStatus());
        assertEquals(List.of("instant ZERO_LENGTH"), gaps(), "still a gap after verification");
    }

    @Test
    void callerWhoHangsUpInTheIvrIsNotAnAnsweredCallWithOrWithoutARecordingOfTheIvr() throws Exception {
        fx.addCall(CallRecord.started("ivr-only", CallDirection.IN, "span0/ts1", "0301", "100", START)
                .withEnd(START.plusSeconds(12), CallDisposition.ABANDONED, "16"));
        // with recording.recordIvr the IVR part was recorded; it must neither count nor be a gap
        RecordingService service = new RecordingService(fx.recordings, scheduler, RecordingStatusListener.NONE);
        Recording rec = service.start("ivr-rec", START);
        scheduler.runPending();
        byte[] frame = new byte[AlawWav.FRAME_SAMPLES];
        for (int k = 0; k < 50; k++) {
            rec.write(frame, 0, frame, 0);
            scheduler.advance(Duration.ofMillis(20));
        }
        var done = rec.finish();
        scheduler.runPending();
        fx.addCall(CallRecord.started("ivr-rec", CallDirection.IN, "span0/ts2", "0302", "100", START)
                .withEnd(START.plusSeconds(1), CallDisposition.ABANDONED, "16"));
        catalogue(done.join());

        CoverageReport.Coverage c = coverage.forDay(DAY, ZoneOffset.UTC);

        assertEquals(0, c.answered());
        assertTrue(c.ok());
        assertEquals(100.0, c.percent());
        RecordingVerifier.Report v = new RecordingVerifier(fx.catalog, scheduler.clock()).verifyAll();
        assertEquals(1, v.count(VerifyStatus.OK));
        assertEquals(List.of(), v.withoutCallRecord(), "the IVR recording belongs to its abandoned call");
    }

    @Test
    void diskFullInTheMiddleOfACallEndsThatFileValidAndCoverageNamesItIncomplete() throws Exception {
        Path full = fx.recordings.resolve("2026/03/02/full.wav");
        long limit = AlawWav.HEADER_BYTES + 100L * AlawWav.STEREO_FRAME_BYTES + 7;
        List<String> errors = new java.util.ArrayList<>();
        RecordingStatusListener listener = new RecordingStatusListener() {
            @Override
            public void onWriteError(String callId, Path file, java.io.IOException error) {
                errors.add(callId);
            }

            @Override
            public void onFramesLost(String callId, long lostSoFar) {
                errors.add(callId + " lost");
            }
        };
        RecordingService service = new RecordingService(fx.recordings, scheduler, listener,
                RecordingService.DEFAULT_RING_FRAMES,
                f -> f.equals(full) ? new DiskFullChannel(f, limit) : ChannelOpener.DEFAULT.open(f));
        Recording fullRec = service.start("full", START);
        Recording okRec = service.start("ok", START);
        scheduler.runPending();
        byte[] frame = new byte[AlawWav.FRAME_SAMPLES];
        for (int k = 0; k < 250; k++) {
            fullRec.write(frame, 0, frame, 0);
            okRec.write(frame, 0, frame, 0);
            scheduler.advance(Duration.ofMillis(20));
        }
        var fullDone = fullRec.finish();
        var okDone = okRec.finish();
        scheduler.runPending();
        RecordingResult fullResult = fullDone.join();
        RecordingResult okResult = okDone.join();

        assertEquals(List.of("full"), errors);
        assertNotNull(fullResult.writeError());
        assertEquals(100L * AlawWav.STEREO_FRAME_BYTES, fullResult.dataBytes());
        assertEquals(150, fullResult.lostFrames());
        assertTrue(okResult.complete());
        assertEquals(250L * AlawWav.STEREO_FRAME_BYTES, okResult.dataBytes());
        assertEquals(RecordingRepair.Outcome.INTACT, RecordingRepair.repair(full), "the writer already fixed the header");

        answered("full", START, START.plusSeconds(5));
        answered("ok", START, START.plusSeconds(5));
        catalogue(fullResult);
        catalogue(okResult);
        assertEquals(List.of("full INCOMPLETE"), gaps());
        assertEquals(50.0, coverage.forDay(DAY, ZoneOffset.UTC).percent());
    }

    private List<String> gaps() throws Exception {
        return coverage.forDay(DAY, ZoneOffset.UTC).gaps().stream().map(g -> g.callId() + " " + g.reason()).toList();
    }

    private void answered(String callId, Instant start, Instant end) throws Exception {
        fx.addCall(CallRecord.started(callId, CallDirection.IN, "span0/ts1", "0301", "100", start)
                .withQueue("sales").withAgent("a7", "3").withAnsweredAt(start)
                .withEnd(end, CallDisposition.ANSWERED, "16"));
    }

    /** The integrator's mapping of a result onto the recording.finished event. */
    private void catalogue(RecordingResult r) throws Exception {
        Map<String, String> extra = new HashMap<>();
        extra.put(DURATION_MS, String.valueOf(r.durationMs()));
        extra.put(CallEventTypes.LOST_FRAMES, String.valueOf(r.lostFrames()));
        extra.put(CallEventTypes.BYTES, String.valueOf(Files.size(r.file())));
        if (r.writeError() != null) {
            extra.put(CallEventTypes.WRITE_ERROR, r.writeError());
        }
        fx.catalogue(r.callId(), scheduler.clock().instant(), r.file().toString(), r.sha256(), extra);
    }
}
