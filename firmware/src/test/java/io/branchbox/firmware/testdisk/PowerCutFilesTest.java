package io.branchbox.firmware.testdisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The power-cut disk itself: what a cut keeps and loses, since every power-cut test trusts it. */
class PowerCutFilesTest {
    @TempDir
    Path dir;

    private FileChannel open(PowerCutFiles disk, Path f) throws IOException {
        return disk.wrap(f, FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE));
    }

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aCutKeepsWhatWasForcedAndUndoesTheRest() throws IOException {
        PowerCutFiles disk = new PowerCutFiles();
        Path f = dir.resolve("a");
        FileChannel c = open(disk, f);
        c.write(text("forced"));
        c.force(false);
        c.write(text(" lost"));
        c.write(text("OVER"), 0);
        assertEquals("OVERed lost", Files.readString(f), "before the cut readers see the page cache");
        disk.cut(null);
        assertEquals("forced", Files.readString(f));
        assertThrows(IOException.class, () -> c.write(text("x"), 0), "the dead box cannot write");
        assertEquals(9, disk.bytesLost(), "five bytes appended and four overwritten");
    }

    @Test
    void aTruncateNotForcedIsUndoneAndAForceOnAnyChannelCoversTheFile() throws IOException {
        PowerCutFiles disk = new PowerCutFiles();
        Path f = dir.resolve("b");
        FileChannel one = open(disk, f);
        FileChannel two = open(disk, f);
        one.write(text("0123456789"), 0);
        two.force(true);
        one.truncate(4);
        disk.cut(null);
        assertEquals("0123456789", Files.readString(f));
    }

    @Test
    void aTornWriteBackKeepsAnInOrderPrefix() throws IOException {
        for (long seed = 0; seed < 40; seed++) {
            PowerCutFiles disk = new PowerCutFiles();
            disk.powerOn();
            Path f = dir.resolve("c" + seed);
            FileChannel c = open(disk, f);
            String all = "aaaa" + "bbbb" + "cccc";
            c.write(text("aaaa"));
            c.write(text("bbbb"));
            c.write(text("cccc"));
            disk.cut(new Random(seed));
            String kept = Files.readString(f);
            assertTrue(all.startsWith(kept), seed + ": " + kept);
            assertEquals(kept.length(), disk.tornBytesKept(), String.valueOf(seed));
        }
    }
}
