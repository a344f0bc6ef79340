package io.branchbox.rig.talkoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short form of the talk-off measurement (every kind of material, a few minutes): the box's
 * detector reports no more false digits than spandsp's {@code dtmf_rx} on the same audio, and the
 * corpus is the same on every build. The full corpus runs in {@code TalkOffCorpusSoakTest}.
 */
class TalkOffCorpusTest {
    @TempDir
    Path work;

    @Test
    void theBoxTalksOffNoMoreThanSpandspOnTheShortCorpus() throws Exception {
        List<CorpusPiece> pieces = new TalkOffCorpus(work).build(0.05);
        assertEquals(Set.of("speech", "music", "noise", "prompts"),
                pieces.stream().map(CorpusPiece::category).collect(Collectors.toSet()));
        assertTrue(pieces.stream().anyMatch(p -> p.name().startsWith("speech/cmn")), "Mandarin speech in the corpus");
        List<TalkOffMeasurement.Result> results = new TalkOffMeasurement(work, TalkOffMeasurement.oracleSource()).measure(pieces);
        int box = results.stream().mapToInt(r -> r.boxDigits().size()).sum();
        int spandsp = results.stream().mapToInt(r -> r.spandspDigits().size()).sum();
        assertTrue(box <= spandsp, TalkOffMeasurement.table(results));
    }

    @Test
    void theCorpusIsTheSameOnEveryBuild() throws Exception {
        List<CorpusPiece> a = new TalkOffCorpus(work.resolve("a")).build(0.02);
        List<CorpusPiece> b = new TalkOffCorpus(work.resolve("b")).build(0.02);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(java.util.Arrays.equals(a.get(i).alaw(), b.get(i).alaw()), a.get(i).name());
        }
    }

    @Test
    void theOracleHearsRealDigitsSoItsSilenceMeansSomething() throws Exception {
        byte[] keys = new io.branchbox.firmware.dsp.DtmfGenerator(-10).generate("159#", 60, 60);
        CorpusPiece digits = new CorpusPiece("digits", "check", keys);
        TalkOffMeasurement.Result r = new TalkOffMeasurement(work, TalkOffMeasurement.oracleSource())
                .measure(List.of(digits)).get(0);
        assertEquals(4, r.spandspDigits().size(), r.toString());
        assertEquals(4, r.boxDigits().size(), r.toString());
    }
}
