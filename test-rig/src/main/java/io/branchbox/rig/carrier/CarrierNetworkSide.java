package io.branchbox.rig.carrier;

import io.branchbox.drivers.cb1.msg.SpanConfig;
import io.branchbox.firmware.isdn.DataLink;
import io.branchbox.firmware.isdn.DataLinkUser;
import io.branchbox.firmware.isdn.q931.BearerCapability;
import io.branchbox.firmware.isdn.q931.CallReference;
import io.branchbox.firmware.isdn.q931.CallState;
import io.branchbox.firmware.isdn.q931.CalledPartyNumber;
import io.branchbox.firmware.isdn.q931.CallingPartyNumber;
import io.branchbox.firmware.isdn.q931.Cause;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.isdn.q931.ChannelIdentification;
import io.branchbox.firmware.isdn.q931.InformationElement;
import io.branchbox.firmware.isdn.q931.MandatoryIes;
import io.branchbox.firmware.isdn.q931.MessageType;
import io.branchbox.firmware.isdn.q931.Q931Codec;
import io.branchbox.firmware.isdn.q931.Q931Exception;
import io.branchbox.firmware.isdn.q931.Q931Message;
import io.branchbox.firmware.isdn.q931.RestartIndicator;
import io.branchbox.firmware.isdn.q931.RestartIndicator.RestartClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Q.931 network-side peer (EN 300 403 network side, the parts a carrier simulator needs): offers
 * calls to the box, answers the box's calls according to an {@link OutgoingPolicy}, clears from
 * either side, sends and acknowledges RESTART, makes glare on purpose and sends malformed bytes.
 *
 * <p>Like the carriers the box meets: RESTART from the box is acknowledged or, with
 * {@link RestartAnswer#IGNORE}, ignored as some switches do; {@link #atLinkUp} offers calls the moment
 * layer 2 is established, as a busy E1 does. A RESTART arriving while a SETUP of ours on one of
 * its channels is still unanswered (state N6) crossed that SETUP on the wire: the box sent it
 * before it saw the SETUP, so the carrier keeps that call (the box takes the channel for it) and
 * clears only calls the box already knew about.
 *
 * <p>Built on the firmware's codec and on {@link DataLink}: plug in an {@link InMemoryDataLink} or
 * a LAPD link in NETWORK role. Threading: every method, and every callback and future completion,
 * on the signalling scheduler's thread. Call channels are hunted from the lowest timeslot.
 */
public final class CarrierNetworkSide implements DataLinkUser {
    private static final Logger log = LoggerFactory.getLogger(CarrierNetworkSide.class);

    private static final int MAX_CALL_REFERENCE = 0x7FFF;

    record Glare(String calling, String called) {}

    private final DataLink link;
    private final Map<Integer, OfferedCall> toBox = new HashMap<>();
    private final Map<Integer, OfferedCall> fromBox = new HashMap<>();
    private final Map<OfferedCall, CompletableFuture<OfferedCall>> awaitingFirstAnswer = new HashMap<>();
    private final boolean[] busy = new boolean[32];
    private final List<Q931Message> received = new ArrayList<>();
    private final List<CarrierListener> listeners = new CopyOnWriteArrayList<>();
    private final MandatoryIes mandatory = MandatoryIes.networkSideReceiving();
    private OutgoingPolicy policy = OutgoingPolicy.ANSWER;
    private Glare glare;
    private CompletableFuture<Void> restartAcknowledged = CompletableFuture.completedFuture(null);
    private int nextReference = 1;
    private int faults;
    private boolean up;
    private RestartAnswer restartAnswer = RestartAnswer.ACKNOWLEDGE;
    private Consumer<CarrierNetworkSide> atLinkUp = n -> { };
    private int restartsReceived;

    public CarrierNetworkSide(DataLink link) {
        this.link = link;
    }

    public void addListener(CarrierListener l) {
        listeners.add(l);
    }

    public void setOutgoingPolicy(OutgoingPolicy p) {
        policy = p;
    }

    /** How the box's RESTART is answered from now on. */
    public void setRestartAnswer(RestartAnswer answer) {
        restartAnswer = answer;
    }

    /** What the carrier does each time layer 2 comes up, e.g. offer a burst of calls at once. */
    public void atLinkUp(Consumer<CarrierNetworkSide> action) {
        atLinkUp = action;
    }

    /** RESTART messages received from the box. */
    public int restartsReceived() {
        return restartsReceived;
    }

    /**
     * Offers a call to the box: SETUP with speech A-law, the timeslot exclusive, calling and called
     * numbers. Completes with the call at the box's first answer, or exceptionally with
     * {@link CallRejectedException} if the box refuses it.
     */
    public CompletableFuture<OfferedCall> offerCall(String calling, String called, int timeslot) {
        OfferedCall call = new OfferedCall(this, allocateReference(), false, calling, called, timeslot);
        CompletableFuture<OfferedCall> first = new CompletableFuture<>();
        toBox.put(call.callReference(), call);
        awaitingFirstAnswer.put(call, first);
        busy[timeslot] = true;
        call.state(NetworkState.N6);
        send(call, MessageType.SETUP, BearerCapability.speechALaw(), ChannelIdentification.exclusive(timeslot),
                CallingPartyNumber.of(calling), CalledPartyNumber.of(called));
        return first;
    }

    /** Call references are 15 bits on a PRI: wrap after 32767 and skip those still in use. */
    private int allocateReference() {
        while (toBox.containsKey(nextReference)) {
            nextReference = nextReference == MAX_CALL_REFERENCE ? 1 : nextReference + 1;
        }
        int value = nextReference;
        nextReference = nextReference == MAX_CALL_REFERENCE ? 1 : nextReference + 1;
        return value;
    }

    /** The next SETUP from the box is met by a network call offered on the same channel first. */
    public void armGlare(String calling, String called) {
        glare = new Glare(calling, called);
    }

    /** RESTART of the whole interface; completes at RESTART ACKNOWLEDGE. Calls are cleared. */
    public CompletableFuture<Void> restartInterface() {
        new ArrayList<>(calls()).forEach(c -> clear(c, Q850Cause.TEMPORARY_FAILURE.value()));
        return restart(Q931Message.of(CallReference.global(), MessageType.RESTART, new RestartIndicator(RestartClass.SINGLE_INTERFACE)));
    }

    /** RESTART of the given channels; completes at RESTART ACKNOWLEDGE. */
    public CompletableFuture<Void> restartChannels(List<Integer> timeslots) {
        new ArrayList<>(calls()).stream().filter(c -> timeslots.contains(c.timeslot())).forEach(c -> clear(c, Q850Cause.TEMPORARY_FAILURE.value()));
        return restart(Q931Message.of(CallReference.global(), MessageType.RESTART, ChannelIdentification.exclusive(timeslots),
                new RestartIndicator(RestartClass.INDICATED_CHANNELS)));
    }

    private CompletableFuture<Void> restart(Q931Message m) {
        restartAcknowledged = new CompletableFuture<>();
        link.send(Q931Codec.encode(m));
        return restartAcknowledged;
    }

    /** STATUS ENQUIRY for a call; the box's STATUS shows up in {@link #received()}. */
    public void enquireStatus(OfferedCall call) {
        send(call, MessageType.STATUS_ENQUIRY);
    }

    /** Sends STATUS claiming network state {@code claimed}, e.g. an incompatible one on purpose. */
    public void sendStatus(OfferedCall call, NetworkState claimed) {
        send(call, MessageType.STATUS, Cause.user(Q850Cause.NORMAL_UNSPECIFIED), CallState.of(claimed.code()));
    }

    /** Sends bytes as they are: for malformed-message tests. */
    public void sendRaw(byte[] layer3Message) {
        link.send(layer3Message.clone());
    }

    /** Sends a hand-built message. */
    public void send(Q931Message m) {
        link.send(Q931Codec.encode(m));
    }

    /** Every message received from the box, in order. */
    public List<Q931Message> received() {
        return List.copyOf(received);
    }

    /** Messages from the box that broke the network-side mandatory-element rules or did not decode. */
    public int faults() {
        return faults;
    }

    public List<OfferedCall> calls() {
        List<OfferedCall> all = new ArrayList<>(toBox.values());
        all.addAll(fromBox.values());
        return all;
    }

    public boolean isBusy(int timeslot) {
        return busy[timeslot];
    }

    public boolean isUp() {
        return up;
    }

    void hangup(OfferedCall call, int cause) {
        call.clearingCause(cause);
        send(call, MessageType.DISCONNECT, new Cause(0, Cause.Location.PUBLIC_LOCAL, cause, new byte[0]));
        call.state(NetworkState.N12);
    }

    void alert(OfferedCall call) {
        send(call, MessageType.ALERTING);
        call.state(NetworkState.N4);
    }

    void answer(OfferedCall call) {
        send(call, MessageType.CONNECT);
        call.state(NetworkState.N10);
        answered(call);
    }

    @Override
    public void onDataLinkUp() {
        up = true;
        atLinkUp.accept(this);
    }

    @Override
    public void onDataLinkDown(String reason) {
        up = false;
        log.info("network side: layer 2 down ({})", reason);
    }

    @Override
    public void onData(byte[] layer3Message) {
        Q931Message m;
        try {
            m = Q931Codec.decode(layer3Message);
            mandatory.check(m);
        } catch (Q931Exception e) {
            faults++;
            log.warn("network side: bad message from the box, cause {}: {}", e.cause(), e.getMessage());
            return;
        }
        received.add(m);
        if (m.callReference().isGlobal()) {
            onGlobal(m);
            return;
        }
        Map<Integer, OfferedCall> calls = m.callReference().toOriginator() ? toBox : fromBox;
        OfferedCall call = calls.get(m.callReference().value());
        if (call == null) {
            if (m.type() == MessageType.SETUP && !m.callReference().toOriginator()) {
                new BoxSetupHandler(this).onSetup(m, glare);
                glare = null;
            } else if (m.type() != MessageType.RELEASE_COMPLETE) {
                link.send(Q931Codec.encode(Q931Message.of(m.callReference().reply(), MessageType.RELEASE_COMPLETE,
                        Cause.user(Q850Cause.INVALID_CALL_REFERENCE))));
            }
            return;
        }
        onCallMessage(call, m);
    }

    private void onCallMessage(OfferedCall call, Q931Message m) {
        switch (m.type()) {
            case CALL_PROCEEDING -> firstAnswer(call, NetworkState.N9);
            case ALERTING -> firstAnswer(call, NetworkState.N7);
            case CONNECT -> {
                firstAnswer(call, NetworkState.N8);
                send(call, MessageType.CONNECT_ACKNOWLEDGE);
                call.state(NetworkState.N10);
                answered(call);
            }
            case CONNECT_ACKNOWLEDGE -> call.state(NetworkState.N10);
            case DISCONNECT -> {
                send(call, MessageType.RELEASE);
                call.state(NetworkState.N19);
                call.clearingCause(causeOf(m));
            }
            case RELEASE -> {
                send(call, MessageType.RELEASE_COMPLETE);
                clear(call, call.clearingCause() != 0 ? call.clearingCause() : causeOf(m));
            }
            case RELEASE_COMPLETE -> clear(call, call.clearingCause() != 0 ? call.clearingCause() : causeOf(m));
            case STATUS_ENQUIRY -> send(call, MessageType.STATUS, Cause.user(Q850Cause.RESPONSE_TO_STATUS_ENQUIRY),
                    CallState.of(call.state().code()));
            default -> log.info("network side: {} for {} noted", m.type(), call);
        }
    }

    private void onGlobal(Q931Message m) {
        if (m.type() == MessageType.RESTART_ACKNOWLEDGE) {
            restartAcknowledged.complete(null);
        } else if (m.type() == MessageType.RESTART) {
            restartsReceived++;
            if (restartAnswer == RestartAnswer.IGNORE) {
                log.info("network side: RESTART from the box ignored (as some switches do)");
                return;
            }
            boolean indicated = m.find(RestartIndicator.class).map(r -> r.restartClass() == RestartClass.INDICATED_CHANNELS).orElse(false);
            List<Integer> ts = indicated ? m.find(ChannelIdentification.class).map(ChannelIdentification::channels).orElse(List.of()) : null;
            new ArrayList<>(calls()).stream().filter(c -> ts == null || ts.contains(c.timeslot()))
                    .filter(c -> !crossedRestart(c))
                    .forEach(c -> clear(c, Q850Cause.TEMPORARY_FAILURE.value()));
            List<InformationElement> echo = m.elements().stream()
                    .filter(ie -> ie instanceof ChannelIdentification || ie instanceof RestartIndicator).toList();
            link.send(Q931Codec.encode(new Q931Message(m.callReference().reply(), MessageType.RESTART_ACKNOWLEDGE, echo)));
        }
    }

    /** Our SETUP the box had not answered when its RESTART arrived: they crossed on the wire. */
    private static boolean crossedRestart(OfferedCall c) {
        boolean crossed = !c.fromBox() && c.state() == NetworkState.N6;
        if (crossed) {
            log.info("network side: {} crossed the box's RESTART, kept", c);
        }
        return crossed;
    }

    private void firstAnswer(OfferedCall call, NetworkState next) {
        call.state(next);
        CompletableFuture<OfferedCall> f = awaitingFirstAnswer.remove(call);
        if (f != null) {
            f.complete(call);
        }
    }

    private void answered(OfferedCall call) {
        call.answered().complete(call);
        listeners.forEach(l -> l.onAnswered(call));
    }

    // ---- used by BoxSetupHandler ----

    void send(OfferedCall call, MessageType type, InformationElement... ies) {
        link.send(Q931Codec.encode(Q931Message.of(call.outgoingReference(), type, ies)));
    }

    void releaseComplete(CallReference received, int cause) {
        link.send(Q931Codec.encode(Q931Message.of(received.reply(), MessageType.RELEASE_COMPLETE,
                new Cause(0, Cause.Location.PUBLIC_LOCAL, cause, new byte[0]))));
    }

    /** The lowest idle timeslot, or 0. */
    int idleTimeslot() {
        for (int ts = 1; ts < 32; ts++) {
            if (ts != SpanConfig.D_CHANNEL_TIMESLOT && !busy[ts]) {
                return ts;
            }
        }
        return 0;
    }

    void registerFromBox(OfferedCall call) {
        fromBox.put(call.callReference(), call);
        busy[call.timeslot()] = true;
        listeners.forEach(l -> l.onCallFromBox(call));
    }

    OutgoingPolicy policy() {
        return policy;
    }

    void clear(OfferedCall call, int cause) {
        (call.fromBox() ? fromBox : toBox).remove(call.callReference());
        if (call.timeslot() > 0) {
            busy[call.timeslot()] = false;
        }
        call.state(NetworkState.N0);
        CompletableFuture<OfferedCall> first = awaitingFirstAnswer.remove(call);
        if (first != null) {
            first.completeExceptionally(new CallRejectedException(cause));
        }
        call.cleared().complete(cause);
        listeners.forEach(l -> l.onCleared(call, cause));
    }

    private static int causeOf(Q931Message m) {
        return m.find(Cause.class).map(Cause::value).orElse(Q850Cause.NORMAL_CLEARING.value());
    }
}
