package io.branchbox.firmware.dsp;

import java.util.List;
import java.util.Optional;

/**
 * The call-progress tones of one country, for {@link ToneGenerator} and {@link ToneDetector}.
 *
 * <p>{@link #china()} follows YD/T 1076 style tones at 450 Hz, −10 dBm0:
 * <ul>
 *   <li>dial: continuous, reported after 1.5 s (longer than a ringback burst);
 *   <li>busy: 0.35 s on / 0.35 s off, reported after 2 cycles;
 *   <li>congestion: 0.7 s on / 0.7 s off, reported after 2 cycles;
 *   <li>ringback: 1 s on / 4 s off, reported after 1 cycle (when the second burst starts);
 *   <li>vacant: three 0.1 s bursts with 0.1 s gaps, then 0.4 s on / 0.4 s off (a 1.4 s cycle),
 *       reported after 1 cycle.
 * </ul>
 *
 * @param tones the tones; names are unique
 */
public record TonePlan(List<ToneSpec> tones) {
    public TonePlan {
        tones = List.copyOf(tones);
        if (tones.stream().map(ToneSpec::name).distinct().count() != tones.size()) {
            throw new IllegalArgumentException("tone names must be unique");
        }
    }

    /** China's tones (the box's default). */
    public static TonePlan china() {
        return new TonePlan(List.of(
                new ToneSpec("dial", 450, -10, List.of(), 1500),
                new ToneSpec("busy", 450, -10, List.of(350, 350), 2),
                new ToneSpec("congestion", 450, -10, List.of(700, 700), 2),
                new ToneSpec("ringback", 450, -10, List.of(1000, 4000), 1),
                new ToneSpec("vacant", 450, -10, List.of(100, 100, 100, 100, 100, 100, 400, 400), 1)));
    }

    /** The tone called {@code name}. */
    public Optional<ToneSpec> tone(String name) {
        return tones.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
