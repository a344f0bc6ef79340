package io.branchbox.rig.talkoff;

import io.branchbox.firmware.dsp.DtmfDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the box's {@link DtmfDetector} and spandsp's {@code dtmf_rx} (the oracle compiled from
 * {@code test-rig/src/test/c/dtmf_rx_oracle.c} with gcc, linked with libspandsp) over every piece
 * of a corpus, frame by frame (160 samples, as on a channel), and counts the digits each reports.
 * The corpus holds no DTMF: every digit is a false one.
 */
public final class TalkOffMeasurement {
    /** The false digits of one piece. */
    public record Result(CorpusPiece piece, List<String> boxDigits, List<String> spandspDigits) {}

    private final Path work;
    private final Path oracle;

    /**
     * @param work         where the oracle binary and the pieces' A-law files go
     * @param oracleSource {@code dtmf_rx_oracle.c}
     */
    public TalkOffMeasurement(Path work, Path oracleSource) throws IOException, InterruptedException {
        this.work = work;
        Files.createDirectories(work);
        this.oracle = work.resolve("dtmf_rx_oracle");
        TalkOffCorpus.run("gcc", "-O2", "-o", oracle.toString(), oracleSource.toString(), "-lspandsp");
    }

    /** The oracle's source, from the repository root or the test-rig module. */
    public static Path oracleSource() {
        for (Path p : List.of(Path.of("test-rig/src/test/c/dtmf_rx_oracle.c"), Path.of("src/test/c/dtmf_rx_oracle.c"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("dtmf_rx_oracle.c not found from " + Path.of("").toAbsolutePath());
    }

    public List<Result> measure(List<CorpusPiece> pieces) throws IOException, InterruptedException {
        List<Result> results = new ArrayList<>();
        for (CorpusPiece p : pieces) {
            results.add(new Result(p, box(p.alaw()), spandsp(p)));
        }
        return results;
    }

    /** The box's detector, fed 20 ms frames: "digit@ms" per report. */
    static List<String> box(byte[] alaw) {
        List<String> digits = new ArrayList<>();
        DtmfDetector d = new DtmfDetector((digit, at) -> digits.add(digit + "@" + at / 8));
        for (int off = 0; off + 160 <= alaw.length; off += 160) {
            d.process(alaw, off, 160);
        }
        return digits;
    }

    private List<String> spandsp(CorpusPiece p) throws IOException, InterruptedException {
        Path raw = work.resolve(p.name().replaceAll("[^A-Za-z0-9.-]", "_") + ".alaw");
        Files.write(raw, p.alaw());
        List<String> digits = new ArrayList<>();
        for (String line : TalkOffCorpus.output(oracle.toString(), raw.toString()).split("\n")) {
            int colon = line.indexOf(" ms: ");
            if (colon > 0) {
                digits.add(line.substring(colon + 5).strip() + "@" + line.substring(0, colon));
            }
        }
        Files.delete(raw);
        return digits;
    }

    /** A Markdown table of the results, one row per piece and the totals per category and overall. */
    public static String table(List<Result> results) {
        StringBuilder sb = new StringBuilder("| piece | minutes | box DtmfDetector | spandsp dtmf_rx |\n|---|---:|---:|---:|\n");
        double minutes = 0;
        int box = 0;
        int sp = 0;
        for (Result r : results) {
            sb.append(String.format("| %s | %.1f | %d | %d |%n", r.piece().name(), r.piece().seconds() / 60,
                    r.boxDigits().size(), r.spandspDigits().size()));
            minutes += r.piece().seconds() / 60;
            box += r.boxDigits().size();
            sp += r.spandspDigits().size();
        }
        sb.append(String.format("| **all** | **%.1f** | **%d** | **%d** |%n", minutes, box, sp));
        return sb.toString();
    }
}
