package io.branchbox.firmware.isdn.lapd;

import io.branchbox.firmware.isdn.DataLink;
import io.branchbox.firmware.isdn.DataLinkUser;
import io.branchbox.time.Scheduler;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Q.921 LAPD multiple-frame operation on a PRI D-channel: SAPI 0, TEI 0, point-to-point, modulo
 * 128, for either {@link Role}. It turns layer-3 messages into I frames and back, and keeps the
 * link up by itself when {@link LapdSettings#autoEstablish()} is set.
 *
 * <p>Threading: not thread-safe. Every method, the {@link DataLinkUser} callbacks, the
 * {@code toPhysical} consumer and the timers run on the {@link Scheduler}'s thread; the D-channel
 * driver must hand received frames over with {@code scheduler.execute}.
 *
 * <p>Lifecycle: nothing is sent until {@link #start()} says the physical layer (span) is usable;
 * {@link #physicalDown()} (span alarm) drops the link and stops every timer; {@code start()} again
 * when the alarm clears.
 *
 * <p>What layer 3 sees: {@link DataLinkUser#onDataLinkUp()} on every (re-)establishment, including a
 * reset while up (peer SABME, or our own re-establishment after an MDL-ERROR), which Q.921 reports
 * as DL-ESTABLISH indication with no release before it; {@link DataLinkUser#onDataLinkDown} once
 * when a link that was reported up is lost or released. A failed attempt while down is logged and
 * counted, not reported again.
 *
 * <p>Pitfalls: on every reset the messages sent but not yet acknowledged are dropped, as Q.921
 * does (they may or may not have arrived; layer 3 resynchronises); messages never sent stay queued,
 * up to {@link LapdSettings#maxQueued()}, and go out after re-establishment, however old.
 */
public final class LapdLink implements DataLink {
    private static final Logger log = LoggerFactory.getLogger(LapdLink.class);

    private final Role role;
    private final LapdSettings settings;
    private final UpperLayer upper;
    private final String name;
    private final LinkVariables variables = new LinkVariables();
    private final CounterSet counters = new CounterSet();
    private final LinkTimers timers;
    private final FrameSender out;

    private LinkState state = new TeiAssigned(this);
    private int retryCount;
    private boolean physicalUp;
    private boolean wanted;

    /**
     * @param toPhysical sends one encoded frame in a DCHAN message; must not block
     * @param name names this link in every log line, e.g. "span0"
     */
    public LapdLink(Role role, LapdSettings settings, Scheduler scheduler,
            Consumer<byte[]> toPhysical, DataLinkUser user, String name) {
        this.role = role;
        this.settings = settings;
        this.upper = new UpperLayer(user, name);
        this.name = name;
        this.timers = new LinkTimers(scheduler, settings, event -> {
            event.accept(state);
            afterEvent();
        });
        this.out = new FrameSender(role, settings.k(), toPhysical, variables, timers, counters, name);
    }

    /** The physical layer is usable (span configured, no alarm); establishes if configured to. */
    public void start() {
        physicalUp = true;
        if (settings.autoEstablish()) {
            wanted = true;
        }
        if (wanted) {
            state.onEstablishRequest();
        }
        afterEvent();
    }

    /** The physical layer is gone (e.g. LOS/AIS): the link drops at once and all timers stop. */
    public void physicalDown() {
        physicalUp = false;
        resetVariables();
        transition(new TeiAssigned(this), "physical layer down");
    }

    /** {@inheritDoc} Idempotent; the link then also re-establishes by itself after losses. */
    @Override
    public void establish() {
        wanted = true;
        if (physicalUp) {
            state.onEstablishRequest();
            afterEvent();
        }
    }

    /** DL-RELEASE request: sends DISC and stays down until {@link #establish()} or {@link #start()}. */
    public void release() {
        wanted = false;
        state.onReleaseRequest();
        afterEvent();
    }

    /**
     * {@inheritDoc} While the link is down this also starts establishment. A full queue drops the
     * message (counted, logged).
     *
     * @throws IllegalArgumentException if the message is longer than N201 = 260 octets
     */
    @Override
    public void send(byte[] layer3Message) {
        if (admit(layer3Message)) {
            variables.enqueue(layer3Message.clone());
            afterSend();
        }
    }

    /**
     * {@inheritDoc} Numbered before every message waiting in the queue of {@link #send} (not before
     * frames already sent, which keep their numbers); limits and link start as {@link #send}.
     */
    @Override
    public void sendFirstAnswer(byte[] layer3Message) {
        if (admit(layer3Message)) {
            variables.enqueueFirstAnswer(layer3Message.clone());
            afterSend();
        }
    }

    private boolean admit(byte[] layer3Message) {
        if (layer3Message.length > LapdFrame.N201) {
            throw new IllegalArgumentException("layer-3 message of " + layer3Message.length
                    + " octets exceeds N201 = " + LapdFrame.N201);
        }
        if (variables.queued() >= settings.maxQueued()) {
            counters.queueDrops++;
            log.warn("{}: queue full ({} messages), layer-3 message dropped", name, settings.maxQueued());
            return false;
        }
        return true;
    }

    private void afterSend() {
        if (physicalUp && !state.isUp()) {
            state.onEstablishRequest();
        }
        afterEvent();
    }

    @Override
    public boolean isUp() {
        return state.isUp();
    }

    /** One frame from the D-channel (a DCHAN payload). Never throws; bad frames are counted. */
    public void receive(byte[] frameBytes) {
        counters.framesIn++;
        LapdFrame frame;
        try {
            frame = LapdCodec.decode(frameBytes);
        } catch (LapdException e) {
            counters.malformed(e.reason());
            log.warn("{}: malformed frame dropped ({}): {}", name, e.getMessage(), hex(frameBytes));
            if (physicalUp && e.reason().mdlError().isPresent()) {
                MdlError code = e.reason().mdlError().get();
                mdlError(code);
                state.onFrameError(code);
                afterEvent();
            }
            return;
        }
        log.trace("{}: <- {}", name, frame);
        LapdAddress address = frame.address();
        if (!physicalUp) {
            discard(frame, "physical layer down");
            return;
        }
        if (address.sapi() != LapdAddress.SAPI_CALL_CONTROL || address.tei() != LapdAddress.TEI_PRI) {
            discard(frame, "not SAPI 0 / TEI 0");
            return;
        }
        dispatch(frame, role.isCommandFromPeer(address.cr()));
        afterEvent();
    }

    private void dispatch(LapdFrame frame, boolean command) {
        switch (frame) {
            case LapdFrame.I f when command -> state.onI(f);
            case LapdFrame.Supervisory f -> state.onSupervisory(f, command);
            case LapdFrame.SABME f when command -> state.onSabme(f.p());
            case LapdFrame.DISC f when command -> state.onDisc(f.p());
            case LapdFrame.UA f when !command -> state.onUa(f.f());
            case LapdFrame.DM f when !command -> state.onDm(f.f());
            case LapdFrame.FRMR f when !command -> state.onFrmr();
            case LapdFrame.UI f -> discard(f, "UI not used on a PRI");
            case LapdFrame.Unknown f -> discard(f, "frame type not used");
            default -> discard(frame, command ? "sent as command, must be a response"
                    : "sent as response, must be a command");
        }
    }

    /** A snapshot of this link's counters. */
    public LapdCounters counters() {
        return counters.snapshot();
    }

    /** The current Q.921 state, e.g. "timer-recovery(8)", for status pages and tests. */
    public String stateName() {
        return state.name();
    }

    /** Layer-3 messages waiting to be sent for the first time. */
    public int queued() {
        return variables.queued();
    }

    // ---- used by the states ----

    LapdSettings settings() {
        return settings;
    }

    LinkVariables variables() {
        return variables;
    }

    boolean physicalUp() {
        return physicalUp;
    }

    boolean wantsLink() {
        return physicalUp && wanted;
    }

    int retryCount() {
        return retryCount;
    }

    void incrementRetryCount() {
        retryCount++;
    }

    void resetRetryCount() {
        retryCount = 0;
    }

    /** Switches state; reports a loss to layer 3 if the link had been reported up. */
    void transition(LinkState next, String reason) {
        LinkState previous = state;
        state = next;
        log.debug("{}: {} -> {}: {}", name, previous.name(), next.name(), reason);
        next.enter();
        // State 5 after an error is a reset, not a loss: Q.921 sends no DL-RELEASE indication.
        if (!next.isUp() && !(next instanceof AwaitingEstablishment)) {
            String retry = wantsLink() ? "; retrying every " + settings.reestablishDelay().toSeconds()
                    + " s" : "";
            upper.down(reason, previous instanceof AwaitingEstablishment, retry);
        }
    }

    /** Switches to state 7 as a (re-)establishment: DL-ESTABLISH indication/confirm to layer 3. */
    void transitionUp(String reason) {
        transition(new MultipleFrameEstablished(this), reason);
        counters.establishments++;
        upper.up(reason);
    }

    void mdlError(MdlError code) {
        counters.mdlError(code);
        if (code == MdlError.G && upper.failing()) {
            log.debug("{}: {} again", name, code);
        } else {
            log.warn("{}: {} in state {}", name, code, state.name());
        }
    }

    /** Q.921 "establish data link": SABME with P=1, T200 running, sequence state cleared. */
    void establishDataLink() {
        timers.stopRetry();
        resetVariables();
        retryCount = 0;
        out.sabme();
        timers.startT200();
    }

    void resetVariables() {
        int dropped = variables.reset();
        if (dropped > 0) {
            counters.unacknowledgedDiscarded += dropped;
            log.warn("{}: {} unacknowledged layer-3 messages dropped by link reset", name, dropped);
        }
    }

    LinkTimers timers() {
        return timers;
    }

    FrameSender out() {
        return out;
    }

    void countRejectReceived() {
        counters.rejectsReceived++;
    }

    /** Hands an in-sequence information field to layer 3 once the frame is fully processed. */
    void deliver(byte[] info) {
        counters.iFramesIn++;
        upper.deliverLater(info);
    }

    private void afterEvent() {
        state.flush();
        upper.deliverHeld();
    }

    private void discard(LapdFrame frame, String why) {
        counters.discarded++;
        log.debug("{}: ignored {}: {}", name, frame, why);
    }

    private static String hex(byte[] bytes) {
        String h = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 16));
        return bytes.length > 16 ? h + "... (" + bytes.length + " octets)" : h;
    }

    @Override
    public String toString() {
        return "LapdLink[" + name + ", " + role + ", " + state.name() + "]";
    }
}
