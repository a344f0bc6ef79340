package io.branchbox.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.dsp.DtmfGenerator;
import io.branchbox.firmware.dsp.ToneGenerator;
import io.branchbox.firmware.dsp.TonePlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AnalyzeLine.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private static byte[] alawWav(byte[] samples) {
        ByteBuffer b = ByteBuffer.allocate(44 + samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + samples.length).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 6).putShort((short) 1).putInt(8000).putInt(8000)
                .putShort((short) 1).putShort((short) 8);
        b.putInt(0x61746164).putInt(samples.length).put(samples);
        return b.array();
    }

    @Test
    void printsOneJsonObjectPerDetection(@TempDir Path dir) throws Exception {
        byte[] digits = new DtmfGenerator(-10).generate("59", 100, 100);
        byte[] busy = ToneGenerator.render(TonePlan.china().tone("busy").orElseThrow(), 3000);
        byte[] line = new byte[digits.length + busy.length];
        System.arraycopy(digits, 0, line, 0, digits.length);
        System.arraycopy(busy, 0, line, digits.length, busy.length);
        Path wav = dir.resolve("line.wav");
        Files.write(wav, alawWav(line));

        assertEquals(0, run(wav.toString()));
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertTrue(lines[0].startsWith("{\"t_ms\":") && lines[0].contains("\"kind\":\"dtmf\"")
                && lines[0].contains("\"digit\":\"5\""), lines[0]);
        assertTrue(lines[1].contains("\"digit\":\"9\""), lines[1]);
        assertTrue(lines[2].contains("\"kind\":\"tone\",\"name\":\"busy\""), lines[2]);
        assertEquals(3, lines.length, String.join("\n", lines));
    }

    /** A stereo A-law WAV as the box records calls: left the caller, right the box or agent. */
    private static byte[] stereoAlawWav(byte[] left, byte[] right) {
        int n = Math.max(left.length, right.length);
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + 2 * n).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 6).putShort((short) 2).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 8);
        b.putInt(0x61746164).putInt(2 * n);
        for (int i = 0; i < n; i++) {
            b.put(i < left.length ? left[i] : (byte) 0xD5).put(i < right.length ? right[i] : (byte) 0xD5);
        }
        return b.array();
    }

    @Test
    void aStereoCallRecordingIsAnalysedPerChannelAndSaysWhichSideEachDetectionCameFrom(@TempDir Path dir)
            throws Exception {
        byte[] silence = new byte[8000];
        java.util.Arrays.fill(silence, (byte) 0xD5);
        byte[] callerKeys = new DtmfGenerator(-10).generate("1", 100, 100);
        byte[] left = new byte[silence.length + callerKeys.length];
        System.arraycopy(silence, 0, left, 0, silence.length);
        System.arraycopy(callerKeys, 0, left, silence.length, callerKeys.length);
        byte[] right = ToneGenerator.render(TonePlan.china().tone("busy").orElseThrow(), 3000);
        Path wav = dir.resolve("20261207-091500-0001.wav");
        Files.write(wav, stereoAlawWav(left, right));

        assertEquals(0, run(wav.toString()), err.toString(StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(2, lines.length, String.join("\n", lines));
        String all = String.join("\n", lines);
        assertTrue(java.util.Arrays.stream(lines).anyMatch(l -> l.contains("\"kind\":\"tone\"")
                && l.contains("\"channel\":\"right\",\"side\":\"box\"") && l.contains("busy")), all);
        assertTrue(java.util.Arrays.stream(lines).anyMatch(l -> l.contains("\"kind\":\"dtmf\"")
                && l.contains("\"channel\":\"left\",\"side\":\"caller\"") && l.contains("\"digit\":\"1\"")), all);
    }

    @Test
    void unreadableOrWrongFilesAreExplained(@TempDir Path dir) throws Exception {
        assertEquals(2, run(dir.resolve("missing.wav").toString()));
        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "not audio");
        assertEquals(2, run(text.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not a RIFF/WAVE file"));
        assertEquals(2, run());
    }
}
