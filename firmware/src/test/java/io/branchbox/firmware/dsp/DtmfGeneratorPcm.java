package io.branchbox.firmware.dsp;

/** Linear-PCM twin of {@link DtmfGenerator} for tests that add noise before companding. */
final class DtmfGeneratorPcm {
    private final double dbm0;

    DtmfGeneratorPcm(double dbm0) {
        this.dbm0 = dbm0;
    }

    float[] digits(String digits, int onMs, int offMs) {
        int on = TestAudio.samples(onMs);
        int off = TestAudio.samples(offMs);
        float[] pcm = new float[off + digits.length() * (on + off)];
        for (int i = 0; i < digits.length(); i++) {
            double[] f = DtmfGenerator.frequencies(digits.charAt(i));
            int start = off + i * (on + off);
            Signals.addSine(pcm, start, on, f[0], Signals.amplitude(dbm0), 0);
            Signals.addSine(pcm, start, on, f[1], Signals.amplitude(dbm0), 0);
        }
        return pcm;
    }
}
