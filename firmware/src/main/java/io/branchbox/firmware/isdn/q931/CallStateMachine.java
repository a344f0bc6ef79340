package io.branchbox.firmware.isdn.q931;

import io.branchbox.time.Scheduler.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's user-side Q.931 state machine (EN 300 403 clause 5, user side). The behaviour of each
 * state lives in a small state object ({@link UserStates}); this class holds the call's data,
 * timers and the actions those states share.
 *
 * <p>Threading: signalling thread only.
 */
final class CallStateMachine {
    private static final Logger log = LoggerFactory.getLogger(CallStateMachine.class);

    private final CallKey key;
    private final CallContext ctx;
    private final IsdnCall handle = new IsdnCall(this);
    private final String calling;
    private final String called;
    private UserCallState state;
    private int channel;
    private Q931Message setup;
    private Timer stateTimer = Timer.NONE;
    private Timer linkTimer = Timer.NONE;
    private Timer enquiryTimer = Timer.NONE;
    private int expiries;
    private int enquiries;
    private Q850Cause ourCause = Q850Cause.NORMAL_CLEARING;
    private Q850Cause remoteCause = Q850Cause.NORMAL_CLEARING;
    private String remoteLocation = "user";
    private boolean firstResponseSent;
    private boolean cleared;

    CallStateMachine(CallKey key, CallContext ctx, int channel, String calling, String called, UserCallState initial) {
        this.key = key;
        this.ctx = ctx;
        this.channel = channel;
        this.calling = calling;
        this.called = called;
        this.state = initial;
    }

    CallKey key() { return key; }
    IsdnCall handle() { return handle; }
    int channel() { return channel; }
    String callingNumber() { return calling; }
    String calledNumber() { return called; }
    int stateCode() { return cleared ? 0 : state.code(); }

    boolean inState(UserCallState s) { return !cleared && state == s; }
    boolean isActive() { return !cleared && state.code() == 10; }
    TrunkCallHandler handler() { return ctx.handler(); }

    void receive(Q931Message m) {
        if (!cleared) {
            state.onMessage(this, m);
        }
    }

    void proceed() {
        if (usable("proceed")) {
            state.proceed(this);
        }
    }

    void alert() {
        if (usable("alert")) {
            state.alert(this);
        }
    }

    void answer() {
        if (usable("answer")) {
            state.answer(this);
        }
    }

    void hangup(Q850Cause cause) {
        if (usable("hangup")) {
            state.hangup(this, cause);
        }
    }

    private boolean usable(String action) {
        if (cleared) {
            log.info("{} {} ignored: call already cleared", key, action);
        }
        return !cleared;
    }

    // ---- actions shared by the states ----

    void enter(UserCallState next) {
        log.info("{} ts {} U{} -> U{}", key, channel, state.code(), next.code());
        state = next;
    }

    void send(MessageType type, InformationElement... ies) {
        ctx.send(Q931Message.of(key.toSend(), type, ies));
    }

    /** Sends the outgoing SETUP and starts T303. */
    void sendSetup(Q931Message m) {
        setup = m;
        ctx.send(m);
        startTimer(TimerId.T303);
    }

    void resendSetup() {
        log.info("{} T303 expired: SETUP sent again", key);
        ctx.send(setup);
        startTimer(TimerId.T303);
    }

    /**
     * Sends an answer to the network's SETUP; the first one carries the channel (exclusive) and
     * goes ahead of messages waiting for the LAPD window, the network's T303 runs until it arrives.
     */
    void sendResponse(MessageType type) {
        if (firstResponseSent) {
            send(type);
        } else {
            firstResponseSent = true;
            ctx.sendFirstAnswer(Q931Message.of(key.toSend(), type, ChannelIdentification.exclusive(channel)));
        }
    }

    void startTimer(TimerId id) {
        stateTimer.cancel();
        stateTimer = ctx.scheduler().schedule(id.of(ctx.timers()), () -> onExpiry(id));
    }

    void stopTimer() {
        stateTimer.cancel();
        expiries = 0;
    }

    private void onExpiry(TimerId id) {
        if (!cleared) {
            expiries++;
            log.info("{} {} expired ({}) in U{}", key, id, expiries, state.code());
            state.onTimeout(this, id, expiries);
        }
    }

    /** DISCONNECT with our cause, T305, U11. */
    void disconnect(Q850Cause cause) {
        stopTimer();
        ourCause = cause;
        remoteCause = cause; // the network's RELEASE may carry no cause; then the call ends with ours
        send(MessageType.DISCONNECT, Cause.user(cause));
        startTimer(TimerId.T305);
        enter(UserStates.DISCONNECT_REQUEST);
    }

    /** RELEASE with our cause, T308, U19. */
    void release(Q850Cause cause) {
        ourCause = cause;
        sendRelease(Cause.user(cause));
    }

    /** RELEASE without a cause (the answer to the network's DISCONNECT), T308, U19. */
    void releaseWithoutCause() {
        sendRelease();
    }

    private void sendRelease(InformationElement... cause) {
        stopTimer();
        send(MessageType.RELEASE, cause);
        startTimer(TimerId.T308);
        enter(UserStates.RELEASE_REQUEST);
    }

    void resendRelease() {
        send(MessageType.RELEASE, Cause.user(ourCause));
        startTimer(TimerId.T308);
    }

    Q850Cause ourCause() { return ourCause; }

    /** RELEASE COMPLETE with {@code cause}, then null state. */
    void releaseComplete(Q850Cause cause, int diagnosticIe) {
        send(MessageType.RELEASE_COMPLETE, diagnosticIe >= 0 ? Cause.userAboutIe(cause, diagnosticIe) : Cause.user(cause));
        clear(cause, "user");
    }

    void sendStatus(Q850Cause cause, int diagnosticIe) {
        send(MessageType.STATUS, diagnosticIe >= 0 ? Cause.userAboutIe(cause, diagnosticIe) : Cause.user(cause),
                CallState.of(stateCode()));
    }

    void rememberRemoteCause(Q931Message m) {
        m.find(Cause.class).ifPresent(c -> {
            remoteCause = c.cause();
            remoteLocation = c.location().name().toLowerCase();
        });
    }

    /** Takes the channel the network indicated in its first answer to our SETUP. */
    boolean acceptNetworkChannel(Q931Message m) {
        int indicated = m.find(ChannelIdentification.class).map(ChannelIdentification::channel).orElse(0);
        BChannels chans = ctx.channels();
        if (indicated == 0 || indicated == channel && chans.owner(channel).filter(key::equals).isPresent()) {
            if (channel == 0 || chans.owner(channel).filter(key::equals).isEmpty()) {
                log.warn("{} network gave no usable channel in {}", key, m.type());
                remoteCause = Q850Cause.REQUESTED_CHANNEL_NOT_AVAILABLE;
                release(Q850Cause.CHANNEL_UNACCEPTABLE);
                return false;
            }
            chans.confirm(channel, key);
            return true;
        }
        if (channel != 0) {
            chans.release(channel, key);
        }
        if (!chans.seize(indicated, key, true)) {
            log.warn("{} network assigned busy ts {}", key, indicated);
            channel = 0;
            remoteCause = Q850Cause.REQUESTED_CHANNEL_NOT_AVAILABLE;
            release(Q850Cause.CHANNEL_UNACCEPTABLE);
            return false;
        }
        log.info("{} network assigned ts {} (asked for ts {})", key, indicated, channel);
        channel = indicated;
        return true;
    }

    /** Glare: the network's call took our still-unconfirmed channel. */
    void loseChannel() {
        log.info("{} lost ts {} to the network's call", key, channel);
        channel = 0;
    }

    /** STATUS received: check the network's state against ours (Q.931 5.8.11). */
    void onStatus(Q931Message m) {
        enquiryTimer.cancel();
        enquiries = 0;
        int peer = m.find(CallState.class).map(CallState::value).orElse(0);
        if (peer == 0) {
            // only a STATUS that ends the call gives its cause; cause 30 of a routine answer must
            // not become the clearing cause call control hears later
            rememberRemoteCause(m);
            log.info("{} network reports null state: call cleared", key);
            rememberRemoteCause(m);
            clear(remoteCause, remoteLocation);
        } else if (!StateCompatibility.compatible(stateCode(), peer)) {
            log.warn("{} network state N{} incompatible with U{}", key, peer, stateCode());
            remoteCause = Q850Cause.WRONG_MESSAGE_FOR_STATE; // call control hears why we cleared
            remoteLocation = "user";
            release(Q850Cause.WRONG_MESSAGE_FOR_STATE);
        }
    }

    // ---- layer 2 loss and recovery (Q.931 5.8.9, 5.8.10) ----

    void onLinkDown() {
        if (linkTimer.isPending()) {
            return; // T309 already running from an earlier loss
        }
        if (isActive()) {
            log.info("{} layer 2 lost in active state: T309 started", key);
            linkTimer = ctx.scheduler().schedule(ctx.timers().t309(), () -> {
                log.warn("{} T309 expired: call cleared", key);
                clear(Q850Cause.TEMPORARY_FAILURE, "user");
            });
        } else {
            clear(Q850Cause.TEMPORARY_FAILURE, "user");
        }
    }

    void onLinkUp() {
        if (linkTimer.isPending()) {
            linkTimer.cancel();
            enquireStatus();
        }
    }

    void enquireStatus() {
        send(MessageType.STATUS_ENQUIRY);
        enquiryTimer.cancel();
        enquiryTimer = ctx.scheduler().schedule(ctx.timers().t322(), this::onT322);
    }

    private void onT322() {
        if (cleared) {
            return;
        }
        enquiries++;
        if (enquiries <= ctx.timers().statusEnquiryRetries()) {
            log.info("{} T322 expired: STATUS ENQUIRY again ({})", key, enquiries);
            send(MessageType.STATUS_ENQUIRY);
            enquiryTimer = ctx.scheduler().schedule(ctx.timers().t322(), this::onT322);
        } else {
            log.warn("{} no answer to STATUS ENQUIRY: call cleared", key);
            remoteCause = Q850Cause.TEMPORARY_FAILURE;
            remoteLocation = "user";
            release(Q850Cause.TEMPORARY_FAILURE);
        }
    }

    /** Null state: timers stopped, channel freed, call forgotten, call control told once. */
    void clear(Q850Cause cause, String location) {
        if (cleared) {
            return;
        }
        cleared = true;
        stateTimer.cancel();
        linkTimer.cancel();
        enquiryTimer.cancel();
        if (channel != 0) {
            ctx.channels().release(channel, key);
        }
        log.info("{} cleared, cause {} ({})", key, cause, location);
        ctx.remove(this);
        ctx.handler().onCleared(handle, cause, location);
    }

    /** Clears with the cause the network gave, as call control should hear it. */
    void clearWithRemoteCause() {
        clear(remoteCause, remoteLocation);
    }

    /** T308 expired twice: the channel goes to maintenance (EN 300 403 5.3.4.3). */
    void clearIntoMaintenance() {
        if (channel != 0) {
            ctx.channels().block(channel, key + ": no answer to RELEASE");
            channel = 0;
        }
        clear(ourCause, "user");
    }
}
