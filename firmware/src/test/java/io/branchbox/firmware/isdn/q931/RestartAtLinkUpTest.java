package io.branchbox.firmware.isdn.q931;

import static io.branchbox.firmware.isdn.q931.LayerFixture.causeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.q931.BChannels.ChannelState;
import io.branchbox.firmware.isdn.q931.RestartIndicator.RestartClass;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RESTART at layer-2 establishment against real networks (EN 300 403-1 5.5, 5.8), in virtual
 * time: SETUPs crossing the box's RESTART are accepted, a network that never acknowledges leaves
 * every channel in service and raises the alarm condition, and bad RESTART traffic gets the
 * standard answer without leaving a channel stuck.
 */
class RestartAtLinkUpTest {
    private final LayerFixture f = new LayerFixture();

    private void setup(int ref, ChannelIdentification ci) {
        f.receive(CallReference.pri(ref, false), MessageType.SETUP, BearerCapability.speechALaw(), ci,
                CallingPartyNumber.of("301234567"), CalledPartyNumber.of("95598"));
    }

    private static List<MessageType> types(List<Q931Message> ms) {
        return ms.stream().map(Q931Message::type).toList();
    }

    private void acknowledge() {
        f.receive(CallReference.pri(0, true), MessageType.RESTART_ACKNOWLEDGE, new RestartIndicator(RestartClass.SINGLE_INTERFACE));
    }

    @Test
    void aSetupCrossingTheRestartIsAcceptedAndTheRestartFinishesForTheOthers() {
        f.layer.onDataLinkUp();
        assertEquals(MessageType.RESTART, f.link.takeOnly().type());
        f.handler.onIncoming = IsdnCall::answer;
        setup(1, ChannelIdentification.exclusive(1));
        assertEquals(List.of(MessageType.CONNECT), types(f.link.take()));
        assertEquals(List.of(), f.handler.refusals);
        assertEquals(ChannelState.BUSY, f.channels.state(1));
        assertEquals(ChannelState.RESTARTING, f.channels.state(2));
        acknowledge();
        assertEquals(ChannelState.BUSY, f.channels.state(1), "the acknowledgement must not take the call's channel");
        assertEquals(ChannelState.IDLE, f.channels.state(2));
        assertEquals(1, f.layer.calls().size());
        assertTrue(f.handler.restartEvents.stream().anyMatch(e -> e.kind() == RestartEvent.Kind.CHANNEL_TAKEN_BY_SETUP));
    }

    @Test
    void aSetupOfferingAnyChannelWhileEveryChannelRestartsGetsOne() {
        f.layer.onDataLinkUp();
        f.link.take();
        setup(7, ChannelIdentification.anyChannel());
        assertEquals(List.of(), f.handler.refusals);
        assertEquals(31, f.handler.incoming.channel());
    }

    @Test
    void aBurstOfThirtySetupsAtLinkUpIsAllAccepted() {
        f.layer.onDataLinkUp();
        f.link.take();
        f.handler.onIncoming = IsdnCall::answer;
        int ref = 1;
        for (int ts : BChannels.timeslots()) {
            setup(ref++, ChannelIdentification.exclusive(ts));
        }
        assertEquals(30, f.layer.calls().size());
        assertEquals(List.of(), f.handler.refusals);
        assertTrue(types(f.link.take()).stream().allMatch(t -> t == MessageType.CONNECT));
        acknowledge();
        BChannels.timeslots().forEach(ts -> assertEquals(ChannelState.BUSY, f.channels.state(ts)));
    }

    @Test
    void aNetworkThatNeverAcknowledgesKeepsTheChannelsAndSuspendsRestartAtLinkUp() {
        f.layer.onDataLinkUp();
        f.link.take();
        f.handler.onIncoming = IsdnCall::answer;
        setup(1, ChannelIdentification.exclusive(3));
        f.receive(CallReference.pri(1, false), MessageType.CONNECT_ACKNOWLEDGE);
        f.advanceSeconds(120 * 3);
        assertTrue(f.layer.restartUnacknowledged());
        assertEquals(ChannelState.BUSY, f.channels.state(3));
        assertEquals(ChannelState.IDLE, f.channels.state(4));
        assertEquals(RestartEvent.Kind.UNACKNOWLEDGED, f.handler.restartEvents.getLast().kind());
        f.link.take();
        setup(2, ChannelIdentification.exclusive(4));
        assertEquals(List.of(MessageType.CONNECT), types(f.link.take()));
        f.layer.onDataLinkDown("test");
        f.layer.onDataLinkUp();
        assertFalse(types(f.link.take()).contains(MessageType.RESTART), "no RESTART at link-up after an unacknowledged one");
        assertEquals(RestartEvent.Kind.SKIPPED_AT_LINK_UP, f.handler.restartEvents.getLast().kind());
        // a technician's restart of one channel is acknowledged: the condition ends, link-up restarts resume
        f.layer.restartChannels(List.of(9));
        f.link.take();
        f.receive(CallReference.pri(0, true), MessageType.RESTART_ACKNOWLEDGE, ChannelIdentification.exclusive(9),
                new RestartIndicator(RestartClass.INDICATED_CHANNELS));
        assertFalse(f.layer.restartUnacknowledged());
        assertEquals(RestartEvent.Kind.ACKNOWLEDGED_AGAIN, f.handler.restartEvents.getLast().kind());
    }

    @Test
    void restartAtLinkUpCanBeTurnedOff() {
        f.layer.restartOnLinkUp(false);
        f.layer.onDataLinkUp();
        assertTrue(f.link.take().isEmpty());
        assertEquals(ChannelState.IDLE, f.channels.state(1));
    }

    @Test
    void aRestartNamingChannelsThatDoNotExistGetsStatus82AndChangesNothing() {
        f.activeIncoming(5);
        f.receive(CallReference.global(), MessageType.RESTART, ChannelIdentification.exclusive(List.of(5, 16)),
                new RestartIndicator(RestartClass.INDICATED_CHANNELS));
        Q931Message status = f.link.takeOnly();
        assertEquals(MessageType.STATUS, status.type());
        assertTrue(status.callReference().isGlobal());
        assertEquals(Q850Cause.CHANNEL_DOES_NOT_EXIST, causeOf(status));
        assertEquals(ChannelState.BUSY, f.channels.state(5));
        assertEquals(RestartEvent.Kind.INVALID_RESTART, f.handler.restartEvents.getLast().kind());
    }

    @Test
    void aRestartAcknowledgeWithNothingPendingGetsStatus101() {
        acknowledge();
        Q931Message status = f.link.takeOnly();
        assertEquals(MessageType.STATUS, status.type());
        assertEquals(Q850Cause.WRONG_MESSAGE_FOR_STATE, causeOf(status));
        assertEquals(RestartEvent.Kind.UNEXPECTED_ACKNOWLEDGE, f.handler.restartEvents.getLast().kind());
    }

    @Test
    void aRestartAcknowledgeNamingChannelsThatDoNotExistIsNotTakenForTheAcknowledgement() {
        f.layer.restartChannels(List.of(2));
        f.link.take();
        f.receive(CallReference.pri(0, true), MessageType.RESTART_ACKNOWLEDGE, ChannelIdentification.exclusive(16),
                new RestartIndicator(RestartClass.INDICATED_CHANNELS));
        assertEquals(Q850Cause.CHANNEL_DOES_NOT_EXIST, causeOf(f.link.takeOnly()));
        assertEquals(ChannelState.RESTARTING, f.channels.state(2));
        f.advanceSeconds(120 * 3);
        assertEquals(ChannelState.IDLE, f.channels.state(2), "no channel stays stuck restarting");
    }

    @Test
    void aSetupOnAChannelInMaintenanceIsRefusedWith44AndReported() {
        f.channels.block(7, "technician");
        setup(1, ChannelIdentification.exclusive(7));
        Q931Message rc = f.link.takeOnly();
        assertEquals(MessageType.RELEASE_COMPLETE, rc.type());
        assertEquals(Q850Cause.REQUESTED_CHANNEL_NOT_AVAILABLE, causeOf(rc));
        Refusal r = f.handler.refusals.getFirst();
        assertEquals(Q850Cause.REQUESTED_CHANNEL_NOT_AVAILABLE, r.cause());
        assertEquals("95598", r.called());
        assertEquals(7, r.timeslot());
        assertEquals(ChannelState.BLOCKED, f.channels.state(7));
        assertTrue(f.layer.calls().isEmpty());
    }

    @Test
    void aSetupWithoutChannelIdentificationIsRefusedWith96AndReported() {
        f.receive(CallReference.pri(4, false), MessageType.SETUP, BearerCapability.speechALaw(),
                CalledPartyNumber.of("95598"));
        Q931Message rc = f.link.takeOnly();
        assertEquals(MessageType.RELEASE_COMPLETE, rc.type());
        assertEquals(Q850Cause.MANDATORY_IE_MISSING, causeOf(rc));
        assertEquals(Q850Cause.MANDATORY_IE_MISSING, f.handler.refusals.getFirst().cause());
        assertEquals(0, f.handler.refusals.getFirst().timeslot());
        assertTrue(f.layer.calls().isEmpty());
        BChannels.timeslots().forEach(ts -> assertEquals(ChannelState.IDLE, f.channels.state(ts)));
    }
}
