package io.branchbox.firmware.qa.signal;

import io.branchbox.firmware.dsp.Signals;
import io.branchbox.firmware.recording.AlawWav;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Writes recordings in the box's layout with speech (a tone at -20 dBm0) where a test says. */
public final class StereoRecordings {
    /** Who speaks from {@code fromMs} to {@code toMs}: the caller (left) or the agent (right). */
    public record Talk(boolean agent, long fromMs, long toMs) {}

    private StereoRecordings() {}

    /** A recording of {@code totalMs} with line noise at -60 dBm0 and the given talk. */
    public static void write(Path file, long totalMs, List<Talk> talk) throws IOException {
        int samples = (int) (totalMs * 8);
        float[] left = new float[samples];
        float[] right = new float[samples];
        Random noise = new Random(1);
        double noisePeak = Signals.amplitude(-60);
        for (int i = 0; i < samples; i++) {
            left[i] = (float) (noise.nextGaussian() * noisePeak / 2);
            right[i] = (float) (noise.nextGaussian() * noisePeak / 2);
        }
        double voice = Signals.amplitude(-20);
        for (Talk t : talk) {
            float[] ch = t.agent() ? right : left;
            int from = (int) (t.fromMs() * 8);
            int n = (int) ((t.toMs() - t.fromMs()) * 8);
            Signals.addSine(ch, from, n, t.agent() ? 440 : 300, voice, from);
        }
        byte[] l = Signals.toAlaw(left);
        byte[] r = Signals.toAlaw(right);
        ByteBuffer data = ByteBuffer.allocate(samples * 2);
        for (int i = 0; i < samples; i++) {
            data.put(l[i]).put(r[i]);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (var out = Files.newOutputStream(file)) {
            out.write(AlawWav.header(samples * 2L).array());
            out.write(data.array());
        }
    }
}
