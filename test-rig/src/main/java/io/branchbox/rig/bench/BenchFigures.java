package io.branchbox.rig.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The machine-readable side of a load benchmark: each figure a bench main logs for people it
 * also records here, one JSON line per figure, into the file named by the system property
 * {@value #PROPERTY} ({@link BenchAll} sets it; without it, recording does nothing). The names
 * are stable: {@code docs/bench-baseline.json} and the smoke check key on them.
 *
 * <p>Thread-safe (one append per call, synchronized); called at the end of a run, never on a
 * measured path.
 */
public final class BenchFigures {

    /** The system property naming the results file. */
    public static final String PROPERTY = "bench.results";

    /** Which way is better, for the regression check. */
    public enum Better { LOWER, HIGHER }

    private BenchFigures() {}

    /**
     * Records one figure.
     *
     * @param name   stable dotted name, e.g. {@code audio.turnaround.p99}
     * @param value  the figure
     * @param unit   its unit as people read it ({@code ms}, {@code MB}, {@code msg/s}, {@code %})
     * @param better which way is better
     */
    public static synchronized void record(String name, double value, String unit, Better better) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        String line = String.format(Locale.ROOT, "{\"name\":\"%s\",\"value\":%s,\"unit\":\"%s\",\"better\":\"%s\"}%n",
                name, Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "null", unit,
                better.name().toLowerCase(Locale.ROOT));
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record benchmark figure " + name + " in " + file, e);
        }
    }

    /** Records a latency distribution's p50, p99, p99.9 and max under {@code prefix}. */
    static void latency(String prefix, Percentiles.Summary s) {
        record(prefix + ".p50", s.p50Ms(), "ms", Better.LOWER);
        record(prefix + ".p99", s.p99Ms(), "ms", Better.LOWER);
        record(prefix + ".p999", s.p999Ms(), "ms", Better.LOWER);
        record(prefix + ".max", s.maxMs(), "ms", Better.LOWER);
    }
}
