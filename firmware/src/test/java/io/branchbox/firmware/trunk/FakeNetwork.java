package io.branchbox.firmware.trunk;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.isdn.DataLink;
import io.branchbox.firmware.isdn.DataLinkUser;
import io.branchbox.firmware.isdn.q931.BearerCapability;
import io.branchbox.firmware.isdn.q931.CallReference;
import io.branchbox.firmware.isdn.q931.CalledPartyNumber;
import io.branchbox.firmware.isdn.q931.Cause;
import io.branchbox.firmware.isdn.q931.ChannelIdentification;
import io.branchbox.firmware.isdn.q931.ChannelIdentification.Selection;
import io.branchbox.firmware.isdn.q931.InformationElement;
import io.branchbox.firmware.isdn.q931.MessageType;
import io.branchbox.firmware.isdn.q931.Q931Codec;
import io.branchbox.firmware.isdn.q931.Q931Exception;
import io.branchbox.firmware.isdn.q931.Q931Message;
import io.branchbox.firmware.isdn.q931.RestartIndicator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scripted Q.931 network side for one span: each SETUP from the box takes the next
 * {@link Reaction} (or the fallback), RESTART is acknowledged, clearing is answered. Channels are
 * taken as the box indicates them; a repeated SETUP (T303) is not a new call; "any channel" gets the lowest free one. Signalling thread only.
 */
public final class FakeNetwork implements DataLinkUser {

    /** How the network meets one SETUP. */
    public sealed interface Reaction {}

    /** CALL PROCEEDING, ALERTING and CONNECT at once. */
    public record Answer() implements Reaction {}

    /** CALL PROCEEDING and ALERTING; the test may {@link #answerAll()} later. */
    public record Ring() implements Reaction {}

    /** RELEASE COMPLETE with {@code cause} (location public network, local user). */
    public record Reject(Q850Cause cause) implements Reaction {}

    /** CALL PROCEEDING, then DISCONNECT with {@code cause}. */
    public record ProceedThenDisconnect(Q850Cause cause) implements Reaction {}

    /** No answer at all (the box's T303 runs). */
    public record Ignore() implements Reaction {}

    /** A SETUP as the network saw it. */
    public record Setup(int timeslot, boolean exclusive, String called) {}

    private final Deque<Reaction> script = new ArrayDeque<>();
    private final Map<Integer, Integer> callTimeslots = new HashMap<>();
    private final List<Setup> setups = new ArrayList<>();
    private final Set<Integer> seenReferences = new HashSet<>();
    private final List<List<Integer>> restarts = new ArrayList<>();
    private final boolean[] busy = new boolean[32];
    /** What the box sent for calls the network offered ({@link #offer}), in order, by call reference. */
    private final List<String> answers = new ArrayList<>();
    private Reaction fallback = new Answer();
    private DataLink link;
    private boolean up;

    void attach(DataLink networkLink) {
        this.link = networkLink;
    }

    /** The reactions for the next SETUPs, in order. */
    public void script(Reaction... reactions) {
        script.addAll(List.of(reactions));
    }

    /** The reaction once the script is used up. */
    public void fallback(Reaction r) {
        fallback = r;
    }

    public List<Setup> setups() {
        return List.copyOf(setups);
    }

    /** The timeslots of every indicated-channel RESTART received (empty list: whole interface). */
    public List<List<Integer>> restarts() {
        return List.copyOf(restarts);
    }

    public boolean isUp() {
        return up;
    }

    /** CONNECT for every ringing call. */
    public void answerAll() {
        callTimeslots.keySet().forEach(cr -> send(cr, MessageType.CONNECT));
    }

    /** DISCONNECT with {@code cause} for every call (the far end hangs up). */
    public void disconnectAll(Q850Cause cause) {
        callTimeslots.keySet().forEach(cr -> send(cr, MessageType.DISCONNECT, cause(cause)));
    }

    /** Calls the network holds, by call reference. */
    public int callCount() {
        return callTimeslots.size();
    }

    @Override
    public void onDataLinkUp() {
        up = true;
    }

    @Override
    public void onDataLinkDown(String reason) {
        up = false;
    }

    @Override
    public void onData(byte[] layer3Message) {
        Q931Message m;
        try {
            m = Q931Codec.decode(layer3Message);
        } catch (Q931Exception e) {
            throw new AssertionError("the box sent an undecodable message", e);
        }
        if (m.callReference().isGlobal()) {
            if (m.type() == MessageType.RESTART) {
                restarts.add(m.find(ChannelIdentification.class).map(ChannelIdentification::channels).orElse(List.of()));
                List<InformationElement> echo = m.elements().stream()
                        .filter(ie -> ie instanceof ChannelIdentification || ie instanceof RestartIndicator).toList();
                link.send(Q931Codec.encode(new Q931Message(m.callReference().reply(), MessageType.RESTART_ACKNOWLEDGE, echo)));
            }
            return;
        }
        int cr = m.callReference().value();
        if (m.callReference().toOriginator()) {
            // a message of a call the network offered: recorded; only clearing is answered
            answers.add(m.type() + " " + cr);
            if (m.type() == MessageType.DISCONNECT || m.type() == MessageType.RELEASE) {
                link.send(Q931Codec.encode(Q931Message.of(CallReference.pri(cr, false),
                        m.type() == MessageType.DISCONNECT ? MessageType.RELEASE : MessageType.RELEASE_COMPLETE)));
            }
            return;
        }
        switch (m.type()) {
            case SETUP -> onSetup(cr, m);
            case DISCONNECT -> send(cr, MessageType.RELEASE);
            case RELEASE -> {
                send(cr, MessageType.RELEASE_COMPLETE);
                free(cr);
            }
            case RELEASE_COMPLETE -> free(cr);
            default -> { }
        }
    }

    private void onSetup(int cr, Q931Message m) {
        if (!seenReferences.add(cr)) {
            return; // the box repeated its SETUP after T303: still the same call, still the same reaction
        }
        ChannelIdentification ci = m.find(ChannelIdentification.class).orElse(ChannelIdentification.anyChannel());
        int ts = ci.selection() == Selection.INDICATED ? ci.channel() : lowestFree();
        setups.add(new Setup(ts, ci.exclusive(), m.find(CalledPartyNumber.class).map(CalledPartyNumber::digits).orElse("")));
        Reaction r = script.isEmpty() ? fallback : script.poll();
        switch (r) {
            case Reject rej -> send(cr, MessageType.RELEASE_COMPLETE, cause(rej.cause()));
            case Ignore ignore -> { }
            case Answer answer -> {
                seize(cr, ts);
                send(cr, MessageType.CALL_PROCEEDING, ChannelIdentification.exclusive(ts));
                send(cr, MessageType.ALERTING);
                send(cr, MessageType.CONNECT);
            }
            case Ring ring -> {
                seize(cr, ts);
                send(cr, MessageType.CALL_PROCEEDING, ChannelIdentification.exclusive(ts));
                send(cr, MessageType.ALERTING);
            }
            case ProceedThenDisconnect p -> {
                seize(cr, ts);
                send(cr, MessageType.CALL_PROCEEDING, ChannelIdentification.exclusive(ts));
                send(cr, MessageType.DISCONNECT, cause(p.cause()));
            }
        }
    }

    private static Cause cause(Q850Cause cause) {
        return new Cause(0, Cause.Location.PUBLIC_LOCAL, cause.value(), new byte[0]);
    }

    private void seize(int cr, int ts) {
        callTimeslots.put(cr, ts);
        busy[ts] = true;
    }

    private void free(int cr) {
        Integer ts = callTimeslots.remove(cr);
        if (ts != null) {
            busy[ts] = false;
        }
    }

    private int lowestFree() {
        for (int ts = 1; ts < 32; ts++) {
            if (ts != 16 && !busy[ts]) {
                return ts;
            }
        }
        return 0;
    }

    /** Offers a call to the box: SETUP (speech, A-law) on {@code timeslot} with call reference {@code cr}. */
    public void offer(int cr, int timeslot) {
        link.send(Q931Codec.encode(Q931Message.of(CallReference.pri(cr, false), MessageType.SETUP,
                BearerCapability.speechALaw(), ChannelIdentification.exclusive(timeslot),
                CalledPartyNumber.of("95598"))));
    }

    /** The caller of a call the network offered hangs up: DISCONNECT, normal clearing. */
    public void disconnectOffered(int cr) {
        link.send(Q931Codec.encode(Q931Message.of(CallReference.pri(cr, false), MessageType.DISCONNECT,
                cause(Q850Cause.NORMAL_CLEARING))));
    }

    /** "TYPE cr" of every message the box sent for calls the network offered, in order. */
    public List<String> answers() {
        return List.copyOf(answers);
    }

    private void send(int cr, MessageType type, InformationElement... ies) {
        link.send(Q931Codec.encode(Q931Message.of(CallReference.pri(cr, true), type, ies)));
    }
}
