package io.branchbox.firmware.qa.signal;

import io.branchbox.firmware.audio.G711;
import io.branchbox.firmware.dsp.Signals;
import io.branchbox.firmware.recording.AlawWav;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one of the box's stereo recordings (caller left, agent right, A-law, 20 ms frames) and
 * measures who spoke when: a side speaks in a frame when the frame's mean power is above
 * {@link #SPEECH_DBM0} (a quiet talker is about -30 dBm0, line noise below -55). There is no
 * hangover: the short pauses inside a sentence count as silence, which is what a listener hears.
 *
 * <p>Music on hold is on the agent's side of the recording and counts as the agent speaking; the
 * hold time itself comes from the journal.
 *
 * <p>Not thread-safe (one reusable buffer): one instance per worker thread. Blocking (file reads).
 */
public final class SignalAnalyzer {
    /** A frame is speech above this mean power, in dBm0 of an equivalent sine. */
    public static final double SPEECH_DBM0 = -42.0;
    private static final int FRAME_MS = 20;
    private static final int FRAMES_PER_READ = 500;
    /** Squared linear value of every A-law code. */
    private static final long[] POWER = new long[256];
    /** Sum of squares over a 160-sample frame above which the frame is speech. */
    private static final long THRESHOLD;

    static {
        for (int c = 0; c < 256; c++) {
            long v = G711.alawToLinear((byte) c);
            POWER[c] = v * v;
        }
        double peak = Signals.amplitude(SPEECH_DBM0);
        THRESHOLD = (long) (peak * peak / 2 * AlawWav.FRAME_SAMPLES);
    }

    private final byte[] buf = new byte[AlawWav.STEREO_FRAME_BYTES * FRAMES_PER_READ];

    /** The signals of the recording in {@code wav}; throws on a file that is not the box's layout. */
    public CallSignals analyze(Path wav) throws IOException {
        try (InputStream in = Files.newInputStream(wav)) {
            byte[] header = in.readNBytes(AlawWav.HEADER_BYTES);
            AlawWav.Header h = AlawWav.parse(ByteBuffer.wrap(header));
            if (h == null || !h.isBoxLayout()) {
                throw new IOException(wav + " is not a recording of the box (stereo A-law)");
            }
            return analyze(in);
        }
    }

    /** The signals of interleaved stereo A-law samples (after the header). */
    public CallSignals analyze(InputStream samples) throws IOException {
        long frames = 0;
        long caller = 0;
        long agent = 0;
        long both = 0;
        long silence = 0;
        long run = 0;
        long longest = 0;
        int carried = 0;
        while (true) {
            int n = samples.readNBytes(buf, carried, buf.length - carried);
            int have = carried + n;
            int whole = have / AlawWav.STEREO_FRAME_BYTES;
            for (int f = 0; f < whole; f++) {
                int base = f * AlawWav.STEREO_FRAME_BYTES;
                long left = 0;
                long right = 0;
                for (int i = base; i < base + AlawWav.STEREO_FRAME_BYTES; i += 2) {
                    left += POWER[buf[i] & 0xFF];
                    right += POWER[buf[i + 1] & 0xFF];
                }
                boolean l = left > THRESHOLD;
                boolean r = right > THRESHOLD;
                frames++;
                if (l) {
                    caller++;
                }
                if (r) {
                    agent++;
                }
                if (l && r) {
                    both++;
                }
                if (!l && !r) {
                    silence++;
                    run++;
                    longest = Math.max(longest, run);
                } else {
                    run = 0;
                }
            }
            carried = have - whole * AlawWav.STEREO_FRAME_BYTES;
            System.arraycopy(buf, whole * AlawWav.STEREO_FRAME_BYTES, buf, 0, carried);
            if (n == 0) {
                break;
            }
        }
        return new CallSignals(frames * FRAME_MS, pct(silence, frames), pct(both, frames), longest * FRAME_MS,
                pct(agent, agent + caller));
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(1000.0 * part / whole) / 10.0;
    }
}
