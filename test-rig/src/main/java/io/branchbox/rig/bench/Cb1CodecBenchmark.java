package io.branchbox.rig.bench;

import io.branchbox.drivers.cb1.frame.HdlcDecoder;
import io.branchbox.drivers.cb1.frame.HdlcEncoder;
import io.branchbox.drivers.cb1.msg.AudioFrames;
import io.branchbox.drivers.cb1.msg.Cb1Codec;
import io.branchbox.drivers.cb1.msg.Cb1ProtocolException;
import io.branchbox.drivers.cb1.msg.SpanStatus;
import java.util.Random;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Frames per second one core handles through the CB-1 codec: an AUDIO frame (the 20 ms path)
 * framed, stuffed and checksummed, then deframed and dispatched as the link does; and a control
 * message (SPAN_STATUS) through the full typed codec.
 *
 * <p>Run: {@code ./box bench Cb1Codec}. Figures: docs/BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Cb1CodecBenchmark {
    private final byte[] content = new byte[AudioFrames.CONTENT_LEN];
    private final byte[] wire = new byte[HdlcEncoder.maxEncodedSize(HdlcEncoder.MAX_CONTENT)];
    private final byte[] samples = new byte[160];
    private byte[] statusWire;
    private int statusLen;
    private int frameNo;
    private long sink;
    private HdlcDecoder audioDecoder;
    private HdlcDecoder typedDecoder;
    private Blackhole bh;

    @Setup
    public void setUp(Blackhole bh) {
        this.bh = bh;
        new Random(1).nextBytes(samples); // random samples: realistic amount of 0x7E/0x7D stuffing
        audioDecoder = new HdlcDecoder((c, off, len) -> {
            if (AudioFrames.isAudio(c, off, len)) {
                sink += AudioFrames.frameNo(c, off) + c[off + AudioFrames.SAMPLES_OFFSET];
            }
        });
        typedDecoder = new HdlcDecoder((c, off, len) -> {
            try {
                this.bh.consume(Cb1Codec.decode(c, off, len));
            } catch (Cb1ProtocolException e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] status = Cb1Codec.encode(new SpanStatus(0, 0x10, 0, 0, 12, 3, 0));
        statusWire = new byte[HdlcEncoder.maxEncodedSize(status.length)];
        statusLen = HdlcEncoder.encode(status, 0, status.length, statusWire, 0);
    }

    /** One AUDIO frame encoded and decoded, allocation-free as on the 20 ms path. */
    @Benchmark
    public long audioFrameRoundTrip() {
        int n = AudioFrames.encode(content, 0, 0x10, 1, frameNo++, samples, 0);
        int w = HdlcEncoder.encode(content, 0, n, wire, 0);
        audioDecoder.feed(wire, 0, w);
        return sink;
    }

    /** One control frame deframed and decoded into its typed record. */
    @Benchmark
    public void controlFrameDecode() {
        typedDecoder.feed(statusWire, 0, statusLen);
    }
}
