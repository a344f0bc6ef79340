package io.branchbox.drivers.cb1.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.drivers.cb1.frame.HdlcDecoder;
import io.branchbox.drivers.cb1.msg.AudioFrames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FrameWriterTest {
    private static final int SLOTS = 4;

    /** Counts the frames in the bytes written, whichever way the writer cut them into writes. */
    private abstract static class CountingLink implements ByteLink {
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger frames = new AtomicInteger();
        final List<String> written = new ArrayList<>();
        private final HdlcDecoder decoder = new HdlcDecoder((c, off, len) -> {
            synchronized (written) {
                written.add(AudioFrames.isAudio(c, off, len)
                        ? "audio " + AudioFrames.frameNo(c, off) : "control " + c[off + 1]);
            }
            frames.incrementAndGet();
        });

        final AtomicInteger longestWrite = new AtomicInteger();

        void received(byte[] b, int off, int len) {
            decoder.feed(b, off, len);
            writes.incrementAndGet();
            longestWrite.accumulateAndGet(len, Math::max);
        }

        List<String> written() {
            synchronized (written) {
                return List.copyOf(written);
            }
        }

        @Override
        public void open(ByteListener l) {}

        @Override
        public void close() {}

        @Override
        public boolean isOpen() {
            return true;
        }
    }

    /** A device that blocks every write until released, like a flow-controlled UART. */
    private static final class StuckLink extends CountingLink {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            entered.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            received(b, off, len);
        }
    }

    @Test
    void audioBeyondThePreallocatedSlotsIsDroppedWithoutBlockingTheCaller() throws Exception {
        CounterSet counters = new CounterSet();
        FrameWriter writer = new FrameWriter(SLOTS, counters, false);
        StuckLink link = new StuckLink();
        writer.setLink(link);
        writer.start("test-writer");
        byte[] alaw = new byte[160];
        try {
            for (int i = 0; i < 10; i++) {
                writer.sendAudio(0x30, 0, i, alaw, 0);
            }
            assertEquals(10 - SLOTS, counters.audioDrops.get(), "only as many frames as slots are in flight");

            link.release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (counters.audioOut.get() < SLOTS && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(SLOTS, counters.audioOut.get());
            assertEquals(SLOTS, link.frames.get());
            writer.sendAudio(0x30, 0, 11, alaw, 0);
            assertTrue(counters.audioDrops.get() == 10 - SLOTS, "slots are reused once written");
        } finally {
            writer.stop();
        }
    }

    /** A device that takes a few milliseconds per write, like a UART behind a busy CPU. */
    private static final class SlowLink extends CountingLink {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            received(b, off, len);
        }
    }

    @Test
    void framesQueuedBeforeAStopAreWrittenAndFramesAfterItAreRefused() {
        CounterSet counters = new CounterSet();
        FrameWriter writer = new FrameWriter(SLOTS, counters, false);
        SlowLink link = new SlowLink();
        writer.setLink(link);
        writer.start("test-writer");
        for (int i = 0; i < 20; i++) {
            assertTrue(writer.sendControl(new byte[] {0x01, (byte) i, 0x00, 0x00}));
        }
        writer.stop();

        assertEquals(20, link.frames.get(), "the last frames before a stop (a RELEASE COMPLETE) still go out");
        assertEquals(20, counters.framesOut.get());
        assertEquals(0, counters.otherDrops.get());
        assertFalse(writer.sendControl(new byte[] {0x01, 0x00, 0x00, 0x00}), "nothing is taken after the stop");
        assertEquals(1, counters.otherDrops.get());
    }

    @Test
    void aDeviceThatBlocksDoesNotHoldTheStopBeyondTheFlushLimit() {
        CounterSet counters = new CounterSet();
        FrameWriter writer = new FrameWriter(SLOTS, counters, false);
        StuckLink link = new StuckLink();
        writer.setLink(link);
        writer.start("test-writer");
        for (int i = 0; i < 5; i++) {
            writer.sendControl(new byte[] {0x01, (byte) i, 0x00, 0x00});
        }
        writer.stop();

        assertTrue(link.frames.get() < 5, "the stuck write was interrupted, not waited out: " + link.frames.get());
    }

    /** A device that fails every write, after the first one was held until released. */
    private static final class FailingLink implements ByteLink {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public void open(ByteListener l) {}

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            entered.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("device gone");
        }

        @Override
        public void close() {}

        @Override
        public boolean isOpen() {
            return true;
        }
    }

    private static void awaitCount(java.util.concurrent.atomic.AtomicLong counter, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (counter.get() < n && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    private static byte[] control(int i) {
        return new byte[] {0x01, (byte) i, 0x00, 0x00};
    }

    /** A started writer on {@code link} whose thread is inside the write of a first control frame 0. */
    private static FrameWriter busyWith(ByteLink link, CountDownLatch entered, int slots, CounterSet counters)
            throws InterruptedException {
        FrameWriter writer = new FrameWriter(slots, counters, false);
        writer.setLink(link);
        writer.start("test-writer");
        writer.sendControl(control(0));
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the writer took the first frame");
        return writer;
    }

    @Test
    void framesQueuedWhileAWriteIsBusyLeaveInOneWriteInTheirOrderAndAreCountedPerFrame() throws Exception {
        CounterSet counters = new CounterSet();
        StuckLink link = new StuckLink();
        FrameWriter writer = busyWith(link, link.entered, 8, counters);
        byte[] alaw = new byte[160];
        try {
            // queued while the device is busy with the first frame: they go out together, in order
            writer.sendAudio(0x30, 0, 1, alaw, 0);
            writer.sendControl(control(2));
            writer.sendAudio(0x30, 1, 3, alaw, 0);
            writer.sendAudio(0x30, 2, 4, alaw, 0);
            writer.sendControl(control(5));
            writer.sendAudio(0x30, 3, 6, alaw, 0);
            link.release.countDown();
            awaitCount(counters.framesOut, 7);

            assertEquals(List.of("control 0", "audio 1", "control 2", "audio 3", "audio 4", "control 5", "audio 6"),
                    link.written());
            assertEquals(2, link.writes.get(), "the six frames queued meanwhile went out in one write");
            assertEquals(7, counters.framesOut.get());
            assertEquals(4, counters.audioOut.get());
            assertEquals(0, counters.audioDrops.get() + counters.otherDrops.get());
        } finally {
            writer.stop();
        }
    }

    @Test
    void aBacklogLargerThanOneWriteIsSplitInOrderAndNoWriteExceedsTheBuffer() throws Exception {
        CounterSet counters = new CounterSet();
        StuckLink link = new StuckLink();
        FrameWriter writer = busyWith(link, link.entered, 40, counters);
        byte[] alaw = new byte[160];
        try {
            List<String> expected = new ArrayList<>(List.of("control 0"));
            for (int i = 1; i <= 40; i++) {
                writer.sendAudio(0x30, i % 30, i, alaw, 0);
                expected.add("audio " + i);
            }
            link.release.countDown();
            awaitCount(counters.framesOut, 41);

            assertEquals(expected, link.written());
            assertEquals(40, counters.audioOut.get());
            assertTrue(link.writes.get() >= 3, "40 audio frames (~6.9 KB) need two writes or more: " + link.writes.get());
            assertTrue(link.longestWrite.get() <= FrameWriter.BATCH_BYTES, "longest write " + link.longestWrite.get());
        } finally {
            writer.stop();
        }
    }

    @Test
    void aFailedWriteCountsADropForEachFrameItCarriedAndGivesTheAudioSlotsBack() throws Exception {
        CounterSet counters = new CounterSet();
        FailingLink failing = new FailingLink();
        FrameWriter writer = busyWith(failing, failing.entered, SLOTS, counters);
        byte[] alaw = new byte[160];
        try {
            for (int i = 1; i <= SLOTS; i++) {
                writer.sendAudio(0x30, 0, i, alaw, 0);
            }
            writer.sendControl(control(9));
            failing.release.countDown();
            awaitCount(counters.audioDrops, SLOTS);
            awaitCount(counters.otherDrops, 2);

            assertEquals(SLOTS, counters.audioDrops.get(), "one drop per audio frame of the failed write");
            assertEquals(2, counters.otherDrops.get(), "one drop per control frame");
            assertEquals(0, counters.framesOut.get());

            StuckLink working = new StuckLink();
            working.release.countDown();
            writer.setLink(working);
            for (int i = 1; i <= SLOTS; i++) {
                writer.sendAudio(0x30, 0, 10 + i, alaw, 0);
            }
            awaitCount(counters.audioOut, SLOTS);
            assertEquals(SLOTS, counters.audioDrops.get(), "every slot came back after the failed write");
            assertEquals(SLOTS, counters.audioOut.get());
        } finally {
            writer.stop();
        }
    }
}
