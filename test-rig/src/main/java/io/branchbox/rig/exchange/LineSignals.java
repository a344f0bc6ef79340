package io.branchbox.rig.exchange;

import io.branchbox.firmware.dsp.DtmfGenerator;
import io.branchbox.firmware.dsp.FskModulator;
import io.branchbox.firmware.dsp.FskStandard;
import io.branchbox.firmware.dsp.Signals;
import io.branchbox.firmware.dsp.ToneGenerator;
import io.branchbox.firmware.dsp.TonePlan;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The audio an exchange and its callers put on an analogue line, as A-law: caller ID (MDMF FSK
 * and DTMF), call-progress tones, speech-like talk and a busy-like hum.
 *
 * <p>Thread-safe: stateless.
 */
public final class LineSignals {
    /** Level exchanges send caller ID at (GR-30 allows −13.5 ± 1.5 dBm). */
    public static final double FSK_DBM0 = -13.5;

    private LineSignals() {}

    /** An MDMF message (type 0x80) with date-time, number and, if not null, name; checksum included. */
    public static byte[] mdmf(String dateTime, String number, String name) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        param(body, 0x01, dateTime);
        param(body, 0x02, number);
        if (name != null) {
            param(body, 0x07, name);
        }
        byte[] b = body.toByteArray();
        byte[] msg = new byte[b.length + 3];
        msg[0] = (byte) 0x80;
        msg[1] = (byte) b.length;
        System.arraycopy(b, 0, msg, 2, b.length);
        int sum = 0;
        for (int i = 0; i < msg.length - 1; i++) {
            sum += msg[i] & 0xFF;
        }
        msg[msg.length - 1] = (byte) -sum;
        return msg;
    }

    private static void param(ByteArrayOutputStream out, int type, String value) {
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        out.write(type);
        out.write(v.length);
        out.writeBytes(v);
    }

    /** Caller ID as sent between the first and second ring: 300 seizure bits, 180 mark bits, the MDMF message. */
    public static byte[] fskCallerId(FskStandard standard, String dateTime, String number, String name) {
        return new FskModulator(standard, FSK_DBM0).modulate(300, 180, mdmf(dateTime, number, name));
    }

    /** DTMF caller ID as sent before the first ring: {@code A<number>C}, 70 ms digits, 70 ms gaps. */
    public static byte[] dtmfCallerId(String number) {
        return new DtmfGenerator(-7).generate("A" + number + "C", 70, 70);
    }

    /** DTMF digits as a caller presses them: 120 ms tones, 150 ms gaps. */
    public static byte[] keypad(String digits) {
        return new DtmfGenerator(-6, -4).generate(digits, 120, 150);
    }

    /** {@code ms} of the plan's tone {@code name}. */
    public static byte[] tone(TonePlan plan, String name, int ms) {
        return ToneGenerator.render(plan.tone(name).orElseThrow(), ms);
    }

    /**
     * Speech-like talk: voiced syllables (a gliding pitch of 100-220 Hz with harmonics shaped by two
     * moving formants) of 120-350 ms with 40-250 ms pauses and uneven loudness, from {@code seed}.
     */
    public static byte[] speech(int ms, long seed) {
        Random r = new Random(seed);
        float[] pcm = new float[ms * Signals.SAMPLE_RATE / 1000];
        int pos = 0;
        while (pos < pcm.length) {
            int syl = (120 + r.nextInt(230)) * 8;
            double pitch = 100 + r.nextDouble() * 120;
            double glide = (r.nextDouble() - 0.5) * 60;
            double f1 = 300 + r.nextDouble() * 500;
            double f2 = 900 + r.nextDouble() * 1400;
            double level = Signals.amplitude(-18 - r.nextDouble() * 10);
            double phase = 0;
            for (int n = 0; n < syl && pos + n < pcm.length; n++) {
                double env = Math.sin(Math.PI * n / syl);
                double f0 = pitch + glide * n / syl;
                phase += 2 * Math.PI * f0 / Signals.SAMPLE_RATE;
                double s = 0;
                for (int h = 1; h * f0 < 3400; h++) {
                    double f = h * f0;
                    double w = 1 / (1 + Math.pow((f - f1) / 150, 2)) + 0.5 / (1 + Math.pow((f - f2) / 250, 2)) + 0.02;
                    s += w * Math.sin(h * phase);
                }
                pcm[pos + n] = (float) (level * env * s / 2);
            }
            pos += syl + (40 + r.nextInt(210)) * 8;
        }
        return Signals.toAlaw(pcm);
    }

    /**
     * The worst case for a busy-tone detector during a call: someone humming a 450 Hz note with
     * weaker harmonics (−8 dB, −12 dB) in a 350 ms on / 350 ms off rhythm, level wandering ±2 dB.
     */
    public static byte[] busyLikeHum(int ms) {
        float[] pcm = new float[ms * Signals.SAMPLE_RATE / 1000];
        Random r = new Random(7);
        int cycle = 700 * 8;
        int on = 350 * 8;
        double level = Signals.amplitude(-12);
        for (int n = 0; n < pcm.length; n++) {
            int k = n % cycle;
            if (k == 0) {
                level = Signals.amplitude(-12 + (r.nextDouble() - 0.5) * 4);
            }
            if (k < on) {
                double w = 2 * Math.PI * 450 * n / Signals.SAMPLE_RATE;
                pcm[n] = (float) (level * (Math.sin(w) + 0.4 * Math.sin(2 * w + 0.3) + 0.25 * Math.sin(3 * w + 1.1)));
            }
        }
        return Signals.toAlaw(pcm);
    }
}
