/**
 * G.711 and the 20 ms audio path: A-law tables, the {@code AudioRouter} that answers every
 * received frame with one sent frame, per-channel sources (silence, prompts, music on hold, a
 * bridged peer) and taps, mixing for supervisors, prompt sets (built-in and site) and numbers
 * spoken by language.
 *
 * <p>Thread: {@code onFrame} runs on the board link's reader ({@code cb1-read-<device>}): never
 * blocks, never allocates per frame; call control swaps a channel's volatile source and tap from
 * {@code signalling}. Prompt loading is done before, off the audio path.
 *
 * <p>May import: the JDK and SLF4J only.
 */
package io.branchbox.firmware.audio;
