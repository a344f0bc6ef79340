package io.branchbox.box;

import io.branchbox.firmware.audio.WavAudio;
import io.branchbox.firmware.dsp.Detection;
import io.branchbox.firmware.dsp.LineAnalyzer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code box.jar analyze-line FILE.wav}: runs the box's line detectors (DTMF, call-progress tones
 * of the China plan, FSK and DTMF caller ID) over a recording of a line (8 kHz A-law, μ-law or
 * 16-bit PCM WAV) and prints one JSON object per detection, e.g.
 * {@code {"t_ms":1200,"kind":"dtmf","digit":"5","duration_ms":100}}.
 *
 * <p>A stereo file — the box's own call recordings — is analysed channel by channel, and each
 * detection says where it came from: {@code "channel":"left","side":"caller"} or
 * {@code "channel":"right","side":"box"} (what the caller heard: the box's prompts and music, or
 * the agent). Detections of both channels are listed in time order.
 *
 * <p>For technicians who captured a line that misbehaves: it shows exactly what the box hears.
 * Exit codes: 0 done, 2 the file cannot be read or is not telephone audio.
 */
final class AnalyzeLine {
    private AnalyzeLine() {}

    static int run(PrintStream out, PrintStream err, String... args) {
        if (args.length != 1) {
            err.println("usage: analyze-line FILE.wav   (8 kHz mono or stereo A-law, u-law or 16-bit PCM)");
            return 2;
        }
        List<byte[]> channels;
        try {
            channels = WavAudio.channelsToAlaw(Files.readAllBytes(Path.of(args[0])));
        } catch (IOException e) {
            err.println("cannot analyse " + args[0] + ": " + e.getMessage());
            return 2;
        }
        List<Detection> found = new ArrayList<>();
        if (channels.size() == 1) {
            found.addAll(new LineAnalyzer().analyze(channels.get(0)));
        } else {
            found.addAll(side(new LineAnalyzer().analyze(channels.get(0)), "left", "caller"));
            found.addAll(side(new LineAnalyzer().analyze(channels.get(1)), "right", "box"));
            found.sort(Comparator.comparingLong(Detection::tMs));
        }
        out.print(LineAnalyzer.toJsonLines(found));
        out.flush();
        return 0;
    }

    /** The detections of one channel of a stereo recording, each saying which channel and side it is. */
    private static List<Detection> side(List<Detection> detections, String channel, String side) {
        List<Detection> out = new ArrayList<>();
        for (Detection d : detections) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("channel", channel);
            fields.put("side", side);
            fields.putAll(d.fields());
            out.add(new Detection(d.tMs(), d.kind(), fields));
        }
        return out;
    }
}
