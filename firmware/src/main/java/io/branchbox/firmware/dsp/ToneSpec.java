package io.branchbox.firmware.dsp;

import java.util.List;

/**
 * One call-progress tone: a single frequency played at a level with an on/off cadence.
 *
 * @param name name reported by {@link ToneDetector} ("dial", "busy", ...)
 * @param hz the tone's frequency
 * @param dbm0 the level {@link ToneGenerator} plays it at
 * @param cadenceMs on, off, on, off ... durations of one cycle; empty for a continuous tone
 * @param confirm for a cadenced tone, the whole cycles that must be seen before it is reported;
 *     for a continuous tone, the milliseconds of unbroken tone
 */
public record ToneSpec(String name, double hz, double dbm0, List<Integer> cadenceMs, int confirm) {
    public ToneSpec {
        cadenceMs = List.copyOf(cadenceMs);
        if (cadenceMs.size() % 2 != 0) {
            throw new IllegalArgumentException(name + ": cadence needs on/off pairs, got " + cadenceMs);
        }
        if (confirm < 1) {
            throw new IllegalArgumentException(name + ": confirm must be positive");
        }
    }

    /** True for a tone without cadence. */
    public boolean continuous() {
        return cadenceMs.isEmpty();
    }

    /** Length of one cadence cycle in ms (0 for a continuous tone). */
    public int cycleMs() {
        return cadenceMs.stream().mapToInt(Integer::intValue).sum();
    }
}
