package io.branchbox.rig.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The smoke check's rule: a figure is a gross regression when it is {@link #MARGIN} times worse
 * than the committed baseline's (docs/bench-baseline.json), or the box process's average RSS more
 * than {@link #RSS_GROSS} times the {@link #RSS_BUDGET_MB} budget, baseline or not. Small baselines
 * are lifted to a floor per unit first (a 2 ms p50 tripling to 6 ms on a machine busy with
 * something else is noise, not a regression). Figures missing on either side are not compared; a
 * bench that fails outright fails the run by its exit code.
 *
 * <p>Only steady figures are compared ({@link #compared}): medians, averages, rates, and counts of
 * what was lost or failed. Tails (p99 and beyond, maxima), GC pauses and the simulator's own
 * figures are recorded but not compared: in a 30 s smoke run a single scheduling hiccup on a
 * shared 2-core CI machine moves a p99 threefold without anything having regressed (the burst's
 * warm p99 went 14 -> 64 ms at load average 3 here), and one failed CI run throws away a whole
 * session's work. The full run (`./box bench-all`) and docs/BENCHMARKS.md hold the tails.
 */
final class Baseline {

    static final double MARGIN = 3.0;
    /** The box's memory budget at full load (issue 20), MB of resident set. */
    static final double RSS_BUDGET_MB = 128;
    /**
     * How far over {@link #RSS_BUDGET_MB} the box process's average RSS may be before the smoke run
     * fails, whatever the baseline: a CI machine's first run has no class-data-sharing archive
     * yet (about 145 MB against 125 MB with it, docs/BENCHMARKS.md), so only a gross excess fails.
     */
    static final double RSS_GROSS = 1.25;
    static final String RSS_FIGURE = "box.rss.avg";

    private Baseline() {}

    static List<String> regressions(JsonNode baseline, JsonNode current) {
        Map<String, Double> before = new HashMap<>();
        for (JsonNode f : baseline.path("figures")) {
            before.put(f.path("name").asText(), f.path("value").asDouble());
        }
        List<String> out = new ArrayList<>();
        for (JsonNode f : current.path("figures")) {
            String name = f.path("name").asText();
            if (name.equals(RSS_FIGURE) && f.path("value").asDouble() > RSS_BUDGET_MB * RSS_GROSS) {
                out.add(String.format(Locale.ROOT, "%s: %s MB, over the %s MB budget by more than %d %%", name,
                        BenchAll.format(f.path("value").asDouble()), BenchAll.format(RSS_BUDGET_MB),
                        Math.round((RSS_GROSS - 1) * 100)));
                continue;
            }
            Double was = before.get(name);
            if (was == null || !compared(name)) {
                continue;
            }
            double now = f.path("value").asDouble();
            String unit = f.path("unit").asText();
            boolean lower = "lower".equals(f.path("better").asText());
            boolean worse = lower ? now > MARGIN * Math.max(was, floor(unit)) : now < was / MARGIN;
            if (worse) {
                out.add(String.format(Locale.ROOT, "%s: %s %s against a baseline of %s (%s is better)", name,
                        BenchAll.format(now), unit, BenchAll.format(was), lower ? "lower" : "higher"));
            }
        }
        return out;
    }

    /** Whether a figure is steady enough for the threefold rule (see the class comment). */
    static boolean compared(String name) {
        if (name.contains(".gc.") || name.contains("underruns")) {
            return false; // the collector's pauses are tails; underruns are the board simulator's own playout
        }
        return name.endsWith(".p50") || name.endsWith(".avg") || name.endsWith("Rate") || name.contains(".callRate")
                || name.contains(".drain.w") || name.endsWith(".lost") || name.endsWith(".failed")
                || name.endsWith(".talkoff") || name.endsWith(".unanswered") || name.equals("box.cpu.threads.box");
    }

    /** The smallest baseline worth comparing against, by unit. */
    static double floor(String unit) {
        if (unit.startsWith("ms")) {
            return 10; // latencies across processes on a shared machine: only a tripling past 30 ms is gross
        }
        if (unit.startsWith("%")) {
            return 2;
        }
        if (unit.startsWith("MB")) {
            return 16;
        }
        if (unit.startsWith("s")) {
            return 1;
        }
        return 50;
    }
}
