package io.branchbox.firmware.isdn.q931;

import io.branchbox.firmware.isdn.q931.ChannelIdentification.Selection;
import io.branchbox.firmware.isdn.q931.RestartIndicator.RestartClass;
import io.branchbox.time.Scheduler.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages on the global call reference: RESTART and RESTART ACKNOWLEDGE in both directions
 * (Q.931 5.5), and STATUS / STATUS ENQUIRY on the global call reference.
 *
 * <p>Sending: the channels go to RESTARTING, calls on them are cleared, RESTART is sent and T316
 * started; T316 expiry resends up to {@link Q931Timers#restartRetries()} times. A network that
 * never acknowledges (some switches ignore a user-side RESTART) must not make the branch deaf:
 * after the last expiry the channels return to service, {@link RestartEvent.Kind#UNACKNOWLEDGED}
 * is reported (the span's alarm) and no RESTART is sent at link-up until one is acknowledged again.
 *
 * <p>A network SETUP naming a channel being restarted shows that the network considers it idle
 * (the SETUP crossed our RESTART): {@link #yieldToSetup} hands it to the call and the restart goes
 * on for the other channels; the acknowledgement then idles only the channels still restarting.
 *
 * <p>Signalling thread only.
 */
final class RestartProcedure {
    private static final Logger log = LoggerFactory.getLogger(RestartProcedure.class);
    private static final int REST_0 = 0;
    private static final int REST_1 = 61;

    private final CallRegistry registry;
    private Timer t316 = Timer.NONE;
    private int attempts;
    private List<Integer> restarting = List.of();
    private Q931Message restart;
    private boolean onLinkUp = true;
    private boolean unacknowledged;

    RestartProcedure(CallRegistry registry) {
        this.registry = registry;
    }

    /** Rest 0 (null) or Rest 1 (RESTART sent, waiting for the acknowledgement). */
    int stateCode() {
        return t316.isPending() ? REST_1 : REST_0;
    }

    /** Whether the idle channels are restarted when layer 2 comes up (per span, configurable). */
    void restartOnLinkUp(boolean enabled) {
        this.onLinkUp = enabled;
    }

    /** Whether the last RESTART went unacknowledged after all of T316's retries (the alarm condition). */
    boolean unacknowledged() {
        return unacknowledged;
    }

    /**
     * At layer-2 establishment: restarts every channel no call holds (calls that survived a
     * layer-2 loss (T309) and calls placed while the link was down keep theirs), unless the span
     * is configured not to or the network ignored the last RESTART.
     */
    void restartFreeChannels() {
        if (!onLinkUp || unacknowledged) {
            log.info("no RESTART at link-up: {}", unacknowledged ? "the network ignored the last one" : "configured off");
            report(new RestartEvent(RestartEvent.Kind.SKIPPED_AT_LINK_UP, List.of()));
            return;
        }
        List<Integer> free = BChannels.timeslots().stream()
                .filter(ts -> registry.onChannel(ts).isEmpty()).toList();
        if (free.size() == BChannels.timeslots().size()) {
            restart(free, new RestartIndicator(RestartClass.SINGLE_INTERFACE));
        } else if (!free.isEmpty()) {
            restart(free, new RestartIndicator(RestartClass.INDICATED_CHANNELS), ChannelIdentification.exclusive(free));
        }
    }

    void restartInterface() {
        registry.all().forEach(c -> c.clear(Q850Cause.TEMPORARY_FAILURE, "user"));
        restart(BChannels.timeslots(), new RestartIndicator(RestartClass.SINGLE_INTERFACE));
    }

    void restartChannels(List<Integer> timeslots) {
        restart(timeslots, new RestartIndicator(RestartClass.INDICATED_CHANNELS), ChannelIdentification.exclusive(timeslots));
    }

    /**
     * A network SETUP names {@code ts}, which we are restarting and no call holds: the network
     * considers it idle, so the call takes it. Returns false if the channel is not ours to yield.
     */
    boolean yieldToSetup(int ts) {
        if (!restarting.contains(ts) || registry.channels().state(ts) != BChannels.ChannelState.RESTARTING) {
            return false;
        }
        List<Integer> rest = new ArrayList<>(restarting);
        rest.remove(Integer.valueOf(ts));
        restarting = List.copyOf(rest);
        registry.channels().setIdle(ts);
        log.info("network SETUP on ts {} crossed our RESTART: the call takes it, {} channel(s) still restarting",
                ts, restarting.size());
        report(new RestartEvent(RestartEvent.Kind.CHANNEL_TAKEN_BY_SETUP, List.of(ts)));
        return true;
    }

    /** The highest channel being restarted that a SETUP offering "any channel" may take, if any. */
    Optional<Integer> anyRestarting() {
        for (int i = restarting.size() - 1; i >= 0; i--) {
            int ts = restarting.get(i);
            if (registry.channels().state(ts) == BChannels.ChannelState.RESTARTING) {
                return Optional.of(ts);
            }
        }
        return Optional.empty();
    }

    private void restart(List<Integer> timeslots, InformationElement... ies) {
        clearCallsOn(timeslots, "user");
        timeslots.forEach(registry.channels()::restarting);
        restarting = List.copyOf(timeslots);
        attempts = 0;
        restart = Q931Message.of(CallReference.global(), MessageType.RESTART, ies);
        log.info("RESTART sent for ts {}", timeslots);
        sendRestart();
    }

    private void sendRestart() {
        registry.send(restart);
        t316.cancel();
        t316 = registry.scheduler().schedule(registry.timers().t316(), this::onT316);
    }

    private void onT316() {
        attempts++;
        if (attempts <= registry.timers().restartRetries()) {
            log.warn("T316 expired: RESTART sent again ({})", attempts);
            sendRestart();
            return;
        }
        List<Integer> back = stillRestarting();
        log.error("no RESTART ACKNOWLEDGE after {} attempts: ts {} kept in service, no RESTART at link-up "
                + "until one is acknowledged", attempts, back);
        back.forEach(registry.channels()::setIdle);
        restarting = List.of();
        unacknowledged = true;
        report(new RestartEvent(RestartEvent.Kind.UNACKNOWLEDGED, back));
    }

    /** A message on the global call reference that passed the mandatory-element check. */
    void onGlobal(Q931Message m) throws Q931Exception {
        switch (m.type()) {
            case RESTART -> onRestart(m);
            case RESTART_ACKNOWLEDGE -> onAcknowledge(m);
            case STATUS_ENQUIRY -> sendStatus(m.callReference(), Q850Cause.RESPONSE_TO_STATUS_ENQUIRY, -1);
            case STATUS -> log.info("STATUS on global call reference: {}", m);
            default -> sendStatus(m.callReference(), Q850Cause.INVALID_CALL_REFERENCE, -1);
        }
    }

    /** STATUS on the global call reference, answering a message received on it. */
    void sendStatus(CallReference received, Q850Cause cause, int diagnosticIe) {
        registry.send(Q931Message.of(received.reply(), MessageType.STATUS,
                diagnosticIe >= 0 ? Cause.userAboutIe(cause, diagnosticIe) : Cause.user(cause), CallState.of(stateCode())));
    }

    private void onAcknowledge(Q931Message m) throws Q931Exception {
        if (!t316.isPending()) {
            // Q.931 5.8.4: a message not expected in the global call's state Rest 0
            report(new RestartEvent(RestartEvent.Kind.UNEXPECTED_ACKNOWLEDGE, List.of(), Q850Cause.WRONG_MESSAGE_FOR_STATE));
            throw new Q931Exception(Q850Cause.WRONG_MESSAGE_FOR_STATE, "RESTART ACKNOWLEDGE without a pending RESTART")
                    .in(m.callReference(), m.type());
        }
        Optional<ChannelIdentification> ci = m.find(ChannelIdentification.class);
        if (ci.isPresent() && !namesBearers(ci.get())) {
            report(new RestartEvent(RestartEvent.Kind.INVALID_ACKNOWLEDGE, ci.get().channels(), Q850Cause.CHANNEL_DOES_NOT_EXIST));
            throw new Q931Exception(Q850Cause.CHANNEL_DOES_NOT_EXIST, "RESTART ACKNOWLEDGE names channels that do not exist: "
                    + ci.get().channels()).aboutIe(ChannelIdentification.ID).in(m.callReference(), m.type());
        }
        t316.cancel();
        List<Integer> done = stillRestarting();
        done.forEach(registry.channels()::setIdle);
        log.info("RESTART acknowledged: ts {} idle", done);
        restarting = List.of();
        if (unacknowledged) {
            unacknowledged = false;
            log.info("the network acknowledges RESTART again: RESTART at link-up resumes");
            report(new RestartEvent(RestartEvent.Kind.ACKNOWLEDGED_AGAIN, done));
        }
    }

    private void onRestart(Q931Message m) throws Q931Exception {
        RestartIndicator ri = m.find(RestartIndicator.class).orElseThrow();
        List<Integer> timeslots;
        if (ri.restartClass() == RestartClass.INDICATED_CHANNELS) {
            ChannelIdentification ci = m.find(ChannelIdentification.class).orElseThrow(() ->
                    invalidRestart(Q850Cause.MANDATORY_IE_MISSING, "RESTART of indicated channels without channel identification",
                            List.of(), m));
            if (ci.selection() != Selection.INDICATED) {
                throw invalidRestart(Q850Cause.INVALID_IE_CONTENTS, "RESTART names no B-channel", ci.channels(), m);
            }
            if (!namesBearers(ci)) {
                throw invalidRestart(Q850Cause.CHANNEL_DOES_NOT_EXIST, "RESTART names channels that do not exist: "
                        + ci.channels(), ci.channels(), m);
            }
            timeslots = ci.channels();
        } else {
            timeslots = BChannels.timeslots();
            registry.all().forEach(c -> c.clear(Q850Cause.TEMPORARY_FAILURE, "network"));
        }
        log.info("network RESTART ({}) of ts {}", ri.restartClass(), timeslots);
        clearCallsOn(timeslots, "network");
        timeslots.forEach(registry.channels()::setIdle);
        List<InformationElement> echo = m.elements().stream()
                .filter(ie -> ie instanceof ChannelIdentification || ie instanceof RestartIndicator).toList();
        registry.send(new Q931Message(m.callReference().reply(), MessageType.RESTART_ACKNOWLEDGE, echo));
    }

    private Q931Exception invalidRestart(Q850Cause cause, String what, List<Integer> channels, Q931Message m) {
        report(new RestartEvent(RestartEvent.Kind.INVALID_RESTART, channels, cause));
        return new Q931Exception(cause, what).aboutIe(ChannelIdentification.ID).in(m.callReference(), m.type());
    }

    private static boolean namesBearers(ChannelIdentification ci) {
        return ci.selection() != Selection.INDICATED || ci.channels().stream().allMatch(BChannels::isBearer);
    }

    /** The channels of the pending RESTART that no crossing SETUP took meanwhile. */
    private List<Integer> stillRestarting() {
        return restarting.stream()
                .filter(ts -> registry.channels().state(ts) == BChannels.ChannelState.RESTARTING).toList();
    }

    private void report(RestartEvent event) {
        registry.handler().onRestartEvent(event);
    }

    private void clearCallsOn(List<Integer> timeslots, String location) {
        for (int ts : timeslots) {
            registry.onChannel(ts).ifPresent(c -> c.clear(Q850Cause.TEMPORARY_FAILURE, location));
        }
    }
}
