package io.branchbox.firmware.trunk.fxo;

import io.branchbox.firmware.audio.G711;
import io.branchbox.firmware.dsp.CallerId;
import io.branchbox.firmware.dsp.CallerIdReceiver;
import io.branchbox.firmware.dsp.DtmfDetector;
import io.branchbox.firmware.dsp.Signals;
import io.branchbox.firmware.dsp.ToneDetector;
import io.branchbox.firmware.dsp.TonePlan;
import io.branchbox.time.Scheduler;

/**
 * The audio-thread half of an {@link FxoLine}: runs the detectors the line's state asks for over
 * each 20 ms frame and posts what they find to the signalling thread with
 * {@link Scheduler#execute}, so the audio thread never waits for the state machine.
 *
 * <p>The signalling thread chooses the detectors with {@link #listen}, which bumps a generation
 * number; the audio thread notices it on its next frame and builds a fresh set (the only
 * allocation, a few times per call). Every posted result carries the generation it was heard in,
 * so a busy tone from the previous call can never clear the next one.
 *
 * <p>Besides the detectors, each off-hook frame is classed as voice (loud, but not a pure tone at
 * the disconnect tones' frequency, or with its harmonics) and counted; {@link #voiceFrames} lets
 * the state machine tell a real busy tone from someone humming in a 350 ms rhythm.
 *
 * <p>Threading: {@link #process} on the audio thread only; {@link #listen} on the signalling
 * thread; the counters may be read from any thread. {@link #process} allocates nothing between
 * generation changes.
 */
final class LineDetectors {
    /** Which detectors run. */
    enum Mode {
        NONE,
        CALLER_ID,
        OFF_HOOK
    }

    /** Receives results on the signalling thread, tagged with their generation. */
    interface Sink {
        void onTone(int generation, String name, boolean start);

        void onDigit(int generation, char digit);

        void onCallerId(int generation, CallerId id);
    }

    private static final int N = 160;
    private static final double LOUD_DBM0 = -45;
    private static final double MIN_TONE_FRACTION = 0.3;
    private static final double MAX_HARMONIC_RATIO = 0.03;

    private final Scheduler scheduler;
    private final Sink sink;
    private final TonePlan plan;
    private final CallerIdReceiver.LineType cidType;
    private final float[][] cos = new float[3][N];
    private final float[][] sin = new float[3][N];
    private final float[] pcm = new float[N];
    private final double loudEnergy;

    private volatile Mode requested = Mode.NONE;
    private volatile int requestedGeneration;
    private int runningGeneration = -1;
    private ToneDetector tones;
    private DtmfDetector dtmf;
    private CallerIdReceiver cid;
    private volatile long frames;
    private volatile long voiceFrames;

    LineDetectors(Scheduler scheduler, Sink sink, TonePlan plan, CallerIdReceiver.LineType cidType) {
        this.scheduler = scheduler;
        this.sink = sink;
        this.plan = plan;
        this.cidType = cidType;
        double hz = plan.tone("busy").orElseThrow().hz();
        for (int h = 0; h < 3; h++) {
            double w = 2 * Math.PI * hz * (h + 1) / Signals.SAMPLE_RATE;
            for (int n = 0; n < N; n++) {
                cos[h][n] = (float) Math.cos(w * n);
                sin[h][n] = (float) Math.sin(w * n);
            }
        }
        // mean power of a loud frame, as total energy over the frame
        double a = Signals.amplitude(LOUD_DBM0);
        this.loudEnergy = a * a / 2 * N;
    }

    /** Signalling thread: from the next frame on, run the detectors of {@code mode}; returns the new generation. */
    int listen(Mode mode) {
        requested = mode;
        return ++requestedGeneration;
    }

    /** Generation of the latest {@link #listen}. */
    int generation() {
        return requestedGeneration;
    }

    /** Off-hook frames analysed so far. */
    long frames() {
        return frames;
    }

    /** Off-hook frames that looked like voice so far. */
    long voiceFrames() {
        return voiceFrames;
    }

    /** Audio thread: one frame of line audio. */
    void process(byte[] alaw, int off) {
        int gen = requestedGeneration;
        if (gen != runningGeneration) {
            rebuild(requested, gen);
        }
        if (cid != null) {
            cid.process(alaw, off, N);
        }
        if (tones != null) {
            tones.process(alaw, off, N);
            dtmf.process(alaw, off, N);
            classify(alaw, off);
        }
    }

    private void rebuild(Mode mode, int gen) {
        runningGeneration = gen;
        tones = null;
        dtmf = null;
        cid = null;
        switch (mode) {
            case CALLER_ID -> {
                if (cidType != null) {
                    cid = new CallerIdReceiver(cidType, (id, at) -> scheduler.execute(() -> sink.onCallerId(gen, id)));
                }
            }
            case OFF_HOOK -> {
                tones = new ToneDetector(plan, new ToneDetector.Listener() {
                    @Override
                    public void onTone(String name, long sampleIndex) {
                        scheduler.execute(() -> sink.onTone(gen, name, true));
                    }

                    @Override
                    public void onToneEnd(String name, long sampleIndex) {
                        scheduler.execute(() -> sink.onTone(gen, name, false));
                    }
                });
                dtmf = new DtmfDetector((digit, at) -> scheduler.execute(() -> sink.onDigit(gen, digit)));
            }
            case NONE -> { }
        }
    }

    private void classify(byte[] alaw, int off) {
        double total = 0;
        for (int n = 0; n < N; n++) {
            float x = G711.alawToLinear(alaw[off + n]);
            pcm[n] = x;
            total += x * x;
        }
        frames++;
        if (total < loudEnergy) {
            return;
        }
        double e1 = bin(0);
        double harmonics = bin(1) + bin(2);
        // a pure sine of any level gives 2|X|²/(N·total) = 1 at its own bin
        if (2 * e1 / (N * total) < MIN_TONE_FRACTION || harmonics > MAX_HARMONIC_RATIO * e1) {
            voiceFrames++;
        }
    }

    private double bin(int h) {
        double re = 0;
        double im = 0;
        float[] c = cos[h];
        float[] s = sin[h];
        for (int n = 0; n < N; n++) {
            re += pcm[n] * c[n];
            im += pcm[n] * s[n];
        }
        return re * re + im * im;
    }
}
