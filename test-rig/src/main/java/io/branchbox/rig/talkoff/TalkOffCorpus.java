package io.branchbox.rig.talkoff;

import io.branchbox.firmware.audio.G711;
import io.branchbox.firmware.audio.WavAudio;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Builds the talk-off corpus, deterministically: the same pieces, the same samples on every run
 * (espeak-ng is deterministic, sox runs repeatable and without dither; music and noise are seeded). Nothing of it is committed.
 *
 * <ul>
 *   <li><b>speech</b>: espeak-ng reading a paragraph in its language, per voice (Mandarin from
 *       pinyin, Cantonese, English male and female, German, French, Spanish, Russian, Italian,
 *       Japanese), at two speeds and pitches, resampled to 8 kHz A-law by sox at a talking level;
 *   <li><b>music</b>: {@link SyntheticMusic}, chords with vibrato, notes away from the DTMF
 *       frequencies and anywhere;
 *   <li><b>noise</b>: white and pink noise, seeded;
 *   <li><b>prompts</b>: every prompt of the box's built-in sets (Mandarin, English), as callers
 *       hear them (and as the box's own echo would reach the detector), at two levels.
 * </ul>
 */
public final class TalkOffCorpus {
    /** One voice of the corpus: espeak-ng voice name and the text it reads. */
    record Voice(String voice, String text) {}

    static final List<Voice> VOICES = List.of(
            new Voice("cmn-latn-pinyin", Texts.PINYIN),
            new Voice("cmn-latn-pinyin+f2", Texts.PINYIN),
            new Voice("yue", Texts.ENGLISH),
            new Voice("en", Texts.ENGLISH),
            new Voice("en-us+f3", Texts.ENGLISH),
            new Voice("de", Texts.GERMAN),
            new Voice("fr+m3", Texts.FRENCH),
            new Voice("es", Texts.SPANISH),
            new Voice("ru", Texts.RUSSIAN),
            new Voice("it+f4", Texts.ITALIAN),
            new Voice("ja", Texts.ENGLISH));

    private final Path work;

    /** A corpus built in {@code work} (espeak-ng and sox intermediate files). */
    public TalkOffCorpus(Path work) {
        this.work = work;
    }

    /**
     * The corpus at {@code scale}: 1.0 is the full corpus (over 30 minutes); 0.1 a short form
     * with every kind of material in it.
     */
    public List<CorpusPiece> build(double scale) throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<CorpusPiece> pieces = new ArrayList<>();
        int speechSeconds = (int) Math.max(10, 120 * scale);
        for (Voice v : VOICES) {
            for (int variant = 0; variant < 2; variant++) {
                int speed = variant == 0 ? 150 : 190;
                int pitch = variant == 0 ? 40 : 70;
                pieces.add(new CorpusPiece("speech/" + v.voice() + "/s" + speed + "p" + pitch, "speech",
                        speech(v, speed, pitch, speechSeconds / 2)));
            }
        }
        int musicSeconds = (int) Math.max(20, 360 * scale);
        pieces.add(new CorpusPiece("music/chords-vibrato-away-from-dtmf", "music", SyntheticMusic.render(7, musicSeconds, true)));
        pieces.add(new CorpusPiece("music/chords-vibrato-any-note", "music", SyntheticMusic.render(11, musicSeconds / 2, false)));
        int noiseSeconds = (int) Math.max(10, 90 * scale);
        pieces.add(new CorpusPiece("noise/white", "noise", noise(3, noiseSeconds, false)));
        pieces.add(new CorpusPiece("noise/pink", "noise", noise(5, noiseSeconds, true)));
        byte[] prompts = prompts();
        pieces.add(new CorpusPiece("prompts/box-built-in", "prompts", prompts));
        pieces.add(new CorpusPiece("prompts/box-built-in-minus-10dB", "prompts", attenuate(prompts, 10)));
        return pieces;
    }

    /** Seconds of speech of one voice at a speed and pitch: the text read again until long enough. */
    private byte[] speech(Voice v, int speed, int pitch, int seconds) throws IOException, InterruptedException {
        String tag = v.voice().replace('+', '_') + "-" + speed + "-" + pitch;
        Path txt = work.resolve(tag + ".txt");
        Files.writeString(txt, v.text(), StandardCharsets.UTF_8);
        Path wav = work.resolve(tag + ".wav");
        Path raw = work.resolve(tag + ".alaw");
        run("espeak-ng", "-v", v.voice(), "-s", String.valueOf(speed), "-p", String.valueOf(pitch), "-f", txt.toString(),
                "-w", wav.toString());
        run("sox", "-R", "-D", wav.toString(), "-t", "raw", "-r", "8000", "-c", "1", "-e", "a-law", raw.toString(),
                "highpass", "200", "lowpass", "3400", "norm", "-8");
        byte[] once = Files.readAllBytes(raw);
        byte[] out = new byte[seconds * 8000];
        for (int at = 0; at < out.length; at += once.length) {
            System.arraycopy(once, 0, out, at, Math.min(once.length, out.length - at));
        }
        return out;
    }

    private static byte[] noise(long seed, int seconds, boolean pink) {
        Random r = new Random(seed);
        byte[] out = new byte[seconds * 8000];
        double b0 = 0, b1 = 0, b2 = 0;
        for (int i = 0; i < out.length; i++) {
            double w = r.nextGaussian();
            double s = w;
            if (pink) { // Paul Kellet's economical pink filter
                b0 = 0.99765 * b0 + w * 0.0990460;
                b1 = 0.96300 * b1 + w * 0.2965164;
                b2 = 0.57000 * b2 + w * 1.0526913;
                s = (b0 + b1 + b2 + w * 0.1848) / 3;
            }
            out[i] = G711.linearToAlaw((int) Math.max(-32768, Math.min(32767, s * 3000)));
        }
        return out;
    }

    /** Every prompt of the built-in sets, one after another. */
    private static byte[] prompts() throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (String set : List.of("zh-cn", "default")) {
            for (String name : resource("/prompts/" + set + "/index.txt").lines().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList()) {
                try (InputStream in = TalkOffCorpus.class.getResourceAsStream("/prompts/" + set + "/" + name + ".wav")) {
                    all.write(WavAudio.toAlaw(in.readAllBytes()));
                }
            }
        }
        return all.toByteArray();
    }

    private static byte[] attenuate(byte[] alaw, double db) {
        double g = Math.pow(10, -db / 20);
        byte[] out = new byte[alaw.length];
        for (int i = 0; i < alaw.length; i++) {
            out[i] = G711.linearToAlaw((int) Math.round(G711.alawToLinear(alaw[i]) * g));
        }
        return out;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = TalkOffCorpus.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }

    static String output(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

}
