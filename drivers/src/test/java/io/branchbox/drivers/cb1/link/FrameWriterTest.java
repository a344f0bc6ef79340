package io.branchbox.drivers.cb1.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FrameWriterTest {
    private static final int SLOTS = 4;

    /** A device that blocks every write until released, like a flow-controlled UART. */
    private static final class StuckLink implements ByteLink {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public void open(ByteListener l) {}

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            writes.incrementAndGet();
        }

        @Override
        public void close() {}

        @Override
        public boolean isOpen() {
            return true;
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
            assertEquals(SLOTS, link.writes.get());
            writer.sendAudio(0x30, 0, 11, alaw, 0);
            assertTrue(counters.audioDrops.get() == 10 - SLOTS, "slots are reused once written");
        } finally {
            writer.stop();
        }
    }

    /** A device that takes a few milliseconds per write, like a UART behind a busy CPU. */
    private static final class SlowLink implements ByteLink {
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public void open(ByteListener l) {}

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            writes.incrementAndGet();
        }

        @Override
        public void close() {}

        @Override
        public boolean isOpen() {
            return true;
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

        assertEquals(20, link.writes.get(), "the last frames before a stop (a RELEASE COMPLETE) still go out");
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

        assertTrue(link.writes.get() < 5, "the stuck write was interrupted, not waited out: " + link.writes.get());
    }
}
