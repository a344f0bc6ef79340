package io.branchbox.rig.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a second: the CPU share of the box's threads (their CPU time by {@link ThreadMXBean} over
 * wall time; threads of the simulator and the bench are left out by name), the whole process's
 * CPU share from {@code /proc/self/stat} (box, simulator, GC and JIT together) and the process's
 * resident set from {@code /proc/self/status}. Shares are of one core (1.0 = one core busy).
 *
 * <p>Threading: {@link #sample} is called by one thread; results are read after the run.
 */
final class BoxCpuSampler {
    private static final Logger log = LoggerFactory.getLogger(BoxCpuSampler.class);
    private static final long CLOCK_TICKS_PER_S = 100;
    /** Threads that are not the box: the board and carrier simulators, the rig, the bench itself. */
    private static final List<String> NOT_BOX = List.of("sim-", "carrier-", "rig", "bench-", "main", "exchange",
            "Reference Handler", "Finalizer", "Signal Dispatcher", "Common-Cleaner", "Notification Thread",
            "Attach Listener");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> lastCpu = new HashMap<>();
    private final Map<String, Long> cpuByThread = new TreeMap<>();
    private long lastWall;
    private long lastProcTicks;
    final List<Double> boxShare = new ArrayList<>();
    final List<Double> processShare = new ArrayList<>();
    final List<Long> rssKb = new ArrayList<>();

    BoxCpuSampler() {
        threads.setThreadCpuTimeEnabled(true);
    }

    static boolean isBoxThread(String name) {
        return NOT_BOX.stream().noneMatch(name::startsWith);
    }

    /** Takes the baseline; the next {@link #sample} measures from here. */
    void start() throws IOException {
        lastWall = System.nanoTime();
        lastProcTicks = processTicks();
        boxDelta();
    }

    void sample() throws IOException {
        long wall = System.nanoTime();
        long box = boxDelta();
        long ticks = processTicks();
        double seconds = (wall - lastWall) / 1e9;
        boxShare.add(box / 1e9 / seconds);
        processShare.add((ticks - lastProcTicks) / (double) CLOCK_TICKS_PER_S / seconds);
        rssKb.add(rssKb());
        lastWall = wall;
        lastProcTicks = ticks;
    }

    /** CPU seconds per thread name over the measured samples, for the log. */
    Map<String, Long> cpuByThreadNanos() {
        return cpuByThread;
    }

    private long boxDelta() {
        long sum = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(t.getThreadId());
            if (cpu < 0) {
                continue;
            }
            Long before = lastCpu.put(t.getThreadId(), cpu);
            long d = before == null ? 0 : cpu - before;
            if (before != null) {
                cpuByThread.merge(t.getThreadName(), d, Long::sum);
            }
            if (isBoxThread(t.getThreadName())) {
                sum += d;
            }
        }
        return sum;
    }

    private static long processTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        // fields after the parenthesised command name; utime and stime are fields 14 and 15
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        log.warn("no VmRSS in /proc/self/status");
        return 0;
    }
}
