package io.branchbox.firmware.isdn.q931;

import io.branchbox.firmware.isdn.q931.ChannelIdentification.Selection;
import io.branchbox.firmware.isdn.q931.RestartIndicator.RestartClass;
import io.branchbox.time.Scheduler.Timer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages on the global call reference: RESTART and RESTART ACKNOWLEDGE in both directions
 * (Q.931 5.5), and STATUS / STATUS ENQUIRY on the global call reference.
 *
 * <p>Sending: the channels go to RESTARTING, calls on them are cleared, RESTART is sent and T316
 * started; T316 expiry resends up to {@link Q931Timers#restartRetries()} times, then the channels
 * are blocked (maintenance). Signalling thread only.
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

    RestartProcedure(CallRegistry registry) {
        this.registry = registry;
    }

    /** Rest 0 (null) or Rest 1 (RESTART sent, waiting for the acknowledgement). */
    int stateCode() {
        return t316.isPending() ? REST_1 : REST_0;
    }

    /**
     * Restarts every channel no call holds: calls that survived a layer-2 loss (T309) and calls
     * placed while the link was down keep theirs.
     */
    void restartFreeChannels() {
        List<Integer> free = BChannels.timeslots().stream()
                .filter(ts -> registry.onChannel(ts).isEmpty()).toList();
        if (free.size() == BChannels.timeslots().size()) {
            restart(free, new RestartIndicator(RestartClass.SINGLE_INTERFACE));
        } else if (!free.isEmpty()) {
            restart(free, new RestartIndicator(RestartClass.INDICATED_CHANNELS), ChannelIdentification.exclusive(free));
        }
    }

    void restartInterface() {
        registry.all().forEach(c -> c.clear(Causes.TEMPORARY_FAILURE, "user"));
        restart(BChannels.timeslots(), new RestartIndicator(RestartClass.SINGLE_INTERFACE));
    }

    void restartChannels(List<Integer> timeslots) {
        restart(timeslots, new RestartIndicator(RestartClass.INDICATED_CHANNELS), ChannelIdentification.exclusive(timeslots));
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
        } else {
            log.error("no RESTART ACKNOWLEDGE after {} attempts: ts {} out of service", attempts, restarting);
            restarting.forEach(ts -> registry.channels().block(ts, "RESTART not acknowledged"));
            restarting = List.of();
        }
    }

    /** A message on the global call reference that passed the mandatory-element check. */
    void onGlobal(Q931Message m) throws Q931Exception {
        switch (m.type()) {
            case RESTART -> onRestart(m);
            case RESTART_ACKNOWLEDGE -> onAcknowledge();
            case STATUS_ENQUIRY -> sendStatus(m.callReference(), Causes.RESPONSE_TO_STATUS_ENQUIRY, -1);
            case STATUS -> log.info("STATUS on global call reference: {}", m);
            default -> sendStatus(m.callReference(), Causes.INVALID_CALL_REFERENCE, -1);
        }
    }

    /** STATUS on the global call reference, answering a message received on it. */
    void sendStatus(CallReference received, int cause, int diagnosticIe) {
        registry.send(Q931Message.of(received.reply(), MessageType.STATUS,
                diagnosticIe >= 0 ? Cause.userAboutIe(cause, diagnosticIe) : Cause.user(cause), CallState.of(stateCode())));
    }

    private void onAcknowledge() {
        if (!t316.isPending()) {
            log.info("RESTART ACKNOWLEDGE without a pending RESTART: ignored");
            return;
        }
        t316.cancel();
        restarting.forEach(registry.channels()::setIdle);
        log.info("RESTART acknowledged: ts {} idle", restarting);
        restarting = List.of();
    }

    private void onRestart(Q931Message m) throws Q931Exception {
        RestartIndicator ri = m.find(RestartIndicator.class).orElseThrow();
        List<Integer> timeslots;
        if (ri.restartClass() == RestartClass.INDICATED_CHANNELS) {
            ChannelIdentification ci = m.find(ChannelIdentification.class).orElseThrow(() ->
                    new Q931Exception(Causes.MANDATORY_IE_MISSING, "RESTART of indicated channels without channel identification")
                            .aboutIe(ChannelIdentification.ID).in(m.callReference(), m.type()));
            if (ci.selection() != Selection.INDICATED || !ci.channels().stream().allMatch(BChannels::isBearer)) {
                throw new Q931Exception(Causes.INVALID_IE_CONTENTS, "RESTART names no valid B-channel")
                        .aboutIe(ChannelIdentification.ID).in(m.callReference(), m.type());
            }
            timeslots = ci.channels();
        } else {
            timeslots = BChannels.timeslots();
            registry.all().forEach(c -> c.clear(Causes.TEMPORARY_FAILURE, "network"));
        }
        log.info("network RESTART ({}) of ts {}", ri.restartClass(), timeslots);
        clearCallsOn(timeslots, "network");
        timeslots.forEach(registry.channels()::setIdle);
        List<InformationElement> echo = m.elements().stream()
                .filter(ie -> ie instanceof ChannelIdentification || ie instanceof RestartIndicator).toList();
        registry.send(new Q931Message(m.callReference().reply(), MessageType.RESTART_ACKNOWLEDGE, echo));
    }

    private void clearCallsOn(List<Integer> timeslots, String location) {
        for (int ts : timeslots) {
            registry.onChannel(ts).ifPresent(c -> c.clear(Causes.TEMPORARY_FAILURE, location));
        }
    }
}
