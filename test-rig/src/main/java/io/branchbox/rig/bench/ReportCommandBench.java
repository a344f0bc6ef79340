package io.branchbox.rig.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code report} tool as a technician runs it: {@code java <options> -jar box.jar report} in a
 * fresh JVM for each run, over a data directory with a month of journal (made by
 * {@link KpiReportBench}), timed from process start to exit, with its CPU time. First without the
 * day roll-ups (the cold read of the whole journal, as after a schema change or on a copied
 * journal; they are moved aside and put back), then with them when the directory has them. Each
 * options file is run in turn; its {@code @CACHE_DIR@} lines (the class-data archive) point at a
 * fresh directory, so its first run writes the archive (timed apart) and the others map it. Every
 * run must print the same report, whatever the options.
 *
 * <p>Run: {@code ./box bench-main io.branchbox.rig.bench.ReportCommandBench DIR [runs] [options
 * files]}; default 5 runs of {@code web-admin/src/dist/report.jvm.options} (the tool's) and
 * {@code web-admin/src/dist/jvm.options} (the box's, as tools were run before), month
 * 2026-11-01..30 by agent. {@code -Dreport.bench.from/to/by} change the report. Needs
 * {@code web-admin/target/box.jar} ({@code ./box bench-main} builds it) and {@code /usr/bin/time}
 * for the CPU figures.
 */
public final class ReportCommandBench {
    private static final Logger log = LoggerFactory.getLogger(ReportCommandBench.class);
    private static final Path JAR = Path.of("web-admin/target/box.jar");
    private static final Path TIME = Path.of("/usr/bin/time");

    private ReportCommandBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ReportCommandBench DIR [runs] [options files]");
        }
        Path data = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Path> files = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        if (files.isEmpty()) {
            files = List.of(Path.of("web-admin/src/dist/report.jvm.options"), Path.of("web-admin/src/dist/jvm.options"));
        }
        List<String> report = List.of("report", "--data", data.toString(),
                "--from", System.getProperty("report.bench.from", "2026-11-01"),
                "--to", System.getProperty("report.bench.to", "2026-11-30"),
                "--by", System.getProperty("report.bench.by", "agent"));
        Path rollups = data.resolve("kpi").resolve("days");
        Path aside = data.resolve("kpi").resolve("days.bench-aside");
        boolean hadRollups = Files.isDirectory(rollups) && hasFiles(rollups);
        byte[] expected = null;
        if (hadRollups) {
            Files.move(rollups, aside);
        }
        try {
            for (Path f : files) {
                expected = series(f, report, runs, "cold, no roll-ups", expected);
            }
        } finally {
            if (hadRollups) {
                deleteTree(rollups);
                Files.move(aside, rollups);
            }
        }
        if (hadRollups) {
            for (Path f : files) {
                series(f, report, runs, "from the day roll-ups", null);
            }
        }
    }

    /** Runs the tool {@code runs} times with the options of {@code file}; returns its report. */
    private static byte[] series(Path file, List<String> report, int runs, String what, byte[] expected)
            throws IOException, InterruptedException {
        Path cache = Files.createTempDirectory("report-bench-cache");
        List<String> options = options(file, cache);
        log.info("{} with {} ({}), load average {}", what, file, String.join(" ", options), loadAverage());
        boolean archive = options.contains("-XX:+AutoCreateSharedArchive");
        byte[] out = expected;
        if (archive) {
            Run first = run(options, report);
            out = same(out, first.output);
            log.info("  first run, writes the class-data archive: {}", first);
        }
        List<Long> walls = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Run r = run(options, report);
            out = same(out, r.output);
            walls.add(r.wallMs);
            log.info("  run {}: {}", i, r);
        }
        long[] sorted = walls.stream().mapToLong(Long::longValue).sorted().toArray();
        log.info("  {}: median {} ms, min {} ms, max {} ms of wall time over {} runs; load average now {}", what,
                sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], runs, loadAverage());
        deleteTree(cache);
        return out;
    }

    private record Run(long wallMs, String cpu, byte[] output) {
        @Override
        public String toString() {
            return wallMs + " ms wall" + (cpu.isEmpty() ? "" : ", " + cpu);
        }
    }

    private static Run run(List<String> options, List<String> report) throws IOException, InterruptedException {
        Path out = Files.createTempFile("report-bench", ".json");
        Path times = Files.createTempFile("report-bench", ".time");
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(TIME)) {
            cmd.addAll(List.of(TIME.toString(), "-o", times.toString(), "-f", "%U s user, %S s system CPU, %M KB max RSS"));
        }
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(options);
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(report);
        cmd.addAll(List.of("--out", out.toString()));
        Path said = Files.createTempFile("report-bench", ".log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(said.toFile()).start();
        int exit = p.waitFor();
        long wall = (System.nanoTime() - t0) / 1_000_000;
        String text = Files.readString(said, StandardCharsets.UTF_8);
        Files.delete(said);
        if (exit != 0) {
            throw new IllegalStateException("report exited with " + exit + ": " + cmd + "\n" + text);
        }
        byte[] output = Files.readAllBytes(out);
        String cpu = Files.readString(times, StandardCharsets.UTF_8).strip();
        Files.delete(out);
        Files.delete(times);
        return new Run(wall, cpu, output);
    }

    private static byte[] same(byte[] expected, byte[] got) {
        if (expected != null && !Arrays.equals(expected, got)) {
            throw new IllegalStateException("the report differs between runs or JVM options");
        }
        return got;
    }

    /**
     * The options of {@code file} as the launcher reads them for the report tool: the archive in
     * {@code cache}; the box's own file ({@code jvm.options}) as for any tool, without its archive.
     */
    static List<String> options(Path file, Path cache) throws IOException {
        if (file.getFileName().toString().equals("jvm.options")) {
            return BenchAll.JvmOptions.read(file);
        }
        return BenchAll.JvmOptions.read(file, cache);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static boolean hasFiles(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
