package io.branchbox.rig.talkoff;

import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the talk-off corpus and prints both detectors' false digits as a Markdown table:
 * {@code ./box bench-main io.branchbox.rig.talkoff.TalkOffBench [scale] [workdir]} (scale 1 = the
 * full corpus, over 30 minutes; default work directory {@code test-rig/target/talkoff}).
 */
public final class TalkOffBench {
    private static final Logger log = LoggerFactory.getLogger(TalkOffBench.class);

    private TalkOffBench() {}

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        Path work = Path.of(args.length > 1 ? args[1] : "test-rig/target/talkoff");
        List<CorpusPiece> pieces = new TalkOffCorpus(work).build(scale);
        List<TalkOffMeasurement.Result> results = new TalkOffMeasurement(work, TalkOffMeasurement.oracleSource()).measure(pieces);
        StringBuilder out = new StringBuilder(TalkOffMeasurement.table(results));
        for (TalkOffMeasurement.Result r : results) {
            if (!r.boxDigits().isEmpty() || !r.spandspDigits().isEmpty()) {
                out.append(String.format("%s: box %s, spandsp %s%n", r.piece().name(), r.boxDigits(), r.spandspDigits()));
            }
        }
        log.info("talk-off over {} pieces:\n{}", results.size(), out);
    }
}
