package io.branchbox.rig.carrier;

import io.branchbox.firmware.isdn.q931.CalledPartyNumber;
import io.branchbox.firmware.isdn.q931.CallingPartyNumber;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.isdn.q931.ChannelIdentification;
import io.branchbox.firmware.isdn.q931.ChannelIdentification.Selection;
import io.branchbox.firmware.isdn.q931.MessageType;
import io.branchbox.firmware.isdn.q931.Q931Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network's handling of a SETUP from the box: channel choice (exclusive busy -> cause 44,
 * preferred busy -> another channel), optional glare, then the answers the policy asks for.
 */
final class BoxSetupHandler {
    private static final Logger log = LoggerFactory.getLogger(BoxSetupHandler.class);

    private final CarrierNetworkSide network;

    BoxSetupHandler(CarrierNetworkSide network) {
        this.network = network;
    }

    void onSetup(Q931Message m, CarrierNetworkSide.Glare glare) {
        ChannelIdentification ci = m.find(ChannelIdentification.class).orElse(ChannelIdentification.anyChannel());
        String calling = m.find(CallingPartyNumber.class).map(CallingPartyNumber::digits).orElse("");
        String called = m.find(CalledPartyNumber.class).map(CalledPartyNumber::digits).orElse("");
        if (glare != null && ci.selection() == Selection.INDICATED) {
            log.info("network side: glare on ts {} on purpose", ci.channel());
            network.offerCall(glare.calling(), glare.called(), ci.channel());
        }
        int ts;
        if (ci.selection() == Selection.INDICATED && !network.isBusy(ci.channel())) {
            ts = ci.channel();
        } else if (ci.selection() == Selection.INDICATED && ci.exclusive()) {
            network.releaseComplete(m.callReference(), Q850Cause.REQUESTED_CHANNEL_NOT_AVAILABLE.value());
            return;
        } else {
            ts = network.idleTimeslot();
        }
        if (ts == 0) {
            network.releaseComplete(m.callReference(), Q850Cause.NO_CIRCUIT_AVAILABLE.value());
            return;
        }
        OfferedCall call = new OfferedCall(network, m.callReference().value(), true, calling, called, ts);
        call.state(NetworkState.N1);
        network.registerFromBox(call);
        switch (network.policy()) {
            case IGNORE -> log.info("network side: SETUP from the box ignored on purpose");
            case REJECT_NO_CIRCUIT -> {
                network.releaseComplete(m.callReference(), Q850Cause.NO_CIRCUIT_AVAILABLE.value());
                network.clear(call, Q850Cause.NO_CIRCUIT_AVAILABLE.value());
            }
            case PROCEED_ONLY -> proceed(call);
            case RING -> {
                proceed(call);
                call.alert();
            }
            case ANSWER -> {
                proceed(call);
                call.alert();
                call.answer();
            }
        }
    }

    private void proceed(OfferedCall call) {
        network.send(call, MessageType.CALL_PROCEEDING, ChannelIdentification.exclusive(call.timeslot()));
        call.state(NetworkState.N3);
    }
}
