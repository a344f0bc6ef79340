package io.branchbox.admin.prompts;

import io.branchbox.firmware.audio.Wav;

/**
 * A prompt as browsers play it: 16-bit PCM mono 8 kHz WAV (browsers do not play A-law WAV), with
 * the canonical 44-byte header. Prompts are short, so the whole file is built in memory.
 * Stateless and thread-safe.
 */
final class PromptPcmWav {
    static final int HEADER_BYTES = Wav.PCM_HEADER_BYTES;

    private PromptPcmWav() {}

    static byte[] of(byte[] alaw) {
        return Wav.pcm16File(alaw);
    }
}
