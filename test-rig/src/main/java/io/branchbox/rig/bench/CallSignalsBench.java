package io.branchbox.rig.bench;

import io.branchbox.firmware.dsp.Signals;
import io.branchbox.firmware.qa.signal.CallSignals;
import io.branchbox.firmware.qa.signal.SignalAnalyzer;
import io.branchbox.firmware.recording.AlawWav;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.slf4j.LoggerFactory;

/**
 * The cost of the calls' signals ({@link SignalAnalyzer}) per hour of recorded audio, in thread
 * CPU time (so other load on the machine does not inflate it), and what that means at the
 * branch's traffic: at most six agents' shifts of talk a day (2 × 9 h + 2 × 4.5 h + 2 × 10.5 h =
 * 48 agent-hours of audio, every agent on a call all shift long).
 *
 * <p>Writes one hour of a stereo recording in the box's layout (alternating turns of speech at
 * -20 dBm0 with pauses, line noise at -60 dBm0; the cost does not depend on who speaks) to a temporary file, reads it through the
 * analyzer {@code runs} times (default 5) after one warm-up, prints each run and the median.
 *
 * <p>Run: {@code ./box bench-main io.branchbox.rig.bench.CallSignalsBench [runs]}.
 */
public final class CallSignalsBench {
    private static final int SECONDS = 3600;
    /** The brief's rota with both agents of every shift on calls all the time: the worst day. */
    private static final double AUDIO_HOURS_PER_DAY = 48.0;

    private CallSignalsBench() {}

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path wav = Files.createTempFile("signals-bench", ".wav");
        try {
            writeHour(wav);
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            SignalAnalyzer analyzer = new SignalAnalyzer();
            CallSignals warm = analyzer.analyze(wav);
            long[] cpu = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = mx.getCurrentThreadCpuTime();
                analyzer.analyze(wav);
                cpu[i] = mx.getCurrentThreadCpuTime() - t0;
                report("run " + (i + 1), cpu[i]);
            }
            java.util.Arrays.sort(cpu);
            long median = cpu[runs / 2];
            report("median", median);
            double coreShare = median / 1e9 * AUDIO_HOURS_PER_DAY / 86_400.0 * 100;
            print(String.format("signals of the hour: %s%nbranch worst day (%.0f h of audio): %.4f %% of one core on average",
                    warm, AUDIO_HOURS_PER_DAY, coreShare));
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    private static void report(String what, long cpuNanos) {
        print(String.format("%-7s %7.1f ms CPU per hour of audio (%.0f audio s per CPU s)",
                what, cpuNanos / 1e6, SECONDS / (cpuNanos / 1e9)));
    }

    private static void print(String s) {
        LoggerFactory.getLogger(CallSignalsBench.class).info(s);
    }

    /** One hour: turns of 1–8 s alternating between the sides, pauses of 0–3 s. */
    private static void writeHour(Path wav) throws IOException {
        int samples = SECONDS * 8000;
        Random r = new Random(42);
        double voice = Signals.amplitude(-20);
        double noise = Signals.amplitude(-60) / 2;
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(wav), 1 << 16)) {
            out.write(AlawWav.header(samples * 2L).array());
            float[] left = new float[8000];
            float[] right = new float[8000];
            int turnLeft = 0;
            boolean agent = false;
            boolean speaking = false;
            for (int second = 0; second < SECONDS; second++) {
                for (int i = 0; i < 8000; i++) {
                    left[i] = (float) (r.nextGaussian() * noise);
                    right[i] = (float) (r.nextGaussian() * noise);
                }
                for (int i = 0; i < 8000; i += 160) {
                    if (turnLeft-- <= 0) {
                        speaking = !speaking || r.nextInt(10) == 0;
                        if (speaking) {
                            agent = !agent;
                        }
                        turnLeft = speaking ? 50 + r.nextInt(350) : r.nextInt(150);
                    }
                    if (speaking) {
                        Signals.addSine(agent ? right : left, i, 160, agent ? 440 : 300, voice, (long) second * 8000 + i);
                    }
                }
                byte[] l = Signals.toAlaw(left);
                byte[] rr = Signals.toAlaw(right);
                byte[] inter = new byte[16000];
                for (int i = 0; i < 8000; i++) {
                    inter[2 * i] = l[i];
                    inter[2 * i + 1] = rr[i];
                }
                out.write(inter);
            }
        }
    }
}
