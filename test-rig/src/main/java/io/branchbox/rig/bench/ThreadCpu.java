package io.branchbox.rig.bench;

import io.branchbox.time.ThreadNames;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CPU time per thread of another process, from {@code /proc/PID/task/TID/stat} (utime + stime in
 * clock ticks) and {@code comm} (the thread's name as the JVM set it, cut to 15 bytes by Linux):
 * two snapshots give each thread's share of one core over the time between them. Threads are put
 * in groups: the box's own (a name from {@link ThreadNames} outside its simulated-world section), the JVM's (GC, JIT,
 * VM), the web admin's server (Jetty), the database (H2), logging, the bench's helpers inside the
 * box's process, and other.
 *
 * <p>Stateless apart from the snapshot; read by the bench's main thread.
 */
final class ThreadCpu {
    private static final Logger log = LoggerFactory.getLogger(ThreadCpu.class);
    private static final double TICKS_PER_S = 100;
    private static final int COMM_MAX = 15;
    /** The box's thread names (and prefixes): ThreadNames without the simulated world's. */
    private static final List<String> BOX = boxNames();

    /** The group of a thread, in the order the table shows them. */
    enum Group { BOX, JVM, WEB, DATABASE, LOGGING, BENCH_IN_BOX, OTHER }

    private record Key(int tid, String name) {}

    private final Map<Key, Long> ticks;
    private final long nanos;

    private ThreadCpu(Map<Key, Long> ticks, long nanos) {
        this.ticks = ticks;
        this.nanos = nanos;
    }

    /** Every thread of process {@code pid} now (threads that end before the next snapshot drop out). */
    static ThreadCpu of(long pid) throws IOException {
        Map<Key, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = Files.readString(t.resolve("comm")).strip();
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(new Key(Integer.parseInt(t.getFileName().toString()), name),
                            Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return new ThreadCpu(ticks, System.nanoTime());
    }

    static Group group(String comm) {
        if (BOX.stream().anyMatch(b -> comm.startsWith(b.length() > COMM_MAX ? b.substring(0, COMM_MAX) : b))) {
            return Group.BOX;
        }
        if (Stream.of("GC Thread", "GC ", "Shenandoah", "G1 ", "C1 Compiler", "C2 Compiler", "VM ", "Service Thread",
                "Monitor Deflati", "Common-Cleaner", "Reference Handl", "Finalizer", "Signal Dispatch",
                "Notification Th", "Attach Listener", "JFR ", "Sweeper").anyMatch(comm::startsWith)) {
            return Group.JVM;
        }
        if (comm.startsWith("qtp") || comm.startsWith("Jetty") || comm.startsWith("Scheduler-")
                || comm.startsWith("HttpClient")) {
            return Group.WEB;
        }
        if (comm.startsWith("H2 ") || comm.startsWith("MVStore") || comm.startsWith("H2-")) {
            return Group.DATABASE;
        }
        if (comm.startsWith("AsyncAppender")) {
            return Group.LOGGING;
        }
        // the JVM never names its main thread for Linux: "java" is the process's main (the bench's LoadedBox)
        if (comm.equals(ThreadNames.RIG) || comm.equals("main") || comm.equals("java")) {
            return Group.BENCH_IN_BOX;
        }
        return Group.OTHER;
    }

    /** One thread's (or group's) share of one core between two snapshots, in percent. */
    record Row(Group group, String name, double percent) {}

    /** Per thread (threads of the same name summed), busiest first within each group; groups in order. */
    static List<Row> between(ThreadCpu start, ThreadCpu end) {
        double seconds = (end.nanos - start.nanos) / 1e9;
        Map<String, Long> byName = new LinkedHashMap<>();
        end.ticks.forEach((k, t) -> byName.merge(k.name(), t - start.ticks.getOrDefault(k, 0L), Long::sum));
        List<Row> rows = new ArrayList<>();
        byName.forEach((name, t) -> rows.add(new Row(group(name), name, 100 * t / TICKS_PER_S / seconds)));
        rows.sort(Comparator.comparing(Row::group).thenComparing(Comparator.comparingDouble(Row::percent).reversed())
                .thenComparing(Row::name));
        return rows;
    }

    /** Logs the table (threads with any CPU, and each group's total), records the groups' totals and returns them. */
    static Map<Group, Double> report(ThreadCpu start, ThreadCpu end) {
        List<Row> rows = between(start, end);
        Map<Group, Double> totals = new LinkedHashMap<>();
        for (Group g : Group.values()) {
            totals.put(g, rows.stream().filter(r -> r.group() == g).mapToDouble(Row::percent).sum());
        }
        StringBuilder t = new StringBuilder();
        for (Group g : Group.values()) {
            t.append(String.format(Locale.ROOT, "%n  %-14s %6.2f %%", g, totals.get(g)));
            rows.stream().filter(r -> r.group() == g && r.percent() > 0).forEach(r -> t.append(
                    String.format(Locale.ROOT, "%n      %-18s %6.2f %%", r.name(), r.percent())));
        }
        log.info("box process CPU by thread over the window ({} s; % of one core, /proc ticks of 10 ms):{}",
                String.format(Locale.ROOT, "%.0f", (end.nanos - start.nanos) / 1e9), t);
        totals.forEach((g, v) -> BenchFigures.record("box.cpu.threads." + g.name().toLowerCase(Locale.ROOT), v,
                "% of a core", BenchFigures.Better.LOWER));
        rows.stream().filter(r -> r.group() == Group.BOX).forEach(r -> BenchFigures.record(
                "box.cpu.thread." + r.name().replaceAll("[^A-Za-z0-9]+", "-"), r.percent(), "% of a core",
                BenchFigures.Better.LOWER));
        return totals;
    }

    private static List<String> boxNames() {
        List<String> world = List.of(ThreadNames.SIM_CORE, ThreadNames.SIM_READ, ThreadNames.CARRIER_SPAN,
                ThreadNames.RIG, ThreadNames.BENCH);
        List<String> names = new ArrayList<>();
        for (Field f : ThreadNames.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    String n = (String) f.get(null);
                    if (!world.contains(n)) {
                        names.add(n);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(names);
    }
}
