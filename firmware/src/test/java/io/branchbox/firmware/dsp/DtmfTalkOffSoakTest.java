package io.branchbox.firmware.dsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Long talk-off run: 15 minutes of speech-like and 15 of music-like audio. */
@Tag("soak")
class DtmfTalkOffSoakTest {
    @Test
    void thirtyMinutesOfSpeechAndMusicGiveAtMostTwoFalseDigits() {
        int falses = 0;
        for (long seed = 1; seed <= 5; seed++) {
            falses += TalkOffRun.falseDigits(new TalkOffAudio(seed * 7919), 180);
        }
        assertTrue(falses <= 2, "false digits in 30 minutes: " + falses);
    }
}
