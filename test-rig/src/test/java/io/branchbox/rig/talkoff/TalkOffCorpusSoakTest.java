package io.branchbox.rig.talkoff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full talk-off corpus (over 30 minutes): the box reports no more false digits than spandsp. */
@Tag("soak")
class TalkOffCorpusSoakTest {
    @TempDir
    Path work;

    @Test
    void overHalfAnHourOfSpeechMusicNoiseAndPromptsTheBoxTalksOffNoMoreThanSpandsp() throws Exception {
        List<CorpusPiece> pieces = new TalkOffCorpus(work).build(1.0);
        double minutes = pieces.stream().mapToDouble(CorpusPiece::seconds).sum() / 60;
        assertTrue(minutes >= 30, "corpus of " + minutes + " minutes");
        List<TalkOffMeasurement.Result> results = new TalkOffMeasurement(work, TalkOffMeasurement.oracleSource()).measure(pieces);
        int box = results.stream().mapToInt(r -> r.boxDigits().size()).sum();
        int spandsp = results.stream().mapToInt(r -> r.spandspDigits().size()).sum();
        assertTrue(box <= spandsp, TalkOffMeasurement.table(results));
    }
}
