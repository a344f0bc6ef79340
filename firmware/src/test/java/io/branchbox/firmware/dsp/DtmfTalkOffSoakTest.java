package io.branchbox.firmware.dsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Long talk-off run: 30 minutes of speech-like and 30 of music-like audio, six seeds. */
@Tag("soak")
class DtmfTalkOffSoakTest {
    @Test
    void anHourOfSpeechAndMusicGivesAtMostTwoFalseDigits() {
        int falses = 0;
        for (long seed = 1; seed <= 6; seed++) {
            falses += TalkOffRun.falseDigits(new TalkOffAudio(seed * 7919), 300);
        }
        assertTrue(falses <= 2, "false digits in 60 minutes: " + falses);
    }
}
