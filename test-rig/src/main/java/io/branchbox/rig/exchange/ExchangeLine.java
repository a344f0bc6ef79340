package io.branchbox.rig.exchange;

import io.branchbox.drivers.cb1.msg.FxoEventKind;
import io.branchbox.drivers.cb1.msg.HookState;
import io.branchbox.firmware.dsp.DtmfDetector;
import io.branchbox.firmware.dsp.FskStandard;
import io.branchbox.firmware.dsp.ToneGenerator;
import io.branchbox.rig.board.AudioEndpoint;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber line of the {@link ExchangeSimulator}: its relay as seen by the exchange, the
 * call on it, and the audio the exchange puts on it. Threading: the simulator's scheduler thread.
 */
final class ExchangeLine {
    private static final Logger log = LoggerFactory.getLogger(ExchangeLine.class);
    private static final int FRAME = 160;
    private static final int RING_VOLTS = 750;
    private static final int OFF_HOOK_VOLTS = 80;
    /** FSK caller ID starts this long after the first ring ends (GR-30: at least 500 ms). */
    private static final int FSK_AFTER_RING_MS = 600;
    /** DTMF caller ID ends this long before the first ring. */
    private static final int DTMF_BEFORE_RING_MS = 700;

    private final ExchangeSimulator exchange;
    private final int port;
    private final byte[] frame = new byte[FRAME];
    private final List<Scheduler.Timer> timers = new ArrayList<>();
    private byte[] clip;
    private int clipPos;
    private ToneGenerator loop;
    private Script.IncomingCall incoming;
    private DtmfDetector hostDigits;
    private Scheduler.Timer routeTimer = Scheduler.Timer.NONE;
    private long talkSeed = 1;
    private boolean lineUp = true;
    private boolean ringVoltage;
    boolean dialTone = true;
    final StringBuilder dialled = new StringBuilder();
    HookState hook = HookState.ON_HOOK;
    int flashes;
    int rings;
    boolean connected;

    ExchangeLine(ExchangeSimulator exchange, int port) {
        this.exchange = exchange;
        this.port = port;
        Arrays.fill(frame, (byte) 0xD5);
    }

    private final AudioEndpoint endpoint = new AudioEndpoint() {
        @Override
        public void nextToHost(byte[] frame160) {
            System.arraycopy(frame, 0, frame160, 0, FRAME);
        }

        @Override
        public void fromHost(byte[] frame160) {
            if (hostDigits != null) {
                hostDigits.process(frame160, 0, FRAME);
            }
        }
    };

    AudioEndpoint endpoint() {
        return endpoint;
    }

    /** Every 20 ms: the next frame of line audio. */
    void tick() {
        if (clip != null) {
            int n = Math.min(FRAME, clip.length - clipPos);
            System.arraycopy(clip, clipPos, frame, 0, n);
            Arrays.fill(frame, n, FRAME, (byte) 0xD5);
            clipPos += n;
            if (clipPos >= clip.length) {
                clip = null;
            }
        } else if (loop != null) {
            loop.fill(frame, 0, FRAME);
        } else {
            Arrays.fill(frame, (byte) 0xD5);
        }
    }

    void incoming(Script.IncomingCall call) {
        if (!lineUp || hook != HookState.ON_HOOK || incoming != null) {
            log.info("exchange: fxo{} busy or down, call from {} not offered", port, call.number());
            return;
        }
        incoming = call;
        rings = 0;
        connected = false;
        log.info("exchange: calling fxo{} from {} with {} caller ID", port, call.number(), call.callerId());
        if (call.callerId() == Script.CallerIdMethod.DTMF) {
            byte[] cid = LineSignals.dtmfCallerId(call.number());
            play(cid);
            later(cid.length / 8 + DTMF_BEFORE_RING_MS, this::ringStart);
        } else {
            later(0, this::ringStart);
        }
    }

    private void ringStart() {
        if (rings >= incoming.maxRings()) {
            log.info("exchange: caller on fxo{} gave up after {} rings", port, rings);
            incoming = null;
            return;
        }
        ringVoltage = true;
        exchange.event(port, FxoEventKind.RING_START, RING_VOLTS);
        later(incoming.ringOnMs(), this::ringStop);
    }

    private void ringStop() {
        ringVoltage = false;
        rings++;
        exchange.event(port, FxoEventKind.RING_STOP, ExchangeSimulator.ON_HOOK_VOLTS);
        Script.CallerIdMethod cid = incoming.callerId();
        if (rings == 1 && (cid == Script.CallerIdMethod.FSK_BELL_202 || cid == Script.CallerIdMethod.FSK_V23)) {
            FskStandard std = cid == Script.CallerIdMethod.FSK_V23 ? FskStandard.V23 : FskStandard.BELL_202;
            byte[] fsk = LineSignals.fskCallerId(std, "11231745", incoming.number(), incoming.name());
            later(FSK_AFTER_RING_MS, () -> play(fsk));
        }
        later(incoming.ringOffMs(), this::ringStart);
    }

    void onHook(HookState state) {
        if (state == HookState.FLASH) {
            flashes++;
            log.info("exchange: hook flash on fxo{}", port);
            return;
        }
        HookState was = hook;
        hook = state;
        if (state == HookState.OFF_HOOK && was == HookState.ON_HOOK) {
            offHook();
        } else if (state == HookState.ON_HOOK && was != HookState.ON_HOOK) {
            log.info("exchange: fxo{} on-hook", port);
            reset();
        }
    }

    private void offHook() {
        if (!lineUp) {
            return;
        }
        if (incoming != null) {
            boolean ringing = cancelTimers();
            if (ringing) {
                exchange.event(port, FxoEventKind.RING_STOP, OFF_HOOK_VOLTS);
            }
            stopAudio();
            connected = true;
            log.info("exchange: fxo{} answered the call from {}", port, incoming.number());
            run(incoming.afterAnswer(), 0);
            return;
        }
        dialled.setLength(0);
        hostDigits = new DtmfDetector(this::onDialledDigit);
        if (dialTone) {
            loop = new ToneGenerator(exchange.plan().tone("dial").orElseThrow());
        }
    }

    private void onDialledDigit(char digit, long sample) {
        loop = null;
        dialled.append(digit);
        routeTimer.cancel();
        routeTimer = later(ExchangeSimulator.INTERDIGIT_MS, this::route);
    }

    private void route() {
        String number = dialled.toString();
        hostDigits = null;
        Script.Callee callee = exchange.callee(number);
        log.info("exchange: fxo{} dialled {}: {}", port, number, callee.outcome());
        switch (callee.outcome()) {
            case BUSY -> loop = tone("busy");
            case CONGESTION -> loop = tone("congestion");
            case ANSWER -> {
                loop = tone("ringback");
                later(callee.answerAfterMs(), () -> {
                    loop = null;
                    if (callee.reversalOnAnswer()) {
                        exchange.event(port, FxoEventKind.POLARITY_REVERSAL, -OFF_HOOK_VOLTS);
                    }
                    connected = true;
                    run(callee.afterAnswer(), 0);
                });
            }
        }
    }

    /** Plays {@code steps} from {@code i} on, one after the other. */
    private void run(List<Script> steps, int i) {
        if (i >= steps.size() || !connected) {
            return;
        }
        Runnable next = () -> run(steps, i + 1);
        switch (steps.get(i)) {
            case Script.Talk t -> {
                play(LineSignals.speech(t.ms(), talkSeed++));
                later(t.ms(), next);
            }
            case Script.Press p -> {
                byte[] keys = LineSignals.keypad(p.digits());
                play(keys);
                later(keys.length / 8, next);
            }
            case Script.Pause p -> later(p.ms(), next);
            case Script.Hum h -> {
                play(LineSignals.busyLikeHum(h.ms()));
                later(h.ms(), next);
            }
            case Script.HangUp h -> hangUp(h.how());
        }
    }

    void hangUp(Script.Disconnect how) {
        if (!connected) {
            return;
        }
        connected = false;
        cancelTimers();
        stopAudio();
        log.info("exchange: far end on fxo{} hung up, signalled by {}", port, how);
        switch (how) {
            case LOOP_DROP -> exchange.event(port, FxoEventKind.LOOP_OPEN, 0);
            case POLARITY_REVERSAL -> exchange.event(port, FxoEventKind.POLARITY_REVERSAL, OFF_HOOK_VOLTS);
            case BUSY_TONE -> loop = tone("busy");
            case CONGESTION_TONE -> loop = tone("congestion");
        }
    }

    void down() {
        lineUp = false;
        reset();
        exchange.event(port, FxoEventKind.LINE_DOWN, 0);
    }

    void up() {
        lineUp = true;
        exchange.event(port, FxoEventKind.LINE_UP, ExchangeSimulator.ON_HOOK_VOLTS);
    }

    private void reset() {
        cancelTimers();
        routeTimer.cancel();
        stopAudio();
        incoming = null;
        hostDigits = null;
        connected = false;
    }

    private ToneGenerator tone(String name) {
        return new ToneGenerator(exchange.plan().tone(name).orElseThrow());
    }

    private void play(byte[] audio) {
        loop = null;
        clip = audio;
        clipPos = 0;
    }

    private void stopAudio() {
        clip = null;
        loop = null;
    }

    private Scheduler.Timer later(long ms, Runnable task) {
        Scheduler.Timer t = exchange.scheduler().schedule(Duration.ofMillis(ms), task);
        timers.removeIf(x -> !x.isPending());
        timers.add(t);
        return t;
    }

    /** Cancels every pending timer; true if ring voltage was on (a RING_STOP was pending). */
    private boolean cancelTimers() {
        for (Scheduler.Timer t : timers) {
            if (t.isPending()) {
                t.cancel();
            }
        }
        timers.clear();
        boolean ringOn = ringVoltage;
        ringVoltage = false;
        return ringOn;
    }
}
