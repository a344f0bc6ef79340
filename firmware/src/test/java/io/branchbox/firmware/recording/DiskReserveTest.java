package io.branchbox.firmware.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The space recordings may not use (issue 13, problem 2), with an injected free-space reading. */
@Tag("faults")
class DiskReserveTest {
    private static final long MIB = 1 << 20;
    private final AtomicLong free = new AtomicLong(100 * MIB);
    private final AtomicLong nanos = new AtomicLong();
    private final FreeSpace probe = new FreeSpace() {
        @Override
        public long usableBytes() {
            return free.get();
        }

        @Override
        public long totalBytes() {
            return 1000 * MIB;
        }
    };

    @Test
    void recordingsStopAtTheGuardAndGoOnWhenSpaceReturns(@TempDir Path dir) throws IOException {
        DiskReserve reserve = new DiskReserve(dir, 8 * MIB, probe, nanos::get);
        try (FileChannel ch = reserve.guard(ChannelOpener.DEFAULT).open(dir.resolve("a.wav"))) {
            assertEquals(160, ch.write(ByteBuffer.allocate(160), 0));
            free.set(4 * MIB + 100); // only the guard's half of the reserve is left
            nanos.addAndGet(DiskReserve.PROBE_MILLIS * 1_000_000 + 1);
            IOException e = assertThrows(IOException.class, () -> ch.write(ByteBuffer.allocate(160), 160));
            assertTrue(e.getMessage().contains("reserved for the database and the journal"), e.getMessage());
            assertEquals(160, Files.size(dir.resolve("a.wav")), "nothing written into the reserve");
            free.set(50 * MIB);
            nanos.addAndGet(DiskReserve.PROBE_MILLIS * 1_000_000 + 1);
            assertEquals(160, ch.write(ByteBuffer.allocate(160), 160), "recording goes on when space returns");
        }
    }

    @Test
    void theBallastIsReleasedOnAFullDiskAtStartAndWrittenAgainWithRoom(@TempDir Path dir) throws IOException {
        DiskReserve reserve = new DiskReserve(dir, 2 * MIB, probe, nanos::get);
        assertTrue(reserve.keepBallast());
        assertEquals(MIB, Files.size(dir.resolve(DiskReserve.BALLAST)));
        assertFalse(reserve.releaseIfFull(), "room: nothing released");
        free.set(MIB);
        assertTrue(reserve.releaseIfFull(), "full: start degraded");
        assertFalse(Files.exists(dir.resolve(DiskReserve.BALLAST)), "ballast released");
        assertFalse(reserve.keepBallast(), "no ballast while the disk is still full");
        free.set(100 * MIB);
        assertTrue(reserve.keepBallast());
    }

    @Test
    void theReserveComesFromTheConfigurationUnlessTheEnvironmentOverridesIt() {
        assertEquals(300 * MIB, DiskReserve.configuredBytes(null, Map.of(), 300), "the document's recording.diskReserveMiB");
        assertEquals(512 * MIB, DiskReserve.configuredBytes(null, Map.of(DiskReserve.ENV, "512"), 300));
        assertEquals(300 * MIB, DiskReserve.configuredBytes(null, Map.of(DiskReserve.ENV, "lots"), 300),
                "a bad override keeps the document's value");
        assertEquals(8 * MIB, DiskReserve.configuredBytes("8", Map.of(DiskReserve.ENV, "512"), 300));
    }
}
