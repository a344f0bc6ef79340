/**
 * The DTMF talk-off corpus and its measurement: speech of espeak-ng in several voices and
 * languages (Mandarin among them), synthetic music with chords and vibrato, noise, and the box's
 * own prompts, all generated here deterministically (nothing large is committed), run through the
 * box's {@code DtmfDetector} and spandsp's {@code dtmf_rx} (the oracle in
 * {@code test-rig/src/test/c}). Every digit either reports is a false digit.
 *
 * <p>Test and bench code: runs on the caller's thread, blocks on espeak-ng, sox and gcc
 * processes. May import firmware (the detector, G.711, the prompt sets) and nothing of the rig.
 */
package io.branchbox.rig.talkoff;
