package io.branchbox.firmware.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test files made by the {@code sox} program, as a technician's tools would make them. sox must
 * be installed (CI installs it): a missing sox fails the test rather than skipping it.
 */
final class Sox {
    private Sox() {}

    /**
     * Runs {@code sox -n -r RATE <format...> FILE synth SECONDS <synth...>} and returns the file's bytes.
     *
     * @param format sox output options, e.g. {@code "-b 16 -e signed-integer -c 2"}
     * @param synth  what follows {@code synth SECONDS}, e.g. {@code "sine 1000 vol 0.5"}
     */
    static byte[] tone(Path dir, int rate, String format, double seconds, String synth) {
        Path out = dir.resolve("t" + System.nanoTime() + ".wav");
        List<String> cmd = new ArrayList<>(List.of("sox", "-n", "-r", Integer.toString(rate)));
        cmd.addAll(Arrays.asList(format.split(" ")));
        cmd.add(out.toString());
        cmd.addAll(List.of("synth", Double.toString(seconds)));
        cmd.addAll(Arrays.asList(synth.split(" ")));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] log = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "sox did not finish");
            assertEquals(0, p.exitValue(), () -> "sox failed: " + String.join(" ", cmd) + "\n" + new String(log));
            return Files.readAllBytes(out);
        } catch (IOException e) {
            return fail("sox is needed for this test and could not be run (install the sox package)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(e);
        }
    }

    /** Amplitude (0..1 of full scale) of the {@code hz} component of 8 kHz A-law, by Goertzel, skipping the ends. */
    static double amplitude(byte[] alaw, double hz) {
        int skip = 400;
        int n = alaw.length - 2 * skip;
        double w = 2 * Math.PI * hz / 8000;
        double coeff = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double s = G711.alawToLinear(alaw[skip + i]) / 32768.0 + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return 2 * Math.sqrt(Math.max(0, power)) / n;
    }

    /** RMS (0..1 of full scale) of 8 kHz A-law, skipping the ends. */
    static double rms(byte[] alaw) {
        int skip = 400;
        double sum = 0;
        for (int i = skip; i < alaw.length - skip; i++) {
            double v = G711.alawToLinear(alaw[i]) / 32768.0;
            sum += v * v;
        }
        return Math.sqrt(sum / (alaw.length - 2 * skip));
    }

    /** Largest sample magnitude (0..1 of full scale). */
    static double peak(byte[] alaw) {
        int max = 0;
        for (byte b : alaw) {
            max = Math.max(max, Math.abs(G711.alawToLinear(b)));
        }
        return max / 32768.0;
    }

    static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }
}
