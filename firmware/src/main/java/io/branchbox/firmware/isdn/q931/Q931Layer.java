package io.branchbox.firmware.isdn.q931;

import io.branchbox.firmware.isdn.DataLink;
import io.branchbox.firmware.isdn.DataLinkUser;
import io.branchbox.firmware.isdn.q931.ChannelIdentification.Selection;
import io.branchbox.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Q.931 layer 3, user side (EN 300 403), for one E1 PRI D-channel.
 *
 * <p>Owns the calls by call reference, allocates references for outgoing calls, runs RESTART
 * procedures, and is the one place where {@link Q931Exception} is caught and turned into the
 * protocol's answer (STATUS, RELEASE, RELEASE COMPLETE). On layer-2 loss active calls are kept
 * for T309, all others are cleared; when the link comes back the free channels are restarted.
 *
 * <p>Threading: every method, including the {@link DataLinkUser} callbacks, must be called on the
 * signalling scheduler's thread; callbacks to the {@link TrunkCallHandler} come on it too.
 */
public final class Q931Layer implements DataLinkUser {
    private static final Logger log = LoggerFactory.getLogger(Q931Layer.class);

    private final CallRegistry registry;
    private final RestartProcedure restart;
    private final MandatoryIes mandatory = MandatoryIes.userSideReceiving();
    private long protocolErrors;

    public Q931Layer(DataLink link, Scheduler scheduler, Q931Timers timers, BChannels channels, TrunkCallHandler handler) {
        this.registry = new CallRegistry(link, scheduler, timers, channels, handler);
        this.restart = new RestartProcedure(registry);
    }

    /** Asks layer 2 for multiple-frame operation; RESTART follows when it is up. */
    public void start() {
        registry.link().establish();
    }

    /**
     * Places an outgoing call: SETUP with speech A-law, the chosen channel, calling and called
     * numbers and sending complete. Progress and the outcome arrive at the {@link TrunkCallHandler};
     * if no channel is free the call fails with cause 34 (reported asynchronously).
     *
     * @param calling the number to present, or null to let the network insert the default
     */
    public IsdnCall placeCall(String called, String calling, ChannelPreference preference) {
        CallKey key = new CallKey(registry.allocateReference(), true);
        BChannels channels = registry.channels();
        int ts = 0;
        ChannelIdentification ci = ChannelIdentification.anyChannel();
        if (!(preference instanceof ChannelPreference.NetworkChooses)) {
            int wanted = switch (preference) {
                case ChannelPreference.Preferred p -> p.timeslot();
                case ChannelPreference.Exclusive e -> e.timeslot();
                case ChannelPreference.NetworkChooses n -> 0;
            };
            int candidate = wanted == 0 ? channels.pickIdle() : wanted;
            if (candidate == 0 || !channels.seize(candidate, key, false)) {
                CallStateMachine failed = new CallStateMachine(key, registry, 0, calling, called, UserStates.CALL_INITIATED);
                log.info("{} to {}: no channel free ({}), fails with cause 34", key, called, preference);
                registry.scheduler().execute(() -> failed.clear(Q850Cause.NO_CIRCUIT_AVAILABLE, "user"));
                return failed.handle();
            }
            ts = candidate;
            ci = preference instanceof ChannelPreference.Exclusive ? ChannelIdentification.exclusive(ts)
                    : ChannelIdentification.preferred(ts);
        }
        CallStateMachine call = new CallStateMachine(key, registry, ts, calling, called, UserStates.CALL_INITIATED);
        registry.add(call);
        List<InformationElement> ies = new ArrayList<>(List.of(BearerCapability.speechALaw(), ci));
        if (calling != null) {
            ies.add(CallingPartyNumber.of(calling));
        }
        ies.add(CalledPartyNumber.of(called));
        ies.add(new SendingComplete());
        log.info("{} SETUP to {} from {} on {}", key, called, calling, ci);
        call.sendSetup(new Q931Message(key.toSend(), MessageType.SETUP, ies));
        if (!registry.link().isUp()) {
            registry.link().establish();
        }
        return call.handle();
    }

    /** Restarts the whole interface: every call is cleared with cause 41. */
    public void restartInterface() {
        restart.restartInterface();
    }

    /** Restarts the given timeslots (e.g. to return a blocked channel to service). */
    public void restartChannels(List<Integer> timeslots) {
        restart.restartChannels(timeslots);
    }

    /**
     * Whether the idle channels are restarted when layer 2 comes up (the default). Carriers
     * differ: some ignore a user-side RESTART; for them a span is configured without it.
     */
    public void restartOnLinkUp(boolean enabled) {
        restart.restartOnLinkUp(enabled);
    }

    /**
     * Whether the network ignored the last RESTART through all of T316's retries: the channels are
     * in service, but RESTART at link-up is suspended until one is acknowledged (the span's alarm).
     */
    public boolean restartUnacknowledged() {
        return restart.unacknowledged();
    }

    public BChannels channels() {
        return registry.channels();
    }

    /** The calls not yet cleared. */
    public List<IsdnCall> calls() {
        return registry.all().stream().map(CallStateMachine::handle).toList();
    }

    /** Received messages that were malformed or broke the protocol (for the health report). */
    public long protocolErrors() {
        return protocolErrors;
    }

    @Override
    public void onDataLinkUp() {
        log.info("layer 2 up");
        registry.all().forEach(CallStateMachine::onLinkUp);
        restart.restartFreeChannels();
    }

    @Override
    public void onDataLinkDown(String reason) {
        log.warn("layer 2 down: {}", reason);
        registry.all().forEach(CallStateMachine::onLinkDown);
        if (!registry.all().isEmpty()) {
            registry.link().establish(); // calls kept by T309 need the link back
        }
    }

    @Override
    public void onData(byte[] layer3Message) {
        try {
            Q931Message m = Q931Codec.decode(layer3Message);
            log.debug("received {}", m);
            mandatory.check(m);
            if (m.callReference().isGlobal()) {
                restart.onGlobal(m);
            } else {
                dispatch(m);
            }
        } catch (Q931Exception e) {
            protocolErrors++;
            log.warn("protocol error, cause {}: {} ({} {})", e.cause(), e.getMessage(), e.callReference(), e.messageType());
            new ErrorAnswers(registry, restart).answer(e);
            if (isUnknownNetworkSetup(e.callReference(), e.messageType())) {
                registry.handler().onRefused(new Refusal(e.cause(), 0, "", "", e.getMessage()));
            }
        }
    }

    /** A SETUP from the network for which no call exists: refusing it refuses a caller. */
    private boolean isUnknownNetworkSetup(CallReference ref, MessageType type) {
        return type == MessageType.SETUP && ref != null && !ref.isGlobal() && !ref.toOriginator()
                && registry.get(CallKey.ofReceived(ref)) == null;
    }

    private void dispatch(Q931Message m) {
        CallStateMachine call = registry.get(CallKey.ofReceived(m.callReference()));
        if (call == null) {
            unknownCallReference(m);
            return;
        }
        call.receive(m);
        Optional<Q850Cause> ignored = MandatoryIes.ignoredElementCause(m);
        if (ignored.isPresent() && !m.type().isClearing() && registry.get(call.key()) != null) {
            call.sendStatus(ignored.get(), MandatoryIes.ignoredElementId(m));
        }
    }

    /** Q.931 5.8.3.2: a message for a call we do not know. */
    private void unknownCallReference(Q931Message m) {
        CallReference ref = m.callReference();
        switch (m.type()) {
            case SETUP -> {
                if (!ref.toOriginator()) {
                    offer(m);
                } else {
                    log.info("SETUP with call reference flag 1 ignored: {}", ref);
                }
            }
            case RELEASE_COMPLETE -> log.debug("RELEASE COMPLETE for unknown {} ignored", ref);
            case STATUS -> {
                int peer = m.find(CallState.class).map(CallState::value).orElse(0);
                if (peer != 0) {
                    ErrorAnswers.releaseComplete(registry, ref, Q850Cause.WRONG_MESSAGE_FOR_STATE);
                }
            }
            default -> ErrorAnswers.releaseComplete(registry, ref, Q850Cause.INVALID_CALL_REFERENCE);
        }
    }

    /** The network offers a call: pick its channel (the network wins glare) and tell call control. */
    private void offer(Q931Message m) {
        CallKey key = CallKey.ofReceived(m.callReference());
        // screens and call records show the caller as people in China dial the number
        String calling = m.find(CallingPartyNumber.class)
                .map(n -> ChinaNumbers.display(n.type().code(), n.digits())).orElse("");
        String called = m.find(CalledPartyNumber.class).map(CalledPartyNumber::digits).orElse("");
        ChannelIdentification ci = m.find(ChannelIdentification.class).orElseThrow();
        if (!m.find(BearerCapability.class).orElseThrow().capability().isVoice()) {
            refuse(m, new Refusal(Q850Cause.INCOMPATIBLE_DESTINATION, ci.channel(), calling, called,
                    "bearer " + m.find(BearerCapability.class).orElseThrow() + " is not voice"));
            return;
        }
        int ts;
        switch (chooseChannel(ci, key)) {
            case ChannelChoice.Chosen c -> ts = c.timeslot();
            case ChannelChoice.Refused r -> {
                refuse(m, new Refusal(r.cause(), ci.channel(), calling, called, refusalReason(r.cause(), ci)));
                return;
            }
        }
        CallStateMachine call = new CallStateMachine(key, registry, ts, calling, called, UserStates.CALL_PRESENT);
        registry.add(call);
        log.info("{} incoming from '{}' to '{}' on ts {}", key, calling, called, ts);
        registry.handler().onIncomingCall(call.handle());
    }

    private void refuse(Q931Message m, Refusal r) {
        log.info("{} from '{}' to '{}' refused with cause {}: {}", CallKey.ofReceived(m.callReference()), r.calling(),
                r.called(), r.cause(), r.reason());
        try {
            // on record (journal, counters) before the network can hear of it, so whoever reacts to
            // the RELEASE COMPLETE finds the refusal already there
            registry.handler().onRefused(r);
        } finally {
            ErrorAnswers.releaseComplete(registry, m.callReference(), r.cause());
        }
    }

    private String refusalReason(Q850Cause cause, ChannelIdentification ci) {
        if (cause.equals(Q850Cause.CHANNEL_DOES_NOT_EXIST)) {
            return "ts " + ci.channel() + " is not a B-channel";
        } else if (cause.equals(Q850Cause.REQUESTED_CHANNEL_NOT_AVAILABLE)) {
            return "exclusive ts " + ci.channel() + " is " + registry.channels().state(ci.channel()).name().toLowerCase();
        } else if (cause.equals(Q850Cause.NO_CIRCUIT_AVAILABLE)) {
            return ci.selection() == Selection.NO_CHANNEL ? "no channel offered (call waiting not supported)" : "no channel free";
        }
        return "cause " + cause;
    }

    /** The timeslot for the network's call (seized), or the cause to refuse it with. */
    private ChannelChoice chooseChannel(ChannelIdentification ci, CallKey key) {
        BChannels channels = registry.channels();
        if (ci.selection() == Selection.INDICATED) {
            int ts = ci.channel();
            if (!BChannels.isBearer(ts)) {
                return new ChannelChoice.Refused(Q850Cause.CHANNEL_DOES_NOT_EXIST);
            }
            restart.yieldToSetup(ts); // a SETUP crossing our RESTART: the network holds the channel idle
            if (channels.seize(ts, key, true)) {
                return new ChannelChoice.Chosen(ts);
            }
            if (channels.heldUnconfirmed(ts)) {
                CallKey loser = channels.yieldToNetwork(ts, key);
                CallStateMachine outgoing = registry.get(loser);
                if (outgoing != null) {
                    outgoing.loseChannel();
                }
                return new ChannelChoice.Chosen(ts);
            }
            if (ci.exclusive()) {
                return new ChannelChoice.Refused(Q850Cause.REQUESTED_CHANNEL_NOT_AVAILABLE);
            }
        } else if (ci.selection() == Selection.NO_CHANNEL) {
            return new ChannelChoice.Refused(Q850Cause.NO_CIRCUIT_AVAILABLE);
        }
        int ts = channels.pickIdle();
        if (ts == 0) {
            ts = restart.anyRestarting().filter(restart::yieldToSetup).orElse(0);
        }
        if (ts == 0 || !channels.seize(ts, key, true)) {
            return new ChannelChoice.Refused(Q850Cause.NO_CIRCUIT_AVAILABLE);
        }
        return new ChannelChoice.Chosen(ts);
    }
}
