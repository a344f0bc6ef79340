package io.branchbox.testkit;

import java.util.Random;

/**
 * Runs a property over generated inputs: {@code Tries.forAll(gen, input -> ...)}. The number of
 * tries is the {@code fuzz.tries} system property (the parent pom sets a few hundred for
 * {@code ./box test} and thousands under {@code -Pfaults}), or the count given.
 *
 * <p>Each run draws a new master seed, so runs explore different inputs; a failure names the seed
 * and the try, and {@code -Dfuzz.seed=<seed>} replays exactly that run. There is no shrinking:
 * the failure shows the input itself (its start, for large ones).
 *
 * <p>Why not a property-testing library: see {@code docs/RELIABILITY.md} ("Property tests").
 */
public final class Tries {
    /** Tries when neither the caller nor {@code fuzz.tries} says. */
    public static final int DEFAULT_TRIES = 150;

    private Tries() {
    }

    /** A property: throws (an assertion error or any exception) when the input breaks it. */
    @FunctionalInterface
    public interface Property<T> {
        void check(T input) throws Throwable;
    }

    /** The configured number of tries ({@code fuzz.tries}). */
    public static int configured() {
        return Integer.getInteger("fuzz.tries", DEFAULT_TRIES);
    }

    /** Runs {@code property} over {@link #configured()} inputs. */
    public static <T> void forAll(Gen<T> gen, Property<? super T> property) {
        forAll(configured(), gen, property);
    }

    /** Runs {@code property} over {@code tries} inputs; the first failure ends the run with its seed and input. */
    public static <T> void forAll(int tries, Gen<T> gen, Property<? super T> property) {
        long master = Long.getLong("fuzz.seed", new Random().nextLong());
        Random seeds = new Random(master);
        for (int i = 0; i < tries; i++) {
            Random r = new Random(seeds.nextLong());
            T input = gen.next(r);
            try {
                property.check(input);
            } catch (Throwable t) {
                throw new AssertionError("try " + (i + 1) + " of " + tries + " failed (replay: -Dfuzz.seed=" + master
                        + ") on input " + Inputs.show(input) + ": " + t, t);
            }
        }
    }
}
