package io.branchbox.firmware.dsp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the DTMF detector over talk-off audio and counts the digits it (wrongly) reports. */
final class TalkOffRun {
    private static final Logger LOG = LoggerFactory.getLogger(TalkOffRun.class);

    private TalkOffRun() {}

    /** False digits over {@code secondsEach} of speech-like and then of music-like audio. */
    static int falseDigits(TalkOffAudio audio, int secondsEach) {
        int speech = count(audio.speech(secondsEach), "speech");
        int music = count(audio.music(secondsEach), "music");
        // WARN so the figures show under the test logging set-up, which prints warnings only
        LOG.warn("talk-off: {} s speech -> {} false digits, {} s music -> {} false digits",
                secondsEach, speech, secondsEach, music);
        return speech + music;
    }

    private static int count(float[] pcm, String what) {
        int[] n = {0};
        DtmfDetector d = new DtmfDetector((digit, at) -> {
            n[0]++;
            LOG.warn("talk-off {}: digit {} at {} ms", what, digit, at / 8);
        });
        TestAudio.feed(Signals.toAlaw(pcm), d::process);
        return n[0];
    }
}
