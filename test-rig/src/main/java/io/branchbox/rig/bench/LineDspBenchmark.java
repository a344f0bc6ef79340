package io.branchbox.rig.bench;

import io.branchbox.firmware.dsp.CallerIdReceiver;
import io.branchbox.firmware.dsp.DtmfDetector;
import io.branchbox.firmware.dsp.FskStandard;
import io.branchbox.firmware.dsp.ToneDetector;
import io.branchbox.firmware.dsp.TonePlan;
import io.branchbox.rig.exchange.LineSignals;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The line detectors' cost: each operation feeds one second of channel audio (50 frames of 160
 * A-law samples, as the board delivers them), so the score in ops/s is <b>seconds of channel
 * audio processed per CPU second</b> on one thread. Divide by the channels to watch (38 on a full
 * box) for the headroom.
 *
 * <ul>
 *   <li>{@code dtmf}: {@link DtmfDetector} over talk with keypad digits in it;
 *   <li>{@code tones}: {@link ToneDetector} (China's plan) over talk followed by busy tone;
 *   <li>{@code fskCallerId}: {@link CallerIdReceiver} (Bell 202) over a repeating caller-ID burst.
 * </ul>
 *
 * <p>Run: {@code ./box bench LineDsp}. {@link #main} writes the {@code dtmf} audio as raw A-law,
 * so spandsp's receiver can be timed on the same samples ({@code test-rig/src/test/c/README.md}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(1)
public class LineDspBenchmark {
    private static final int FRAME = 160;
    private static final int FRAMES_PER_SECOND = 50;

    private byte[] talkAndDigits;
    private byte[] talkAndBusy;
    private byte[] callerId;
    private int dtmfPos;
    private int tonePos;
    private int fskPos;
    private long heard;
    private DtmfDetector dtmf;
    private ToneDetector tones;
    private CallerIdReceiver fsk;

    @Setup
    public void setUp() {
        talkAndDigits = whole(concat(LineSignals.speech(6_000, 3), LineSignals.keypad("0123456789*#"),
                LineSignals.speech(4_000, 4)));
        talkAndBusy = whole(concat(LineSignals.speech(5_000, 5), LineSignals.tone(TonePlan.china(), "busy", 5_000)));
        byte[] burst = LineSignals.fskCallerId(FskStandard.BELL_202, "11231745", "13812345678", "ZHANG WEI");
        byte[] gap = new byte[8_000 - burst.length % 8_000];
        java.util.Arrays.fill(gap, (byte) 0xD5);
        callerId = whole(concat(burst, gap));
        dtmf = new DtmfDetector((d, at) -> heard++);
        tones = new ToneDetector(TonePlan.china(), (name, at) -> heard++);
        fsk = new CallerIdReceiver(CallerIdReceiver.LineType.BELL_202, (id, at) -> heard++);
    }

    /** One second of talk-with-digits through the DTMF receiver. */
    @Benchmark
    public long dtmf() {
        for (int f = 0; f < FRAMES_PER_SECOND; f++) {
            dtmf.process(talkAndDigits, dtmfPos, FRAME);
            dtmfPos = (dtmfPos + FRAME) % talkAndDigits.length;
        }
        return heard;
    }

    /** One second of talk-then-busy through the call-progress tone detector. */
    @Benchmark
    public long tones() {
        for (int f = 0; f < FRAMES_PER_SECOND; f++) {
            tones.process(talkAndBusy, tonePos, FRAME);
            tonePos = (tonePos + FRAME) % talkAndBusy.length;
        }
        return heard;
    }

    /** One second of on-hook caller-ID audio through the Bell 202 FSK receiver. */
    @Benchmark
    public long fskCallerId() {
        for (int f = 0; f < FRAMES_PER_SECOND; f++) {
            fsk.process(callerId, fskPos, FRAME);
            fskPos = (fskPos + FRAME) % callerId.length;
        }
        return heard;
    }

    /**
     * Two helpers for comparing with spandsp ({@code test-rig/src/test/c/README.md}), run with
     * {@code ./box bench-main io.branchbox.rig.bench.LineDspBenchmark ARGS}:
     * <ul>
     *   <li>{@code FILE}: writes the audio of the {@code dtmf} benchmark (raw A-law, 8 kHz, whole
     *       160-sample frames), the input for {@code dtmf_rx_oracle};
     *   <li>{@code --cpu SECONDS}: runs the {@code dtmf} benchmark for that much thread CPU time
     *       after as much warm-up, and logs seconds of audio per CPU second, measured as the
     *       oracle's {@code --bench} measures (CPU time, not wall time, so a loaded machine skews
     *       both the same way; JMH's wall-clock score drops when the thread is descheduled).
     * </ul>
     */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length == 2 && args[0].equals("--cpu")) {
            cpuRun(Double.parseDouble(args[1]));
        } else if (args.length == 1) {
            LineDspBenchmark bench = new LineDspBenchmark();
            bench.setUp();
            java.nio.file.Files.write(java.nio.file.Path.of(args[0]), bench.talkAndDigits);
        } else {
            throw new IllegalArgumentException("usage: LineDspBenchmark FILE.alaw | --cpu SECONDS");
        }
    }

    private static void cpuRun(double seconds) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        LineDspBenchmark bench = new LineDspBenchmark();
        bench.setUp();
        long budget = (long) (seconds * 1e9);
        long warmEnd = cpu.getCurrentThreadCpuTime() + budget;
        while (cpu.getCurrentThreadCpuTime() < warmEnd) {
            bench.dtmf();
        }
        bench.heard = 0;
        long start = cpu.getCurrentThreadCpuTime();
        long audioSeconds = 0;
        long used;
        do {
            for (int i = 0; i < 100; i++) {
                bench.dtmf();
            }
            audioSeconds += 100;
            used = cpu.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        org.slf4j.LoggerFactory.getLogger(LineDspBenchmark.class).info(
                "DtmfDetector: {} s of audio per CPU second ({} s audio in {} s CPU, {} digits heard, 12 per {} s)",
                Math.round(audioSeconds / (used / 1e9)), audioSeconds, String.format("%.2f", used / 1e9), bench.heard,
                String.format("%.2f", bench.talkAndDigits.length / 8000.0));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    /** Pads with A-law silence to whole frames, so every frame read stays inside the buffer. */
    private static byte[] whole(byte[] audio) {
        int n = (audio.length + FRAME - 1) / FRAME * FRAME;
        byte[] out = java.util.Arrays.copyOf(audio, n);
        java.util.Arrays.fill(out, audio.length, n, (byte) 0xD5);
        return out;
    }
}
