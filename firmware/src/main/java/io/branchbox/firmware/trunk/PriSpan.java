package io.branchbox.firmware.trunk;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.drivers.cb1.msg.SpanConfig;
import io.branchbox.drivers.cb1.msg.SpanStatus;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.isdn.DataLinkRelay;
import io.branchbox.firmware.isdn.capture.DChannelCapture;
import io.branchbox.firmware.isdn.lapd.LapdLink;
import io.branchbox.firmware.isdn.lapd.LapdSettings;
import io.branchbox.firmware.isdn.lapd.Role;
import io.branchbox.firmware.isdn.q931.BChannels;
import io.branchbox.firmware.isdn.q931.CallKey;
import io.branchbox.firmware.isdn.q931.ChannelPreference;
import io.branchbox.firmware.isdn.q931.IsdnCall;
import io.branchbox.firmware.isdn.q931.Q931Layer;
import io.branchbox.firmware.isdn.q931.Refusal;
import io.branchbox.firmware.isdn.q931.RestartEvent;
import io.branchbox.firmware.isdn.q931.TrunkCallHandler;
import io.branchbox.time.Scheduler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One E1 span carrying ISDN PRI, user side: LAPD and Q.931 over the board's D-channel relay, and
 * every B-channel call handed to call control as a {@link TrunkCall}.
 *
 * <p>Layer 1 follows the board: LAPD starts when the span is configured and reports no LOS, LOF
 * or AIS, and drops (timers stopped, calls handled by Q.931's layer-2 loss rules) when an alarm
 * comes or the board restarts. Every D-channel frame in and out passes through the span's
 * {@link DChannelCapture} ring.
 *
 * <p>Outgoing calls are placed with {@link #placeCall}; their progress and clearing go to the
 * {@link OutgoingListener} given for that call, never to {@link Calls}. Once such a call is
 * answered, {@link #trunkCall} wraps it for call control.
 *
 * <p>Threading: signalling thread only.
 */
public final class PriSpan implements TrunkCallHandler {
    private static final Logger log = LoggerFactory.getLogger(PriSpan.class);
    /** The D-channel timeslot of an E1 PRI; the board's DCHAN messages carry it as chan. */

    /** Where D-channel frames go: a DCHAN message to the board. */
    @FunctionalInterface
    public interface DChannelOut {
        void send(int unit, int chan, byte[] lapd);
    }

    /** Call control, as the span sees it. */
    public interface Calls {
        void onIncoming(TrunkCall call);

        void onTrunkCleared(TrunkCall call, Q850Cause cause);
    }

    /**
     * Hears one outgoing call placed with {@link #placeCall}, on the signalling thread, until
     * {@link #onCleared} (called exactly once, also when the call fails before any answer).
     */
    public interface OutgoingListener {
        default void onProceeding(IsdnCall call) {}

        default void onAlerting(IsdnCall call) {}

        default void onProgress(IsdnCall call, int description) {}

        default void onAnswered(IsdnCall call) {}

        void onCleared(IsdnCall call, Q850Cause cause, String location);
    }

    private final int span;
    private final int unit;
    private final String name;
    private final LapdLink lapd;
    private final Q931Layer q931;
    private final DChannelCapture capture;
    private final Calls calls;
    private final Scheduler scheduler;
    private final Map<CallKey, PriTrunkCall> active = new HashMap<>();
    private final Map<CallKey, OutgoingListener> outgoing = new HashMap<>();
    private boolean configured;
    private boolean layer1Up;
    private int alarms = -1;
    private final SpanEvents events;
    private final Map<Integer, Long> refusals = new TreeMap<>();

    public PriSpan(int span, Scheduler scheduler, DChannelOut out, Calls calls, DChannelCapture capture) {
        this(span, scheduler, out, calls, capture, PriSpanSettings.defaults(), SpanEvents.NONE);
    }

    public PriSpan(int span, Scheduler scheduler, DChannelOut out, Calls calls, DChannelCapture capture,
            PriSpanSettings settings, SpanEvents events) {
        this.events = events;
        this.span = span;
        this.unit = Units.span(span);
        this.name = "span" + span;
        this.calls = calls;
        this.scheduler = scheduler;
        this.capture = capture;
        DataLinkRelay relay = new DataLinkRelay();
        this.q931 = new Q931Layer(relay, scheduler, settings.timers(), new BChannels(), this);
        q931.restartOnLinkUp(settings.restartOnLinkUp());
        this.lapd = new LapdLink(Role.USER, LapdSettings.DEFAULTS, scheduler, frame -> {
            capture.record(true, frame);
            out.send(unit, SpanConfig.D_CHANNEL_TIMESLOT, frame);
        }, q931, name);
        relay.connect(lapd);
        q931.start();
    }

    /** The board acknowledged SPAN_CONFIG: layer 1 may come up. */
    public void onConfigured() {
        configured = true;
        updateLayer1();
    }

    /** The board went away or restarted: the span is unconfigured until SPAN_CONFIG again. */
    public void onUnconfigured() {
        configured = false;
        alarms = -1;
        updateLayer1();
    }

    /** A SPAN_STATUS for this span. */
    public void onStatus(SpanStatus s) {
        if (s.alarms() != alarms) {
            log.info("{}: alarms {}", name, s.alarms() == 0 ? "clear" : SpanStatus.alarmNames(s.alarms()));
        }
        alarms = s.alarms();
        updateLayer1();
    }

    /** A LAPD frame the board relayed from the line. */
    public void onDChannel(byte[] frame) {
        capture.record(false, frame);
        lapd.receive(frame);
    }

    private void updateLayer1() {
        boolean up = configured && alarms >= 0 && (alarms & SpanStatus.LAYER1_DOWN_MASK) == 0;
        if (up == layer1Up) {
            return;
        }
        layer1Up = up;
        if (up) {
            log.info("{}: layer 1 up, starting LAPD", name);
            lapd.start();
        } else {
            log.warn("{}: layer 1 down ({})", name, configured ? "alarm" : "span not configured");
            lapd.physicalDown();
        }
    }

    /**
     * Answers the SETUP with CALL PROCEEDING at once and hands the call to call control in a task
     * of its own, queued behind the D-channel frames that already wait on the signalling thread:
     * in a burst (the network sends up to k = 7 SETUPs back to back) every SETUP waiting is
     * answered before call control's work for the first one (journal, channel open, log) runs.
     * A call cleared or being cleared meanwhile (DISCONNECT, RESTART, layer 2 lost) never reaches
     * call control (which ignores the clearing of a call it never heard of).
     */
    @Override
    public void onIncomingCall(IsdnCall c) {
        c.proceed();
        PriTrunkCall t = new PriTrunkCall(span, c);
        active.put(c.key(), t);
        scheduler.execute(() -> {
            if (active.get(c.key()) == t && c.proceeding()) {
                calls.onIncoming(t);
            }
        });
    }

    /**
     * Places an outgoing call (see {@link Q931Layer#placeCall}) whose callbacks go to
     * {@code listener}. A call that fails at once (no channel free) is still reported through
     * {@link OutgoingListener#onCleared}, later on the signalling thread, never from inside this
     * method.
     */
    public IsdnCall placeCall(String called, String calling, ChannelPreference preference, OutgoingListener listener) {
        IsdnCall c = q931.placeCall(called, calling, preference);
        outgoing.put(c.key(), listener);
        return c;
    }

    /** Call control's view of a call on this span, e.g. an outgoing call once answered. */
    public TrunkCall trunkCall(IsdnCall c) {
        return new PriTrunkCall(span, c);
    }

    @Override
    public void onProceeding(IsdnCall c) {
        OutgoingListener l = outgoing.get(c.key());
        if (l != null) {
            l.onProceeding(c);
        }
    }

    @Override
    public void onAlerting(IsdnCall c) {
        OutgoingListener l = outgoing.get(c.key());
        if (l != null) {
            l.onAlerting(c);
        }
    }

    @Override
    public void onProgress(IsdnCall c, int description) {
        OutgoingListener l = outgoing.get(c.key());
        if (l != null) {
            l.onProgress(c, description);
        }
    }

    @Override
    public void onAnswered(IsdnCall c) {
        OutgoingListener l = outgoing.get(c.key());
        if (l != null) {
            l.onAnswered(c);
        }
    }

    @Override
    public void onCleared(IsdnCall c, Q850Cause cause, String location) {
        OutgoingListener l = outgoing.remove(c.key());
        if (l != null) {
            l.onCleared(c, cause, location);
            return;
        }
        PriTrunkCall t = active.remove(c.key());
        if (t != null) {
            calls.onTrunkCleared(t, cause);
        }
    }

    @Override
    public void onRefused(Refusal refusal) {
        refusals.merge(refusal.cause().value(), 1L, Long::sum);
        events.onRefused(span, refusal);
    }

    @Override
    public void onRestartEvent(RestartEvent event) {
        events.onRestartEvent(span, event);
    }

    /** Network SETUPs refused since start, by cause value (ascending). */
    public Map<Integer, Long> refusalsByCause() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(refusals));
    }

    /** Whether the network ignored the last RESTART through T316's retries (the span's alarm condition). */
    public boolean restartUnacknowledged() {
        return q931.restartUnacknowledged();
    }

    public int span() {
        return span;
    }

    public boolean layer1Up() {
        return layer1Up;
    }

    /** Last reported alarm bits, -1 before the first SPAN_STATUS. */
    public int alarms() {
        return alarms;
    }

    public boolean layer2Up() {
        return lapd.isUp();
    }

    public LapdLink lapd() {
        return lapd;
    }

    public Q931Layer q931() {
        return q931;
    }

    public DChannelCapture capture() {
        return capture;
    }

    /** Calls on the span right now. */
    public List<IsdnCall> calls() {
        return q931.calls();
    }
}
