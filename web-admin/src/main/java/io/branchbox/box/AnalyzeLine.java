package io.branchbox.box;

import io.branchbox.firmware.audio.WavAudio;
import io.branchbox.firmware.dsp.LineAnalyzer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code box.jar analyze-line FILE.wav}: runs the box's line detectors (DTMF, call-progress tones
 * of the China plan, FSK and DTMF caller ID) over a recording of a line (8 kHz mono A-law, μ-law
 * or 16-bit PCM WAV) and prints one JSON object per detection, e.g.
 * {@code {"t_ms":1200,"kind":"dtmf","digit":"5","duration_ms":100}}.
 *
 * <p>For technicians who captured a line that misbehaves: it shows exactly what the box hears.
 * Exit codes: 0 done, 2 the file cannot be read or is not telephone audio.
 */
final class AnalyzeLine {
    private AnalyzeLine() {}

    static int run(PrintStream out, PrintStream err, String... args) {
        if (args.length != 1) {
            err.println("usage: analyze-line FILE.wav   (8 kHz mono A-law, u-law or 16-bit PCM)");
            return 2;
        }
        byte[] alaw;
        try {
            alaw = WavAudio.toAlaw(Files.readAllBytes(Path.of(args[0])));
        } catch (IOException e) {
            err.println("cannot analyse " + args[0] + ": " + e.getMessage());
            return 2;
        }
        out.print(LineAnalyzer.toJsonLines(new LineAnalyzer().analyze(alaw)));
        out.flush();
        return 0;
    }
}
