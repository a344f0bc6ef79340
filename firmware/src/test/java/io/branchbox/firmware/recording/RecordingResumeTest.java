package io.branchbox.firmware.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.time.ManualScheduler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, problem 6: a full disk never leaves a 0-byte recording, and recording resumes for the
 * ongoing call and for new calls once space returns.
 */
@Tag("faults")
class RecordingResumeTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final RecordingStatusListener listener = new RecordingStatusListener() {
        @Override
        public void onWriteError(String callId, Path file, IOException error) {
            events.add("error " + callId);
        }

        @Override
        public void onResumed(String callId) {
            events.add("resumed " + callId);
        }
    };

    @Test
    void aCallStartedOnAFullDiskLeavesNoEmptyFileAndRecordsOnceSpaceReturns(@TempDir Path dir) throws Exception {
        AtomicLong limit = new AtomicLong(0); // not even a header fits
        RecordingService service = new RecordingService(dir, scheduler, listener,
                RecordingService.DEFAULT_RING_FRAMES, f -> new DiskFullChannel(f, limit::get));
        Recording rec = service.start("new", START);
        scheduler.runPending();
        assertEquals(List.of("error new"), events);
        assertTrue(noZeroByteFiles(dir), "no 0-byte file is left");

        limit.set(Long.MAX_VALUE); // the storage policy freed space
        scheduler.advance(Duration.ofMillis(RecordingWriter.RETRY_MILLIS + 300));
        assertEquals(List.of("error new", "resumed new"), events);
        for (int k = 0; k < 10; k++) {
            frame(rec, k);
        }
        scheduler.advance(Duration.ofMillis(200));
        RecordingResult r = finish(rec);
        assertNull(r.writeError());
        assertEquals(10 * 320, r.dataBytes());
        assertTrue(AlawWav.parse(ByteBuffer.wrap(Files.readAllBytes(r.file()))).sizesMatch(10 * 320));
    }

    @Test
    void anOngoingCallCutByAFullDiskGoesOnRecordingWhenSpaceReturns(@TempDir Path dir) throws Exception {
        AtomicLong limit = new AtomicLong(AlawWav.HEADER_BYTES + 3 * 320);
        RecordingService service = new RecordingService(dir, scheduler, listener,
                RecordingService.DEFAULT_RING_FRAMES, f -> new DiskFullChannel(f, limit::get));
        Recording rec = service.start("ongoing", START);
        scheduler.runPending();
        for (int k = 0; k < 3; k++) {
            frame(rec, k);
        }
        scheduler.advance(Duration.ofMillis(200));
        for (int k = 3; k < 6; k++) {
            frame(rec, k);
        }
        scheduler.advance(Duration.ofMillis(200));
        assertEquals(List.of("error ongoing"), events);

        limit.set(Long.MAX_VALUE);
        scheduler.advance(Duration.ofMillis(RecordingWriter.RETRY_MILLIS + 300));
        for (int k = 6; k < 16; k++) {
            frame(rec, k);
        }
        scheduler.advance(Duration.ofMillis(200));
        RecordingResult r = finish(rec);

        assertEquals(List.of("error ongoing", "resumed ongoing"), events);
        assertNull(r.writeError());
        assertEquals(13 * 320, r.dataBytes(), "3 frames before, 10 after; the gap's 3 counted as lost");
        assertEquals(3, r.lostFrames());
        assertTrue(AlawWav.parse(ByteBuffer.wrap(Files.readAllBytes(r.file()))).sizesMatch(13 * 320));
    }

    private RecordingResult finish(Recording rec) throws Exception {
        var f = rec.finish();
        scheduler.runPending();
        return f.get();
    }

    private static void frame(Recording rec, int k) {
        byte[] a = new byte[160];
        a[0] = (byte) k;
        rec.write(a, 0, a, 0);
    }

    private static boolean noZeroByteFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).noneMatch(p -> {
                try {
                    return Files.size(p) == 0;
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }
}
