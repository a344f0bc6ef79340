package io.branchbox.firmware.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.audio.AudioChannel;
import io.branchbox.firmware.audio.AudioRouter;
import io.branchbox.time.ExecutorScheduler;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, storage faults: an fsync that stalls for seconds must not stop the audio path. Ten
 * recorded calls run through the real {@link AudioRouter} and {@link RecordingService}; the
 * recording writer's fsync is held for as long as 4.8 s of audio takes to arrive (counted in
 * frames, not timed). Every channel must get every frame out while the writer is stuck, and,
 * since the stall is within the 5 s ring, every recording must hold every frame afterwards.
 */
@Tag("faults")
class FsyncStallTest {
    private static final int CHANNELS = 10;
    private static final int FRAME = 160;
    private static final int BEFORE = 5;
    /** 4.8 s of audio at 20 ms a frame: with BEFORE, within the ring of {@link RecordingService#DEFAULT_RING_FRAMES}. */
    private static final int DURING = 240;

    @Test
    void aStalledFsyncUnderTenRecordedCallsNeverHoldsUpAFrame(@TempDir Path dir) throws Exception {
        CountDownLatch stall = new CountDownLatch(1);
        CountDownLatch inForce = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean stalling = new java.util.concurrent.atomic.AtomicBoolean();
        ChannelOpener stallingDisk = file -> new StallingChannel(ChannelOpener.DEFAULT.open(file), () -> {
            if (stalling.get()) {
                inForce.countDown();
                stall.await();
            }
        });
        AtomicLongArray sent = new AtomicLongArray(CHANNELS);
        AudioRouter router = new AudioRouter((unit, chan, frameNo, alaw, off) -> sent.incrementAndGet(chan));
        ExecutorScheduler writer = new ExecutorScheduler("recording-writer", Clock.systemUTC());
        List<Recording> recordings = new ArrayList<>();
        try (RecordingService service = new RecordingService(dir, writer, RecordingStatusListener.NONE,
                RecordingService.DEFAULT_RING_FRAMES, stallingDisk)) {
            for (int ch = 0; ch < CHANNELS; ch++) {
                Recording r = service.start("C" + ch, Instant.parse("2026-12-07T02:00:00Z"));
                recordings.add(r);
                AudioChannel c = router.open(0, ch);
                router.tap(c, (rx, rxOff, tx, txOff) -> r.write(rx, rxOff, tx, txOff));
            }
            for (Recording r : recordings) {
                awaitFile(r.file());
            }
            byte[] in = new byte[FRAME];
            stalling.set(true);
            feed(router, in, BEFORE);
            // the writer reaches its periodic force with frames written, and stays there
            assertTrue(inForce.await(30, TimeUnit.SECONDS), "the writer reached the stalled fsync");
            feed(router, in, DURING);
            for (int ch = 0; ch < CHANNELS; ch++) {
                assertEquals(BEFORE + DURING, sent.get(ch), "channel " + ch + " got a frame out for every frame in");
            }
            assertEquals(1, stall.getCount(), "all of it while the fsync was still stalled");
            stalling.set(false);
            stall.countDown();
            List<RecordingResult> results = new ArrayList<>();
            for (Recording r : recordings) {
                results.add(r.finish().get(30, TimeUnit.SECONDS));
            }
            for (RecordingResult res : results) {
                assertNull(res.writeError(), res.callId());
                assertEquals(0, res.lostFrames(), res.callId() + ": the ring held the stall");
                assertEquals((long) (BEFORE + DURING) * AlawWav.STEREO_FRAME_BYTES, res.dataBytes(), res.callId());
            }
        } finally {
            writer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private static void feed(AudioRouter router, byte[] in, int frames) {
        for (int f = 0; f < frames; f++) {
            for (int ch = 0; ch < CHANNELS; ch++) {
                router.onFrame(0, ch, f, in, 0);
            }
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("recording never opened: " + file);
            }
            Thread.sleep(5);
        }
    }

    /** What a stalled fsync does: waits. */
    @FunctionalInterface
    interface Stall {
        void during() throws InterruptedException;
    }

    /** A recording's channel whose force goes through {@link Stall} first. */
    private static final class StallingChannel extends ForwardingChannel {
        private final Stall stall;

        StallingChannel(FileChannel d, Stall stall) {
            super(d);
            this.stall = stall;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            try {
                stall.during();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("stall interrupted");
            }
            super.force(metaData);
        }
    }
}
