package io.branchbox.rig.bench;

import io.branchbox.time.ThreadNames;
import io.branchbox.firmware.recording.AlawWav;
import io.branchbox.firmware.recording.Recording;
import io.branchbox.firmware.recording.RecordingResult;
import io.branchbox.firmware.recording.RecordingService;
import io.branchbox.firmware.recording.RecordingStatusListener;
import io.branchbox.time.ExecutorScheduler;
import io.branchbox.time.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many calls one recording writer thread records in real time, with its forced writes every
 * second: runs N recordings at 50 frames/s each into a temporary directory for a while, for
 * growing N, and reports per step the lost frames, the writer's cycle time (drain of every ring
 * plus the forces due, per 100 ms tick: p50/p99/max), how late the ticks started, and the bytes
 * stored per recorded minute, measured against the computed 960 000 + header.
 *
 * <p>A step passes when no frame was lost and the longest cycle plus the latest tick start stay
 * under a second: the ring holds five seconds, so frames survive much longer stalls, but a force
 * that comes later than that breaks the one-second power-cut loss bound. All
 * calls start together, so their forces fall into the same tick: the worst case for the cycle.
 * Most cycles only drain; every tenth also forces, so p99 shows the force cycles. The search
 * doubles N until a step fails, then bisects once between the last pass and the fail.
 *
 * <p>Run: {@code java -cp <test-rig classpath> io.branchbox.rig.bench.RecordingCapacityBench
 * [seconds-per-step=15] [first-N=30] [max-N=3840]}.
 * Results go to the log (SLF4J), one line per step and a summary. Real time, real disk: the
 * figures say as much about the machine as about the writer.
 */
public final class RecordingCapacityBench {
    private static final Logger log = LoggerFactory.getLogger(RecordingCapacityBench.class);
    /** Longest cycle plus tick lateness allowed: beyond it a force is late and the one-second loss bound gone. */
    private static final long MAX_CYCLE_MILLIS = 1000;

    /** The outcome of one step. */
    record Step(int calls, long framesWritten, long lostFrames, double p50Ms, double p99Ms, double maxMs,
            double maxLateMs, double bytesPerMinute, int cycles) {
        boolean keptUp() {
            return lostFrames == 0 && maxMs + maxLateMs < MAX_CYCLE_MILLIS;
        }
    }

    private RecordingCapacityBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int first = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int max = args.length > 2 ? Integer.parseInt(args[2]) : 3840;
        log.info("recording capacity: {} s per step, N from {} up to {}, {} core(s), java {}",
                seconds, first, max, Runtime.getRuntime().availableProcessors(), Runtime.version());
        log.info("computed storage: {} bytes of samples per recorded minute (+{} header bytes per file)",
                AlawWav.BYTES_PER_SECOND * 60L, AlawWav.HEADER_BYTES);
        List<Step> steps = new ArrayList<>();
        int pass = 0;
        int fail = 0;
        for (int n = first; n <= max; n *= 2) {
            Step s = run(n, seconds);
            steps.add(s);
            if (!s.keptUp()) {
                fail = n;
                break;
            }
            pass = n;
        }
        if (pass > 0 && fail > 0 && fail - pass > 1) {
            Step s = run((pass + fail) / 2, seconds);
            steps.add(s);
            if (s.keptUp()) {
                pass = s.calls();
            }
        }
        log.info("summary (calls, lost, cycle p50/p99/max ms, tick late max ms, bytes/min, kept up):");
        for (Step s : steps) {
            log.info(String.format(Locale.ROOT, "  %5d  %6d  %7.2f %7.2f %8.2f  %8.2f  %9.0f  %s", s.calls(),
                    s.lostFrames(), s.p50Ms(), s.p99Ms(), s.maxMs(), s.maxLateMs(), s.bytesPerMinute(), s.keptUp()));
        }
        log.info("highest N kept up: {}{}", pass, fail == 0 ? " (the search stopped at its limit, not at a failure)" : "");
    }

    static Step run(int calls, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("rec-bench-");
        TimingScheduler writer = new TimingScheduler(new ExecutorScheduler(ThreadNames.RECORDING_WRITER, Clock.systemUTC()));
        ExecutorScheduler audio = new ExecutorScheduler(ThreadNames.BENCH + "audio", Clock.systemUTC());
        try {
            RecordingService service = new RecordingService(dir, writer, RecordingStatusListener.NONE);
            List<Recording> recs = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < calls; i++) {
                recs.add(service.start("bench-" + i, now));
            }
            // all files are created (each forced with its directory) before the clock starts: a
            // burst of N simultaneous call starts is not what the box sees and would swamp the figures
            long openStart = System.nanoTime();
            CompletableFuture<Void> opened = new CompletableFuture<>();
            writer.execute(() -> opened.complete(null));
            opened.get(120, TimeUnit.SECONDS);
            log.info(String.format(Locale.ROOT, "N=%d: %d files created and forced in %.1f ms", calls, calls,
                    ms(System.nanoTime() - openStart)));
            writer.reset();
            byte[] left = new byte[AlawWav.FRAME_SAMPLES];
            byte[] right = new byte[AlawWav.FRAME_SAMPLES];
            Arrays.fill(left, (byte) 0xD5);
            Arrays.fill(right, (byte) 0x55);
            long[] frames = new long[1];
            long frameCount = seconds * 50L;
            CompletableFuture<Void> fed = new CompletableFuture<>();
            Scheduler.Timer[] feeder = new Scheduler.Timer[1];
            feeder[0] = audio.scheduleAtFixedRate(Duration.ofMillis(20), Duration.ofMillis(20), () -> {
                if (frames[0] >= frameCount) {
                    feeder[0].cancel();
                    fed.complete(null);
                    return;
                }
                for (Recording r : recs) {
                    r.write(left, 0, right, 0);
                }
                frames[0]++;
            });
            fed.get(seconds * 3L + 30, TimeUnit.SECONDS);
            // the figures of the recording phase only: the finish below queues hashing on the writer
            long[] cycles = writer.cycleNanos();
            long maxLate = writer.maxLateNanos();
            long lost = 0;
            long dataBytes = 0;
            long fileBytes = 0;
            for (Recording r : recs) {
                RecordingResult res = r.finish().get(60, TimeUnit.SECONDS);
                lost += res.lostFrames();
                dataBytes += res.dataBytes();
                fileBytes += Files.size(res.file());
            }
            service.close();
            Arrays.sort(cycles);
            double recordedMinutes = dataBytes / (double) AlawWav.BYTES_PER_SECOND / 60.0;
            Step s = new Step(calls, frameCount * calls, lost, ms(pct(cycles, 0.50)), ms(pct(cycles, 0.99)),
                    ms(cycles.length == 0 ? 0 : cycles[cycles.length - 1]), ms(maxLate),
                    recordedMinutes == 0 ? 0 : fileBytes / recordedMinutes, cycles.length);
            log.info(String.format(Locale.ROOT, "N=%d: %d frames written, %d lost; %d cycles p50 %.2f ms, p99 %.2f ms,"
                    + " max %.2f ms; ticks up to %.2f ms late; %.0f bytes per recorded minute; kept up: %s",
                    calls, s.framesWritten(), lost, s.cycles(), s.p50Ms(), s.p99Ms(), s.maxMs(), s.maxLateMs(),
                    s.bytesPerMinute(), s.keptUp()));
            return s;
        } finally {
            audio.close();
            writer.close();
            deleteTree(dir);
        }
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
