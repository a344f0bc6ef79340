package io.branchbox.firmware.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingRepairTest {
    @TempDir
    Path dir;

    @Test
    void intactFilesAreLeftAloneAndForeignOnesSkipped() throws Exception {
        Path intact = write("2026/01/01/ok.wav", wav(AlawWav.header(640), 640));
        byte[] pcm = wav(AlawWav.header(640), 641);
        pcm[20] = 1; // format tag 1 = PCM: a file the box did not write, even with a stray byte
        Path foreign = write("2026/01/01/music.wav", pcm);

        RecordingRepair.Report r = RecordingRepair.repairAll(dir);

        assertEquals(2, r.scanned());
        assertEquals(List.of(), r.repaired());
        assertEquals(List.of(foreign), r.skipped());
        assertEquals(AlawWav.HEADER_BYTES + 640, Files.size(intact));
        assertTrue(java.util.Arrays.equals(pcm, Files.readAllBytes(foreign)));
    }

    @Test
    void fileCutInsideItsHeaderBecomesAnEmptyValidRecording() throws Exception {
        Path cut = write("2026/01/02/c.wav", new byte[] {'R', 'I', 'F'});
        RecordingRepair.Report r = RecordingRepair.repairAll(dir);
        assertEquals(List.of(cut), r.repaired());
        byte[] file = Files.readAllBytes(cut);
        assertEquals(AlawWav.HEADER_BYTES, file.length);
        assertTrue(AlawWav.parse(ByteBuffer.wrap(file)).sizesMatch(0));
    }

    @Test
    void headerThatSaysZeroIsGrownToTheSamplesOnDisk() throws Exception {
        Path f = write("x.wav", wav(AlawWav.header(0), 3200));
        assertEquals(RecordingRepair.Outcome.REPAIRED, RecordingRepair.repair(f));
        assertTrue(AlawWav.parse(ByteBuffer.wrap(Files.readAllBytes(f))).sizesMatch(3200));
        assertEquals(RecordingRepair.Outcome.INTACT, RecordingRepair.repair(f));
    }

    @Test
    void missingDirectoryIsAnEmptyReport() throws Exception {
        assertEquals(0, RecordingRepair.repairAll(dir.resolve("none")).scanned());
    }

    private Path write(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return p;
    }

    private static byte[] wav(ByteBuffer header, int dataBytes) {
        byte[] b = new byte[AlawWav.HEADER_BYTES + dataBytes];
        header.get(b, 0, AlawWav.HEADER_BYTES);
        return b;
    }
}
