package io.branchbox.rig.bench;

import io.branchbox.rig.carrier.OfferedCall;
import io.branchbox.rig.sim.SimulatedSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's memory and pauses at full load, measured on the box's process alone: this process
 * simulates the board (behind a real pseudo-terminal), the carrier and the callers, and starts the
 * box ({@link LoadedBox}) in a second JVM with the shipped options ({@code web-admin/src/dist/jvm.options},
 * or the file named by {@code -Dbox.options=FILE} for a before/after comparison) plus Native Memory
 * Tracking and a GC log. The load is {@link FullLoadAudioBench}'s (30 recorded calls on E1 span 0,
 * 8 bridged to headsets, 22 hearing hold music: 38 channels both ways), plus DTMF detection on
 * every channel, and the web admin with a supervisor's wallboard and console open and a month's
 * report run in the middle of the window ({@link WebLoad}).
 *
 * <p>Measured over the window: the box process's resident set and CPU from {@code /proc} every
 * second, the NMT summary (by {@code jcmd}) in the middle of the window, the longest GC pause in the
 * window from the GC log, turnaround and bridged transit at the box's port (by the box's
 * {@link BoxPortProbe}), end to end at the board, playout underruns.
 *
 * <p>First the whole E1 is seized in one burst ({@link CallBurst}: 30 SETUPs, one every
 * {@code burstGapMs}, each timed per stage by {@link BurstTimings}); every call must be answered
 * and, at the end, recorded.
 *
 * <p>Run: {@code ./box bench-main io.branchbox.rig.bench.BoxProcessBench [seconds=60] [dtmf=true] [burstGapMs=10]};
 * logs and the NMT summary in {@code test-rig/target/bench/}.
 */
public final class BoxProcessBench {
    private static final Logger log = LoggerFactory.getLogger(BoxProcessBench.class);
    private static final Pattern GC_LINE = Pattern.compile("^\\[(\\d+(?:\\.\\d+)?)s\\].*Pause.* (\\d+(?:\\.\\d+)?)ms");
    private static final Pattern NMT_LINE = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB[,)]");
    private static final Pattern NMT_TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB");

    private BoxProcessBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        boolean dtmf = args.length <= 1 || Boolean.parseBoolean(args[1]);
        int burstGapMillis = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path root = Path.of("").toAbsolutePath();
        Path out = Files.createDirectories(root.resolve("test-rig/target/bench"));
        Path optionsFile = Path.of(System.getProperty("box.options", "web-admin/src/dist/jvm.options"));
        // the class-data-sharing archive as the service has it: written at the box's clean stop,
        // mapped by the next run (the first run after a build measures without it)
        Path cds = Files.createDirectories(out.resolve("cds-box"));
        String boxClassPath = jarsOnly(System.getProperty("java.class.path"));
        boolean archived = freshArchive(cds.resolve("box-cds.jsa"), boxClassPath);
        List<String> options = BenchAll.JvmOptions.read(optionsFile, cds);
        boolean nmtOn = Boolean.parseBoolean(System.getProperty("box.nmt", "true"));
        Path dir = Files.createTempDirectory("box-process-bench-");
        Path data = Files.createDirectories(dir.resolve("box"));
        Path control = Files.createDirectories(dir.resolve("control"));
        Path gcLog = out.resolve("box-process-gc.log");
        Files.deleteIfExists(gcLog);
        log.info("box process bench: {} s, DTMF on every channel {}, options {} {}, environment {}, class-data"
                + " sharing archive {}, native memory tracking {}, load average {}", seconds, dtmf, optionsFile, options,
                BenchAll.JvmOptions.environment(optionsFile), archived ? "mapped" : "written at the stop", nmtOn,
                BenchAll.loadAverage());
        try (SimulatedSite site = SimulatedSite.start(dir.resolve("site"))) {
            List<StampedTalker> talkers = StampedTalker.onTrunkAndHeadsets(site.board(), LoadedBox.SEATS,
                    50 * (seconds + 30));
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(options);
            if (nmtOn) {
                cmd.add("-XX:NativeMemoryTracking=summary");
            }
            cmd.add("-Xlog:gc:file=" + gcLog);
            String results = System.getProperty(BenchFigures.PROPERTY);
            if (results != null) {
                cmd.add("-D" + BenchFigures.PROPERTY + "=" + results);
            }
            cmd.addAll(List.of("-cp", boxClassPath, LoadedBox.class.getName(),
                    dir.resolve("site/board-tty").toString(), data.toString(), control.toString(),
                    Integer.toString(seconds), Boolean.toString(dtmf), Integer.toString(2 * LoadedBox.CALLS)));
            long t0 = System.nanoTime();
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(out.resolve("box-process-box.log").toFile());
            pb.environment().putAll(BenchAll.JvmOptions.environment(optionsFile));
            Process box = pb.start();
            try {
                run(site, box, data, control, out, gcLog, seconds, talkers, t0, nmtOn, burstGapMillis);
            } finally {
                if (box.isAlive()) {
                    box.destroy();
                    if (!box.waitFor(30, TimeUnit.SECONDS)) {
                        box.destroyForcibly();
                    }
                }
            }
        }
    }

    private static void run(SimulatedSite site, Process box, Path data, Path control, Path out, Path gcLog, int seconds,
            List<StampedTalker> talkers, long t0, boolean nmtOn, int burstGapMillis) throws Exception {
        Path port = control.resolve("port");
        OfferToRingBench.waitFor("the box's web admin", Duration.ofMinutes(3), () -> Files.exists(port) || !box.isAlive());
        if (!box.isAlive()) {
            throw new IllegalStateException("the box process ended with " + box.exitValue() + " before it started");
        }
        log.info("box process {} started: web admin on port {} after {} ms", box.pid(), Files.readString(port),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        OfferToRingBench.waitFor("layer 2 up", Duration.ofSeconds(60), site.carrier()::layer2Up);
        // the whole E1 seized in one burst (100 call attempts per second by default), every call
        // answered; timed per stage at the carrier and in the box (CallBurst, BurstTimings)
        // first on the box as it started (classes not loaded, nothing compiled: a box restarted while
        // the E1 is busy), cleared, then the measured burst on a box that has handled calls
        CallBurst cold = new CallBurst();
        List<OfferedCall> coldCalls = cold.offer(site.carrier(), burstGapMillis);
        coldCalls.forEach(c -> site.carrier().hangup(c));
        for (OfferedCall c : coldCalls) {
            c.cleared().get(60, TimeUnit.SECONDS);
        }
        CallBurst burst = new CallBurst();
        List<OfferedCall> calls = burst.offer(site.carrier(), burstGapMillis);
        try (WebLoad web = new WebLoad(Integer.parseInt(Files.readString(port).trim()))) {
            web.start(data);
            Path measuring = control.resolve("measuring");
            OfferToRingBench.waitFor("the box's measured window", Duration.ofMinutes(5),
                    () -> Files.exists(measuring) || !box.isAlive());
            long windowStartMs = Long.parseLong(Files.readString(measuring).trim());
            cold.report(control, "box.burst.cold");
            Percentiles.Summary firstAnswer = burst.report(control, "box.burst");
            log.info("burst of {} calls, one every {} ms: SETUP → first answer at the carrier {} (load average {})",
                    calls.size(), burstGapMillis, firstAnswer, BenchAll.loadAverage());
            String loadStart = BenchAll.loadAverage();
            long underrunsBefore = site.board().underruns();
            talkers.forEach(t -> t.measuring(true));
            List<Long> rssKb = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            ThreadCpu threadsAtStart = ThreadCpu.of(box.pid());
            long lastTicks = ticks(box.pid());
            long lastWall = System.nanoTime();
            String nmt = null;
            Path measured = control.resolve("measured");
            for (int s = 1; !Files.exists(measured) && box.isAlive() && s <= seconds + 60; s++) {
                Thread.sleep(1000);
                long tk = ticks(box.pid());
                long wall = System.nanoTime();
                cpu.add((tk - lastTicks) / 100.0 / ((wall - lastWall) / 1e9));
                rssKb.add(rssKb(box.pid()));
                lastTicks = tk;
                lastWall = wall;
                if (s == seconds / 2) {
                    web.report();
                    if (nmtOn) {
                        nmt = jcmd(box.pid(), "VM.native_memory", "summary");
                        Files.writeString(out.resolve("box-process-nmt.txt"), nmt, StandardCharsets.UTF_8);
                    }
                    Files.writeString(out.resolve("box-process-memory.txt"), String.join("\n",
                            Files.readString(Path.of("/proc/" + box.pid() + "/smaps_rollup")),
                            jcmd(box.pid(), "VM.classloader_stats"), jcmd(box.pid(), "VM.metaspace")),
                            StandardCharsets.UTF_8);
                }
            }
            double boxThreads = ThreadCpu.report(threadsAtStart, ThreadCpu.of(box.pid())).get(ThreadCpu.Group.BOX);
            Path probeCpu = control.resolve(LoadedBox.PROBE_CPU);
            if (Files.exists(probeCpu)) {
                // the box's threads carry the bench's port probe (its own deframing of both byte
                // streams and its stamps) which a box in the field does not run; the DTMF detectors
                // it runs on every channel stay counted, as the issue asks (estimate: ProbeTime)
                double probe = Double.parseDouble(Files.readString(probeCpu).trim());
                BenchFigures.record("box.cpu.probe", probe, "% of a core", BenchFigures.Better.LOWER);
                BenchFigures.record("box.cpu.threads.box_without_probe", boxThreads - probe, "% of a core",
                        BenchFigures.Better.LOWER);
                log.info("the box's own threads without the bench's probe: {} % of a core (probe {} %, DTMF on every channel counted)",
                        String.format(Locale.ROOT, "%.2f", boxThreads - probe), String.format(Locale.ROOT, "%.2f", probe));
            }
            talkers.forEach(t -> t.measuring(false));
            long underruns = site.board().underruns() - underrunsBefore;
            String loadEnd = BenchAll.loadAverage();
            web.close(); // the pages stop polling before the box stops
            calls.forEach(c -> site.carrier().hangup(c));
            OfferToRingBench.waitFor("recordings finished and the box stopped", Duration.ofMinutes(3),
                    () -> !box.isAlive());
            Path recorded = control.resolve("recorded");
            int recordings = Files.exists(recorded) ? Integer.parseInt(Files.readString(recorded).trim()) : 0;
            if (recordings < coldCalls.size() + calls.size()) {
                throw new IllegalStateException("the bursts' " + (coldCalls.size() + calls.size())
                        + " calls were answered but only " + recordings + " recordings finished");
            }
            log.info("every call of the burst answered and recorded: {} recordings finished", recordings);
            long[] e2e = talkers.stream().flatMapToLong(t -> java.util.Arrays.stream(t.heard())).toArray();
            Percentiles.Summary endToEnd = Percentiles.summarize(e2e, e2e.length);
            double rssMax = rssKb.stream().mapToLong(Long::longValue).max().orElse(0) / 1024.0;
            double rssAvg = rssKb.stream().mapToLong(Long::longValue).average().orElse(0) / 1024.0;
            double cpuAvg = 100 * cpu.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double cpuMax = 100 * cpu.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double[] pauses = gcPauses(gcLog, windowStartMs / 1000.0);
            log.info("box process (exit {}): RSS avg {} MB, max {} MB; CPU avg {} %, max {} % of a core (GC and JIT"
                    + " included); GC pauses in the window: {} , longest {} ms; longest of the whole run {} ms",
                    box.exitValue(), fmt(rssAvg), fmt(rssMax), fmt(cpuAvg), fmt(cpuMax), (int) pauses[2],
                    fmt(pauses[1]), fmt(pauses[0]));
            log.info("end to end at the board: {}; playout underruns in the window {}", endToEnd, underruns);
            log.info("load average at the window's start {}, at its end {}", loadStart, loadEnd);
            log.info("native memory in the middle of the window:\n{}", nmt);
            BenchFigures.record("box.rss.max", rssMax, "MB (box process alone)", BenchFigures.Better.LOWER);
            BenchFigures.record("box.rss.avg", rssAvg, "MB (box process alone)", BenchFigures.Better.LOWER);
            BenchFigures.record("box.cpu.avg", cpuAvg, "% of a core (box process)", BenchFigures.Better.LOWER);
            BenchFigures.record("box.gc.window.pause.max", pauses[1], "ms", BenchFigures.Better.LOWER);
            BenchFigures.record("box.gc.window.pauses", pauses[2], "pauses", BenchFigures.Better.LOWER);
            BenchFigures.record("box.underruns", underruns, "frames", BenchFigures.Better.LOWER);
            BenchFigures.latency("box.endToEnd", endToEnd);
            if (nmt != null) {
                for (String line : nmt.split("\n")) {
                    Matcher m = NMT_LINE.matcher(line.trim());
                    Matcher t = NMT_TOTAL.matcher(line.trim());
                    if (m.find()) {
                        BenchFigures.record("box.nmt." + m.group(1).replaceAll("[^A-Za-z]", ""),
                                Long.parseLong(m.group(3)) / 1024.0, "MB committed", BenchFigures.Better.LOWER);
                    } else if (t.find()) {
                        BenchFigures.record("box.nmt.Total", Long.parseLong(t.group(2)) / 1024.0, "MB committed",
                                BenchFigures.Better.LOWER);
                    }
                }
            }
        }
    }

    /** {longest pause of the run, longest in the window, pauses in the window} from a {@code -Xlog:gc} file. */
    static double[] gcPauses(Path gcLog, double windowStartS) throws IOException {
        double all = 0;
        double window = 0;
        int n = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
                Matcher m = GC_LINE.matcher(line);
                if (m.find()) {
                    double ms = Double.parseDouble(m.group(2));
                    all = Math.max(all, ms);
                    if (Double.parseDouble(m.group(1)) >= windowStartS) {
                        window = Math.max(window, ms);
                        n++;
                    }
                }
            }
        }
        return new double[] {all, window, n};
    }

    /**
     * The class path with each directory of classes replaced by its module's jar beside it
     * ({@code x/target/classes} → {@code x/target/x-*.jar}, built by {@code ./box bench-main}'s
     * install): class-data sharing archives classes from jars only.
     */
    static String jarsOnly(String classPath) throws IOException {
        List<String> out = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            Path jar = null;
            if (Files.isDirectory(p) && p.getFileName().toString().equals("classes") && p.getParent() != null
                    && p.getParent().getParent() != null && p.getParent().getParent().getFileName() != null) {
                // the module's own jar, <module>-<version>.jar: not -sources, -tests or a shade's -shaded
                String module = Pattern.quote(p.getParent().getParent().getFileName().toString());
                try (var jars = Files.list(p.getParent())) {
                    jar = jars.filter(j -> j.getFileName().toString().matches(module + "-\\d[\\w.]*(-SNAPSHOT)?\\.jar"))
                            .findFirst().orElse(null);
                }
            }
            out.add(jar == null ? entry : jar.toString());
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    /**
     * Whether {@code archive} exists and is newer than every jar of {@code classPath}; a stale one
     * is deleted (as the launcher does): the JVM would refuse it, run without it and not write a
     * new one, and the failed mapping costs memory.
     */
    static boolean freshArchive(Path archive, String classPath) throws IOException {
        if (!Files.exists(archive)) {
            return false;
        }
        var made = Files.getLastModifiedTime(archive);
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.exists(p) && Files.getLastModifiedTime(p).compareTo(made) > 0) {
                Files.delete(archive);
                return false;
            }
        }
        return true;
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return text;
    }

    private static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
