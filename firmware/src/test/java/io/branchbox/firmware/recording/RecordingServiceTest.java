package io.branchbox.firmware.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.time.ManualScheduler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingServiceTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> alarms = new CopyOnWriteArrayList<>();
    private final RecordingStatusListener listener = new RecordingStatusListener() {
        @Override
        public void onWriteError(String callId, Path file, IOException error) {
            alarms.add("error " + callId + " " + error.getMessage());
        }

        @Override
        public void onFramesLost(String callId, long lostSoFar) {
            alarms.add("lost " + callId + " " + lostSoFar);
        }
    };

    @Test
    void framesAreInterleavedCallerLeftAgentRightAndTheResultDescribesTheFile() throws Exception {
        RecordingService service = new RecordingService(dir, scheduler, listener);
        Recording rec = service.start("call-1", START);
        scheduler.runPending();
        for (int k = 0; k < 50; k++) {
            writeFrame(rec, k);
            scheduler.advance(Duration.ofMillis(20));
        }
        RecordingResult r = finish(rec);

        assertEquals(dir.resolve("2026/01/01/call-1.wav"), r.file());
        assertEquals(50 * 320, r.dataBytes());
        assertEquals(50 * 20, r.durationMs());
        assertEquals(0, r.lostFrames());
        assertTrue(r.complete());
        byte[] file = Files.readAllBytes(r.file());
        assertEquals(AlawWav.HEADER_BYTES + 50 * 320, file.length);
        assertTrue(AlawWav.parse(ByteBuffer.wrap(file)).sizesMatch(50 * 320));
        for (int k = 0; k < 50; k++) {
            for (int i = 0; i < 160; i++) {
                int at = AlawWav.HEADER_BYTES + k * 320 + 2 * i;
                assertEquals(left(k, i), file[at], "left sample " + i + " of frame " + k);
                assertEquals(right(k, i), file[at + 1], "right sample " + i + " of frame " + k);
            }
        }
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)), r.sha256());
    }

    @Test
    void headerOnDiskIsUpdatedAtEveryForceWithoutFinish() throws Exception {
        RecordingService service = new RecordingService(dir, scheduler, listener);
        Recording rec = service.start("call-2", START);
        scheduler.runPending();
        for (int k = 0; k < 60; k++) {
            writeFrame(rec, k);
        }
        scheduler.advance(Duration.ofSeconds(1));

        AlawWav.Header h = AlawWav.parse(ByteBuffer.wrap(Files.readAllBytes(rec.file())));
        assertEquals(60 * 320, h.dataSize());
        assertEquals(AlawWav.HEADER_BYTES + 60 * 320, Files.size(rec.file()));
    }

    @Test
    void crashBeforeFinishLeavesAFileThatRepairMakesExact() throws Exception {
        RecordingService service = new RecordingService(dir.resolve("live"), scheduler, listener);
        Recording rec = service.start("call-3", START);
        scheduler.runPending();
        for (int k = 0; k < 60; k++) {
            writeFrame(rec, k);
        }
        scheduler.advance(Duration.ofSeconds(1));
        for (int k = 60; k < 85; k++) {
            writeFrame(rec, k);
        }
        scheduler.advance(Duration.ofMillis(100));
        // the power cut: the samples after the last force are on disk, the header is a second behind,
        // and a half sample frame made it too
        Path crashed = dir.resolve("after-crash/2026/01/01/call-3.wav");
        Files.createDirectories(crashed.getParent());
        Files.copy(rec.file(), crashed);
        Files.write(crashed, new byte[] {0x55}, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(60 * 320, AlawWav.parse(ByteBuffer.wrap(Files.readAllBytes(crashed))).dataSize());

        RecordingRepair.Report report = RecordingRepair.repairAll(dir.resolve("after-crash"));

        assertEquals(List.of(crashed), report.repaired());
        byte[] file = Files.readAllBytes(crashed);
        assertEquals(AlawWav.HEADER_BYTES + 85 * 320, file.length);
        AlawWav.Header h = AlawWav.parse(ByteBuffer.wrap(file));
        assertTrue(h.sizesMatch(85 * 320), h.toString());
        assertEquals(85 * 20, AlawWav.durationMs(h.dataSize()));
        assertEquals(left(84, 159), file[file.length - 2]);
    }

    @Test
    void fullRingCountsLostFramesInsteadOfBlocking() throws Exception {
        RecordingService service = new RecordingService(dir, scheduler, listener, 4, ChannelOpener.DEFAULT);
        Recording rec = service.start("call-4", START);
        scheduler.runPending();
        // the disk stalls: the writer does not run while ten frames arrive
        for (int k = 0; k < 10; k++) {
            writeFrame(rec, k);
        }
        assertEquals(6, rec.lostFrames());
        scheduler.advance(Duration.ofMillis(100));
        writeFrame(rec, 10);

        RecordingResult r = finish(rec);

        assertEquals(5 * 320, r.dataBytes());
        assertEquals(6, r.lostFrames());
        assertEquals(List.of("lost call-4 6"), alarms);
        byte[] file = Files.readAllBytes(r.file());
        assertEquals(left(10, 0), file[AlawWav.HEADER_BYTES + 4 * 320]);
    }

    @Test
    void diskFullEndsTheFileAtTheLastWholeFrameAndRaisesTheAlarm() throws Exception {
        long limit = AlawWav.HEADER_BYTES + 3 * 320 + 100;
        RecordingService service = new RecordingService(dir, scheduler, listener,
                RecordingService.DEFAULT_RING_FRAMES, f -> new DiskFullChannel(f, limit));
        Recording rec = service.start("call-5", START);
        scheduler.runPending();
        for (int k = 0; k < 3; k++) {
            writeFrame(rec, k);
        }
        scheduler.advance(Duration.ofMillis(100));
        for (int k = 3; k < 8; k++) {
            writeFrame(rec, k);
        }
        scheduler.advance(Duration.ofMillis(100));
        assertEquals(List.of("error call-5 No space left on device"), alarms);
        writeFrame(rec, 8);

        RecordingResult r = finish(rec);

        assertNotNull(r.writeError());
        assertEquals(3 * 320, r.dataBytes());
        assertEquals(6, r.lostFrames());
        byte[] file = Files.readAllBytes(r.file());
        assertEquals(AlawWav.HEADER_BYTES + 3 * 320, file.length);
        assertTrue(AlawWav.parse(ByteBuffer.wrap(file)).sizesMatch(3 * 320));
    }

    @Test
    void unsafeCallIdIsRefusedAndWritesAfterFinishAreIgnored() throws Exception {
        RecordingService service = new RecordingService(dir, scheduler, listener);
        assertThrows(IllegalArgumentException.class, () -> service.start("../etc/passwd", START));
        Recording rec = service.start("call-6", START);
        scheduler.runPending();
        writeFrame(rec, 0);
        CompletableFuture<RecordingResult> f = rec.finish();
        writeFrame(rec, 1);
        scheduler.runPending();
        assertEquals(320, f.getNow(null).dataBytes());
        assertNull(f.getNow(null).writeError());
    }

    @Test
    void reusedCallIdGetsASuffixInsteadOfOverwritingOrLosingARecording() throws Exception {
        RecordingService service = new RecordingService(dir, scheduler, listener);
        Recording first = service.start("call-8", START);
        scheduler.runPending();
        writeFrame(first, 0);
        RecordingResult one = finish(first);
        Recording second = service.start("call-8", START);
        scheduler.runPending();
        writeFrame(second, 1);
        writeFrame(second, 2);
        RecordingResult two = finish(second);

        assertEquals(dir.resolve("2026/01/01/call-8.wav"), one.file());
        assertEquals(dir.resolve("2026/01/01/call-8-2.wav"), two.file());
        assertEquals(two.file(), second.file());
        assertEquals(AlawWav.HEADER_BYTES + 320, Files.size(one.file()));
        assertEquals(640, two.dataBytes());
        assertTrue(alarms.isEmpty());
    }

    @Test
    void closeFinishesOpenRecordings() throws Exception {
        RecordingService service = new RecordingService(dir, scheduler, listener);
        Recording rec = service.start("call-7", START);
        scheduler.runPending();
        writeFrame(rec, 0);
        service.close();
        scheduler.runPending();
        assertEquals(320, rec.finish().getNow(null).dataBytes());
        assertEquals(0, scheduler.pendingCount());
    }

    private RecordingResult finish(Recording rec) {
        CompletableFuture<RecordingResult> f = rec.finish();
        scheduler.runPending();
        assertTrue(f.isDone());
        return f.join();
    }

    private static void writeFrame(Recording rec, int k) {
        byte[] l = new byte[170];
        byte[] r = new byte[160];
        for (int i = 0; i < 160; i++) {
            l[10 + i] = left(k, i);
            r[i] = right(k, i);
        }
        rec.write(l, 10, r, 0);
    }

    private static byte left(int frame, int sample) {
        return (byte) (frame * 3 + 1);
    }

    private static byte right(int frame, int sample) {
        return (byte) (sample ^ 0x55 ^ frame);
    }
}
