package io.branchbox.firmware.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Conversion of real WAV files in every accepted coding, made by sox. */
class WavImportTest {
    /** sox's full-scale sine times 0.5: -6 dBFS, loud enough not to be normalised. */
    private static final double LEVEL = 0.5;

    @TempDir
    Path dir;

    static List<Arguments> formats() {
        List<Arguments> list = new ArrayList<>();
        String[][] codings = {
                {"-b 8 -e unsigned-integer", "8-bit PCM"},
                {"-b 16 -e signed-integer", "16-bit PCM"},
                {"-b 24 -e signed-integer", "24-bit PCM"},
                {"-b 32 -e signed-integer", "32-bit PCM"},
                {"-b 32 -e floating-point", "32-bit float"},
                {"-b 64 -e floating-point", "64-bit float"},
                {"-e a-law", "A-law"},
                {"-e u-law", "μ-law"},
        };
        for (String[] coding : codings) {
            for (int rate : new int[] {8000, 22050, 48000}) {
                for (int channels : new int[] {1, 2}) {
                    list.add(Arguments.of(coding[0] + " -c " + channels, coding[1], rate, channels));
                }
            }
        }
        return list;
    }

    @ParameterizedTest(name = "{0} at {2} Hz")
    @MethodSource("formats")
    void everyCodingRateAndChannelCountBecomesOneSecondOfTheSameToneAtTheSameLevel(String sox, String codec,
            int rate, int channels) throws Exception {
        WavImport.Imported imported = WavImport.convert(Sox.tone(dir, rate, sox, 1.0, "sine 1000 vol " + LEVEL));

        assertEquals(8000, imported.alaw().length, 1.0);
        assertEquals(codec, imported.source().codec());
        assertEquals(rate, imported.source().sampleRate());
        assertEquals(channels, imported.source().channels());
        assertEquals(0.0, imported.gainDb());
        double levelDb = Sox.db(Sox.amplitude(imported.alaw(), 1000) / LEVEL);
        assertEquals(0.0, levelDb, 0.5, "1 kHz level change in dB");
    }

    @ParameterizedTest(name = "{0} Hz at 48 kHz")
    @ValueSource(ints = {4200, 4500, 6000, 7000, 10_000, 15_000, 20_000})
    void tonesAboveTheLineBandAreRemovedNotFoldedBack(int hz) throws Exception {
        byte[] alaw = WavImport.convert(Sox.tone(dir, 48_000, "-b 16 -e signed-integer -c 1", 1.0,
                "sine " + hz + " vol " + LEVEL)).alaw();

        double downDb = Sox.db(Sox.rms(alaw) / (LEVEL / Math.sqrt(2)));
        assertTrue(downDb <= -40, hz + " Hz came out only " + downDb + " dB down");
    }

    @Test
    void sixKilohertzAt44100IsRemovedWhileOneKilohertzBesideItStays() throws Exception {
        // left 1 kHz, right 6 kHz, each at 0.4: mixed down, each is at 0.2 before the filter
        byte[] alaw = WavImport.convert(Sox.tone(dir, 44_100, "-b 16 -e signed-integer -c 2", 1.0,
                "sine 1000 sine 6000 vol 0.4")).alaw();

        double wanted = Sox.amplitude(alaw, 1000);
        double alias = Sox.amplitude(alaw, 8000 - 6000);
        assertEquals(0.0, Sox.db(wanted / 0.2), 0.5);
        assertTrue(Sox.db(alias / wanted) <= -40, "alias at 2 kHz: " + Sox.db(alias / wanted) + " dB");
    }

    @Test
    void theTopOfTheSpeechBandPasses() throws Exception {
        byte[] alaw = WavImport.convert(Sox.tone(dir, 48_000, "-b 16 -e signed-integer -c 1", 1.0,
                "sine 3000 vol " + LEVEL)).alaw();

        assertEquals(0.0, Sox.db(Sox.amplitude(alaw, 3000) / LEVEL), 1.0);
    }

    @Test
    void aQuietRecordingIsRaisedToThreeDecibelsBelowFullScale() throws Exception {
        double level = Math.pow(10, -26 / 20.0);
        WavImport.Imported imported = WavImport.convert(Sox.tone(dir, 16_000, "-b 16 -e signed-integer -c 1", 1.0,
                "sine 440 vol " + level));

        assertEquals(23.0, imported.gainDb(), 0.3);
        assertEquals(-3.0, Sox.db(Sox.peak(imported.alaw())), 0.6);
    }

    @Test
    void aVeryQuietRecordingGetsAtMostTheMaximumGain() throws Exception {
        double level = Math.pow(10, -40 / 20.0);
        WavImport.Imported imported = WavImport.convert(Sox.tone(dir, 8000, "-b 16 -e signed-integer -c 1", 1.0,
                "sine 440 vol " + level));

        assertEquals(WavImport.MAX_GAIN_DB, imported.gainDb(), 0.01);
        assertEquals(-40 + WavImport.MAX_GAIN_DB, Sox.db(Sox.peak(imported.alaw())), 0.6);
    }

    @Test
    void aLoudEnoughRecordingKeepsItsLevel() throws Exception {
        double level = Math.pow(10, -15 / 20.0);
        WavImport.Imported imported = WavImport.convert(Sox.tone(dir, 8000, "-b 16 -e signed-integer -c 1", 1.0,
                "sine 440 vol " + level));

        assertEquals(0.0, imported.gainDb());
        assertEquals(-15.0, Sox.db(Sox.amplitude(imported.alaw(), 440)), 0.5);
    }

    @Test
    void stereoIsMixedDownByAveragingTheChannels() throws Exception {
        // left 1 kHz, right 2 kHz, each at 0.5: the mono mix holds each at 0.25
        byte[] alaw = WavImport.convert(Sox.tone(dir, 8000, "-b 16 -e signed-integer -c 2", 1.0,
                "sine 1000 sine 2000 vol 0.5")).alaw();

        assertEquals(0.25, Sox.amplitude(alaw, 1000), 0.02);
        assertEquals(0.25, Sox.amplitude(alaw, 2000), 0.02);
    }

    @Test
    void eightKilohertzAlawComesThroughByteForByte() throws Exception {
        byte[] wav = Sox.tone(dir, 8000, "-e a-law -c 1", 0.5, "sine 700 vol 0.5");
        byte[] expected = WavAudio.toAlaw(wav);

        assertEquals(java.util.HexFormat.of().formatHex(expected),
                java.util.HexFormat.of().formatHex(WavImport.convert(wav).alaw()));
    }

    @Test
    void theSourceIsDescribedForTheTechnician() throws Exception {
        WavImport.Imported imported = WavImport.convert(Sox.tone(dir, 44_100, "-b 16 -e signed-integer -c 2", 2.0,
                "sine 1000 vol 0.5"));

        assertEquals("16-bit PCM, 44100 Hz, 2 channels, 2.0 s", imported.source().describe());
        assertEquals(2000, imported.source().durationMs());
    }
}
