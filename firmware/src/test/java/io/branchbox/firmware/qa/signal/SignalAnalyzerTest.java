package io.branchbox.firmware.qa.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.branchbox.firmware.qa.signal.StereoRecordings.Talk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalAnalyzerTest {
    @TempDir
    Path dir;

    @Test
    void silenceTalkOverLongestSilenceAndAgentShareAreMeasuredOnAKnownCall() throws IOException {
        // caller 0–10 s and 20–30 s; agent 8–15 s and 30–40 s: 2 s of talk-over, silences of
        // 5 s (15–20) and 20 s (40–60)
        Path wav = dir.resolve("call.wav");
        StereoRecordings.write(wav, 60_000, List.of(
                new Talk(false, 0, 10_000), new Talk(false, 20_000, 30_000),
                new Talk(true, 8_000, 15_000), new Talk(true, 30_000, 40_000)));

        CallSignals s = new SignalAnalyzer().analyze(wav);

        assertEquals(60_000, s.durationMs());
        assertEquals(41.7, s.silencePct(), 0.1);
        assertEquals(3.3, s.talkOverPct(), 0.1);
        assertEquals(20_000, s.longestSilenceMs());
        assertEquals(45.9, s.agentSharePct(), 0.1, "agent 17 s of 37 s spoken");
    }

    @Test
    void aSilentCallIsAllSilenceAndNobodysShare() throws IOException {
        Path wav = dir.resolve("quiet.wav");
        StereoRecordings.write(wav, 5_000, List.of());

        CallSignals s = new SignalAnalyzer().analyze(wav);

        assertEquals(100.0, s.silencePct());
        assertEquals(5_000, s.longestSilenceMs());
        assertEquals(0.0, s.agentSharePct());
    }

    @Test
    void aFileThatIsNotTheBoxsRecordingIsRefused() throws IOException {
        Path bad = dir.resolve("bad.wav");
        Files.writeString(bad, "not a wav file at all, and long enough to have a header of 58 bytes......");
        assertThrows(IOException.class, () -> new SignalAnalyzer().analyze(bad));
    }
}
