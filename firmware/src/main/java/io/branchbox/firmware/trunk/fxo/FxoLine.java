package io.branchbox.firmware.trunk.fxo;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.drivers.cb1.msg.FxoEvent;
import io.branchbox.drivers.cb1.msg.HookState;
import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.dsp.CallerId;
import io.branchbox.firmware.trunk.PriSpan;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One analogue exchange line on a CB-1 FXO port: ring cadence and counting, caller ID, answer,
 * disconnect supervision, outgoing calls with dial-tone detection and DTMF dialling, hook flash.
 *
 * <p><b>Incoming.</b> RING_START/RING_STOP pairs are rings (bursts shorter than
 * {@link FxoConfig#minRingMs} are glitches); after {@link FxoConfig#ringsToAnswer} rings the call
 * is offered to call control ({@link PriSpan.Calls#onIncoming}) with the caller ID heard: DTMF
 * before the first ring (the channel stays open while idle) or FSK between the first and second
 * ring (the channel is opened on-hook after the first ring). A line that answers after one ring
 * with FSK caller ID waits for the message or the second ring. {@link TrunkCall#answer} takes the
 * line off-hook; the call is up when the board acknowledges the relay. Ringing that stops before
 * an answer clears the offered call with cause 16.
 *
 * <p><b>Disconnect supervision</b> while off-hook: LOOP_OPEN, a polarity reversal, or a busy or
 * congestion tone that the tone detector confirmed and that then keeps going for
 * {@link FxoConfig#disconnectToneConfirmMs} with no DTMF and with at most
 * {@link FxoConfig#maxVoiceFraction} of the frames looking like voice.
 *
 * <p><b>Outgoing</b> ({@link #placeCall}): off-hook, dial tone within
 * {@link FxoConfig#dialToneTimeoutMs} (else cause 41), DTMF digits, then answer on polarity
 * reversal (or on timeout when {@link FxoConfig#answerOnTimeout}); busy gives cause 17,
 * congestion 34, vacant number 1, no answer 19.
 *
 * <p><b>Line down.</b> LINE_DOWN (or LINE_UP with less than {@link FxoConfig#minLineVoltsTenths})
 * clears any call with cause 38 and raises the line alarm until LINE_UP.
 *
 * <p><b>Threading.</b> {@link #onLineAudio} on the audio thread: it feeds the detectors and the
 * optional {@link LineObserver} and never blocks; results reach the state machine through
 * {@link Scheduler#execute}. Everything else on the scheduler's (signalling) thread, including
 * the board's futures, whose results are moved there.
 */
public final class FxoLine {
    private static final Logger log = LoggerFactory.getLogger(FxoLine.class);

    /** Hears one outgoing call from {@link #placeCall}; exactly one of the two ends is called, then perhaps {@link #onCleared}. */
    public interface OutgoingListener {
        /** The far end answered; the call is now call control's to use and clear. */
        void onAnswered(TrunkCall call);

        /** The call failed before an answer, with a Q.850 cause. */
        void onFailed(Q850Cause cause, String reason);

        /** The far end cleared an answered call. */
        default void onCleared(TrunkCall call, Q850Cause cause) {}
    }

    /** Line alarm: called on the signalling thread when the line goes dead or comes back. */
    public interface StatusListener {
        void onLineStatus(int port, boolean up, int voltsTenths);
    }


    private final FxoConfig config;
    private final Scheduler scheduler;
    private final FxoBoard board;
    private final PriSpan.Calls calls;
    private final LineDetectors detectors;
    private final String name;
    private StatusListener status = (p, up, v) -> {};
    private volatile LineObserver observer;
    private LineState state;
    private int callSeq;
    private long ignoredEvents;
    private boolean offHook;
    private boolean lineUp = true;
    private CallerId earlyCallerId;
    private long earlyCallerIdAt;

    public FxoLine(FxoConfig config, Scheduler scheduler, FxoBoard board, PriSpan.Calls calls) {
        this.config = config;
        this.scheduler = scheduler;
        this.board = board;
        this.calls = calls;
        this.name = "fxo" + config.port();
        this.detectors = new LineDetectors(scheduler, new DetectionSink(this), config.tones(), config.callerId().receiverType());
        this.state = new Idle(this);
    }

    /** Starts supervising the line (idle, on-hook). Signalling thread. */
    public void start() {
        state.enter();
    }

    public void setStatusListener(StatusListener listener) {
        this.status = listener;
    }

    /** Sets (or, with null, removes) the line's observer; safe from any thread. */
    public void setObserver(LineObserver observer) {
        this.observer = observer;
    }

    /** An FXO_EVENT for this port. */
    public void onEvent(FxoEvent e) {
        switch (e.event()) {
            case RING_START -> state.onRingStart();
            case RING_STOP -> state.onRingStop();
            case POLARITY_REVERSAL -> {
                detected("line", Map.of("event", "polarity_reversal"), "polarity reversal");
                state.onPolarityReversal();
            }
            case LOOP_OPEN -> {
                detected("line", Map.of("event", "loop_open"), "loop current dropped");
                state.onLoopOpen();
            }
            case LINE_UP -> onLineUp(e.voltsTenths());
            case LINE_DOWN -> onLineDown(e.voltsTenths(), "LINE_DOWN");
        }
    }

    /**
     * The board restarted (HELLO after reset or host-lost): it put the port on-hook and closed its
     * channel, so any call is gone (cause 41) and the line starts again idle.
     */
    public void onBoardRestarted() {
        log.warn("{}: board restarted while {}", name, state.name());
        state.abort(Q850Cause.TEMPORARY_FAILURE, "board restarted");
        offHook = false;
        transition(lineUp ? new Idle(this) : new Down(this));
    }

    /** Audio thread: one 20 ms frame (160 A-law bytes from {@code off}) heard on the line. */
    public void onLineAudio(byte[] alaw, int off) {
        detectors.process(alaw, off);
        LineObserver o = observer;
        if (o != null) {
            o.onLineAudio(alaw, off);
        }
    }

    /**
     * Dials {@code digits} (0-9 * # A-D) on this line. Refused through the listener, later on the
     * signalling thread, with cause 34 when the line is busy and 38 when it is down.
     */
    public void placeCall(String digits, OutgoingListener listener) {
        if (!state.free()) {
            String why = name + " is " + state.name();
            Q850Cause cause = lineUp ? Q850Cause.NO_CIRCUIT_AVAILABLE : Q850Cause.NETWORK_OUT_OF_ORDER;
            scheduler.execute(() -> listener.onFailed(cause, why));
            return;
        }
        transition(new Seizing(this, digits, listener));
    }

    /** A hook flash of {@link FxoConfig#flashMs} on an answered call; fails when no call is up. */
    public CompletableFuture<Void> flash() {
        if (state instanceof Connected c) {
            return c.flash();
        }
        return CompletableFuture.failedFuture(new IllegalStateException(name + " has no call up (" + state.name() + ")"));
    }

    /** The current state's name: down, idle, ringing, answering, connected, seizing, dialling, awaiting-answer, releasing. */
    public String state() {
        return state.name();
    }

    /** Events and requests that made no sense in the state they came in (glitches, late events). */
    public long ignoredEvents() {
        return ignoredEvents;
    }

    public boolean lineUp() {
        return lineUp;
    }

    public int port() {
        return config.port();
    }

    public String name() {
        return name;
    }

    // ---- for the states ----

    FxoConfig config() {
        return config;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    PriSpan.Calls calls() {
        return calls;
    }

    LineState current() {
        return state;
    }

    LineDetectors detectors() {
        return detectors;
    }

    void answer(FxoTrunkCall call) {
        state.answer(call);
    }

    void hangup(FxoTrunkCall call, Q850Cause cause) {
        state.hangup(call, cause);
    }

    void transition(LineState next) {
        log.debug("{}: {} -> {}", name, state.name(), next.name());
        state.exit();
        state = next;
        next.enter();
    }

    boolean isCurrent(LineState s) {
        return state == s;
    }

    /** Runs {@code task} after {@code ms} if {@code owner} is still the line's state then. */
    Scheduler.Timer after(LineState owner, long ms, Runnable task) {
        return scheduler.schedule(Duration.ofMillis(ms), () -> {
            if (state == owner) {
                task.run();
            }
        });
    }

    /**
     * Sends FXO_HOOK and runs {@code done} with null (ACK) or the failure on the signalling thread,
     * only if {@code owner} is still the state.
     */
    void hook(LineState owner, HookState hs, int flashMs, Consumer<Throwable> done) {
        if (hs == HookState.ON_HOOK) {
            offHook = false;
        }
        board.sendHook(config.port(), hs, flashMs).whenComplete((v, err) -> scheduler.execute(() -> {
            if (err != null) {
                log.warn("{}: FXO_HOOK {} failed: {}", name, hs, err.getMessage());
            } else if (hs == HookState.OFF_HOOK) {
                offHook = true;
            }
            if (state == owner) {
                done.accept(err);
            }
        }));
    }

    boolean offHook() {
        return offHook;
    }

    FxoBoard board() {
        return board;
    }

    FxoTrunkCall newCall(String calling, String called) {
        return new FxoTrunkCall(this, name + "#" + (++callSeq), calling, called);
    }

    /** Caller ID heard while idle (DTMF before the first ring) in the last {@code maxAgeMs}, taken once. */
    CallerId takeEarlyCallerId(long maxAgeMs) {
        CallerId id = earlyCallerId;
        earlyCallerId = null;
        return id != null && scheduler.nowMillis() - earlyCallerIdAt <= maxAgeMs ? id : null;
    }

    void keepEarlyCallerId(CallerId id) {
        earlyCallerId = id;
        earlyCallerIdAt = scheduler.nowMillis();
    }

    /** Logs a detection with the port (and call) and hands it to the observer. */
    void detected(String kind, Map<String, Object> fields, String text) {
        log.info("{} call {} [{}]: {}", name, state.callId(), state.name(), text);
        LineObserver o = observer;
        if (o != null) {
            o.onDetection(kind, fields);
        }
    }

    void toneEnded(String tone) {
        log.debug("{}: tone {} ended", name, tone);
    }

    void ignored(LineState s, String what) {
        ignoredEvents++;
        log.debug("{}: {} ignored while {}", name, what, s.name());
    }

    private void onLineUp(int voltsTenths) {
        if (Math.abs(voltsTenths) < config.minLineVoltsTenths()) {
            onLineDown(voltsTenths, "LINE_UP at " + voltsTenths / 10.0 + " V");
            return;
        }
        detected("line", Map.of("event", "line_up", "volts", voltsTenths / 10.0), "line up, " + voltsTenths / 10.0 + " V");
        if (!lineUp) {
            lineUp = true;
            status.onLineStatus(config.port(), true, voltsTenths);
            transition(new Idle(this));
        }
    }

    private void onLineDown(int voltsTenths, String why) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("event", "line_down");
        f.put("volts", voltsTenths / 10.0);
        detected("line", f, "line down (" + why + ")");
        if (!lineUp) {
            return;
        }
        lineUp = false;
        log.warn("{}: line alarm: {}", name, why);
        state.abort(Q850Cause.NETWORK_OUT_OF_ORDER, "line down");
        status.onLineStatus(config.port(), false, voltsTenths);
        transition(new Down(this));
    }
}
