package io.branchbox.rig.talkoff;

/**
 * One piece of the talk-off corpus: 8 kHz A-law audio with no DTMF in it.
 *
 * @param name     what it is, e.g. {@code speech/cmn-latn-pinyin+f2/s140}
 * @param category {@code speech}, {@code music}, {@code noise} or {@code prompts}
 * @param alaw     the samples (8000 a second)
 */
public record CorpusPiece(String name, String category, byte[] alaw) {
    public double seconds() {
        return alaw.length / 8000.0;
    }
}
