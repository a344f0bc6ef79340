package io.branchbox.firmware.trunk.fxo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.audio.WavAudio;
import io.branchbox.time.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineCaptureTest {
    @TempDir
    Path dir;

    @Test
    void audioFollowsWallTimeAndDetectionsAreJsonLines() throws Exception {
        ManualScheduler time = new ManualScheduler();
        Path wav = dir.resolve("fxo1.wav");
        LineCapture capture = LineCapture.start(wav, time);
        byte[] frame = new byte[160];
        Arrays.fill(frame, (byte) 0x55);
        capture.onLineAudio(frame, 0);
        time.advance(Duration.ofMillis(20));
        capture.onDetection("ring", Map.of("ring", 1));
        // the channel is closed for 100 ms: five frames of silence must fill the gap
        time.advance(Duration.ofMillis(100));
        capture.onLineAudio(frame, 0);
        capture.close();

        byte[] alaw = WavAudio.toAlaw(Files.readAllBytes(wav));
        assertEquals(7 * 160, alaw.length);
        assertArrayEquals(frame, Arrays.copyOfRange(alaw, 0, 160));
        assertEquals((byte) 0xD5, alaw[160 * 3]);
        assertArrayEquals(frame, Arrays.copyOfRange(alaw, 6 * 160, 7 * 160));
        List<String> lines = Files.readAllLines(dir.resolve("fxo1.jsonl"));
        assertEquals(List.of("{\"t_ms\":20,\"kind\":\"ring\",\"ring\":1}"), lines);
        assertEquals(0, capture.droppedFrames());
        assertTrue(capture.jsonPath().endsWith("fxo1.jsonl"));
    }
}
