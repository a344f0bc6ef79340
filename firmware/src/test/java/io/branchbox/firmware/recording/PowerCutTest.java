package io.branchbox.firmware.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.store.CallDirection;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.firmware.testdisk.PowerCutFiles;
import io.branchbox.time.ManualScheduler;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The power-cut test: 30 calls recorded at once, each fed a frame every 20 ms, and the
 * power cut at a random moment on a disk that keeps only what was forced (sometimes with a torn
 * write-back of the rest). After the restart's repair every file must be a valid WAV holding a
 * prefix of exactly the audio written, short by at most one second, the finished recordings
 * untouched, and coverage and verification must tell the truth about what survived.
 *
 * <p>The journal and the database are taken as durable (they have their own power-cut tests):
 * what the box had journaled before the cut is replayed into a fresh catalog after it.
 */
class PowerCutTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final int CALLS = 30;
    private static final long MAX_LOST_MS = 1000;

    @TempDir
    Path dir;

    /** One call as the test drives it: what was written to its recording, and how it ended. */
    private static final class Call {
        final String id;
        final int index;
        Recording rec;
        Instant startedAt;
        int framesWritten;
        Instant endedAt;
        RecordingResult result;

        Call(String id, int index) {
            this.id = id;
            this.index = index;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void everyRecordingSurvivesARandomPowerCutWithAtMostOneSecondLost(long seed) throws Exception {
        Random random = new Random(seed);
        ManualScheduler scheduler = new ManualScheduler(START, ZoneOffset.UTC);
        PowerCutFiles disk = new PowerCutFiles();
        try (CatalogFixture fx = new CatalogFixture(dir)) {
            RecordingService service = new RecordingService(fx.recordings, scheduler, RecordingStatusListener.NONE,
                    RecordingService.DEFAULT_RING_FRAMES, disk.recordings());
            List<Call> calls = new ArrayList<>();
            List<Call> live = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                Call call = new Call("s" + seed + "-c" + i, i);
                calls.add(call);
                long startMs = random.nextInt(5_000);
                long lengthMs = 2_000 + random.nextInt(38_000);
                scheduler.schedule(Duration.ofMillis(startMs), () -> {
                    call.startedAt = scheduler.clock().instant();
                    call.rec = service.start(call.id, call.startedAt);
                    live.add(call);
                });
                scheduler.schedule(Duration.ofMillis(startMs + lengthMs), () -> {
                    live.remove(call);
                    call.endedAt = scheduler.clock().instant();
                    call.rec.finish().thenAccept(r -> call.result = r);
                });
            }
            byte[] left = new byte[AlawWav.FRAME_SAMPLES];
            byte[] right = new byte[AlawWav.FRAME_SAMPLES];
            // the audio thread: one frame per live call every 20 ms
            scheduler.scheduleAtFixedRate(Duration.ofMillis(20), Duration.ofMillis(20), () -> {
                for (Call c : live) {
                    fill(c, c.framesWritten, left, right);
                    c.rec.write(left, 0, right, 0);
                    c.framesWritten++;
                }
            });
            long cutMs = 15_000 + random.nextInt(15_000);
            scheduler.advance(Duration.ofMillis(cutMs));
            disk.cut(random);

            // restart: repair first, then replay what was journaled
            RecordingRepair.Report repair = RecordingRepair.repairAll(fx.recordings);
            assertEquals(List.of(), repair.skipped());
            assertEquals(CALLS, repair.scanned(), "every call started before the cut has a file");
            Instant restartedAt = START.plusMillis(cutMs).plus(Duration.ofMinutes(10));
            for (Call c : calls) {
                checkFile(c);
                replay(fx, c);
            }

            List<Call> finished = calls.stream().filter(c -> c.result != null).toList();
            List<Call> cutOff = calls.stream().filter(c -> c.result == null).toList();
            assertTrue(!cutOff.isEmpty(), "the cut caught calls in progress");
            CoverageReport.Coverage coverage = new CoverageReport(fx.db.dataSource(), Clock.fixed(restartedAt, ZoneOffset.UTC))
                    .forDay(LocalDate.of(2026, 3, 2), ZoneOffset.UTC);
            assertEquals(finished.size(), coverage.answered(), "calls cut off by the power have no end, so they are not judged");
            assertEquals(finished.size(), coverage.recorded());
            assertTrue(coverage.ok(), coverage.alarmText());

            // the orphan scan compares real file times, so it needs a real clock
            RecordingVerifier.Report verified = new RecordingVerifier(fx.catalog,
                    Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)), Duration.ZERO).verifyAll();
            assertEquals(finished.size(), verified.count(VerifyStatus.OK), "finished recordings are untouched by the repair");
            assertEquals(names(fx, cutOff), new TreeSet<>(verified.orphans()),
                    "recordings cut off by the power are found, not lost: they are the orphans");
        }
    }

    @org.junit.jupiter.api.Test
    void cutJustBeforeTheFirstForceOfAFileOpenedBetweenDrainTicksLosesAtMostOneSecond() throws Exception {
        ManualScheduler scheduler = new ManualScheduler(START, ZoneOffset.UTC);
        PowerCutFiles disk = new PowerCutFiles();
        Path recordings = dir.resolve("rec");
        RecordingService service = new RecordingService(recordings, scheduler, RecordingStatusListener.NONE,
                RecordingService.DEFAULT_RING_FRAMES, disk.recordings());
        Call call = new Call("odd", 0);
        // drain ticks fall on every 100 ms; this file opens 50 ms after one
        scheduler.advance(Duration.ofMillis(50));
        call.rec = service.start(call.id, scheduler.clock().instant());
        scheduler.runPending();
        byte[] left = new byte[AlawWav.FRAME_SAMPLES];
        byte[] right = new byte[AlawWav.FRAME_SAMPLES];
        scheduler.scheduleAtFixedRate(Duration.ofMillis(10), Duration.ofMillis(20), () -> {
            fill(call, call.framesWritten, left, right);
            call.rec.write(left, 0, right, 0);
            call.framesWritten++;
        });
        // the last moment before the tick at 1100 ms, a whole second after the file was opened
        scheduler.advance(Duration.ofMillis(1099 - 50));
        disk.cut(null);
        RecordingRepair.repairAll(recordings);

        checkFile(call);
    }

    /** The file is a valid WAV holding a prefix of what was written, at most a second short. */
    private static void checkFile(Call c) throws Exception {
        byte[] file = Files.readAllBytes(c.rec.file());
        AlawWav.Header h = AlawWav.parse(ByteBuffer.wrap(file));
        assertNotNull(h, c.id);
        long data = file.length - AlawWav.HEADER_BYTES;
        assertTrue(h.isBoxLayout() && h.sizesMatch(data), c.id + ": " + h);
        long writtenBytes = (long) c.framesWritten * AlawWav.STEREO_FRAME_BYTES;
        assertTrue(data <= writtenBytes, c.id + ": more on disk than written");
        long lostMs = AlawWav.durationMs(writtenBytes - data);
        assertTrue(lostMs <= MAX_LOST_MS, c.id + ": " + lostMs + " ms lost");
        if (c.result != null) {
            assertEquals(writtenBytes, data, c.id + " finished before the cut");
            assertEquals(c.result.sha256(), FileHash.of(c.rec.file()), c.id);
        }
        byte[] left = new byte[AlawWav.FRAME_SAMPLES];
        byte[] right = new byte[AlawWav.FRAME_SAMPLES];
        for (int at = 0; at < data; at += AlawWav.STEREO_FRAME_BYTES) {
            int frame = at / AlawWav.STEREO_FRAME_BYTES;
            fill(c, frame, left, right);
            for (int s = 0; s < AlawWav.FRAME_SAMPLES && at + 2 * s < data; s++) {
                int pos = AlawWav.HEADER_BYTES + at + 2 * s;
                assertEquals(left[s], file[pos], c.id + " frame " + frame + " left sample " + s);
                assertEquals(right[s], file[pos + 1], c.id + " frame " + frame + " right sample " + s);
            }
        }
    }

    /** What the journal held before the cut, applied to the restarted box's database. */
    private static void replay(CatalogFixture fx, Call c) throws Exception {
        Instant started = c.startedAt;
        CallRecord record = CallRecord.started(c.id, CallDirection.IN, "span0/ts" + (c.index + 1), "0301" + c.index, "100", started)
                .withQueue("sales").withAgent("a" + c.index, String.valueOf(c.index)).withAnsweredAt(started);
        if (c.endedAt != null) {
            record = record.withEnd(c.endedAt, CallDisposition.ANSWERED, "16");
        }
        fx.addCall(record);
        if (c.result != null) {
            fx.catalogue(c.id, c.endedAt, c.result.file().toString(), c.result.sha256(), Map.of(
                    CallEventTypes.LOST_FRAMES, String.valueOf(c.result.lostFrames()),
                    io.branchbox.firmware.journal.CallEventTypes.DURATION_MS, String.valueOf(c.result.durationMs())));
        }
    }

    private static Set<String> names(CatalogFixture fx, List<Call> calls) {
        return calls.stream().map(c -> fx.catalog.nameOf(c.rec.file())).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Frame {@code k} of call {@code c}: different per call, frame and sample, so misplaced bytes show. */
    private static void fill(Call c, int k, byte[] left, byte[] right) {
        for (int s = 0; s < AlawWav.FRAME_SAMPLES; s++) {
            left[s] = (byte) (k * 7 + s + c.index);
            right[s] = (byte) (k * 13 - s + 31 * c.index);
        }
    }
}
