package io.branchbox.firmware.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.capture.DChannelCapture;
import io.branchbox.time.ManualScheduler;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoxCommandsTest {

    @Test
    void captureCommandWritesTheRingAsAPcapUnderTheDataDirectory(@TempDir Path data) throws Exception {
        DChannelCapture ring = new DChannelCapture(new ManualScheduler().clock(), false, 100, 10_000);
        ring.record(true, new byte[] {0x00, 0x01, 0x7F}); // SABME
        ring.record(false, new byte[] {0x00, 0x01, 0x73}); // UA
        Path file = BoxCommands.writeCapture(data, 0, ring);
        assertTrue(file.startsWith(data.resolve("captures")), file.toString());
        assertTrue(file.getFileName().toString().matches("span0-\\d{8}-\\d{6}\\.pcap"), file.toString());
        byte[] pcap = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xa1b2c3d4, b.getInt(0), "pcap magic");
        assertEquals(177, b.getInt(20), "LINKTYPE_LINUX_LAPD");
        assertEquals(24 + 2 * (16 + 16 + 3), pcap.length);
    }
}
