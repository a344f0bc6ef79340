package io.branchbox.firmware.isdn.q931;

import static io.branchbox.firmware.isdn.q931.LayerFixture.NET_CALL;
import static io.branchbox.firmware.isdn.q931.LayerFixture.causeOf;
import static io.branchbox.firmware.isdn.q931.LayerFixture.toUs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.q931.BChannels.ChannelState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Incoming and outgoing calls through the user-side states with a fake network. */
class CallFlowTest {
    private final LayerFixture f = new LayerFixture();

    @Test
    void incomingCallIsAlertedAnsweredAndClearedByTheNetwork() {
        IsdnCall call = f.offer(5);
        assertEquals(List.of("incoming 301234567->4200 ts5"), f.handler.events);
        assertEquals(6, call.state());
        assertEquals(ChannelState.BUSY, f.channels.state(5));

        call.alert();
        Q931Message alerting = f.link.takeOnly();
        assertEquals(MessageType.ALERTING, alerting.type());
        assertEquals(CallReference.pri(33, true), alerting.callReference());
        assertEquals(ChannelIdentification.exclusive(5), alerting.find(ChannelIdentification.class).orElseThrow());

        call.answer();
        Q931Message connect = f.link.takeOnly();
        assertEquals(MessageType.CONNECT, connect.type());
        assertTrue(connect.find(ChannelIdentification.class).isEmpty(), "channel only in the first answer");
        f.receive(NET_CALL, MessageType.CONNECT_ACKNOWLEDGE);
        assertEquals(10, call.state());

        f.receive(NET_CALL, MessageType.DISCONNECT, Cause.user(Q850Cause.NORMAL_CLEARING));
        assertEquals(MessageType.RELEASE, f.link.takeOnly().type());
        f.receive(NET_CALL, MessageType.RELEASE_COMPLETE);
        assertEquals(List.of("incoming 301234567->4200 ts5", "connected", "cleared 16"), f.handler.events);
        assertEquals(ChannelState.IDLE, f.channels.state(5));
        assertTrue(f.layer.calls().isEmpty());
    }

    @Test
    void callersNumberReachesCallControlAsPeopleInChinaDialIt() {
        f.receive(LayerFixture.NET_CALL, MessageType.SETUP, BearerCapability.speechALaw(), ChannelIdentification.exclusive(3),
                new CallingPartyNumber(NumberFields.TypeOfNumber.INTERNATIONAL, NumberFields.NumberingPlan.ISDN_E164,
                        NumberFields.Presentation.ALLOWED, NumberFields.Screening.values()[0], "861062345678"),
                CalledPartyNumber.of("95598"));
        assertEquals("01062345678", f.handler.incoming.callingNumber());
    }

    @Test
    void outgoingCallIsProceededAlertedAnsweredAndClearedByUs() {
        IsdnCall call = f.layer.placeCall("0301234567", "4200", ChannelPreference.preferred());
        Q931Message setup = f.link.takeOnly();
        assertEquals(MessageType.SETUP, setup.type());
        assertEquals(CallReference.pri(call.id(), false), setup.callReference());
        assertEquals(ChannelIdentification.preferred(31), setup.find(ChannelIdentification.class).orElseThrow());
        assertEquals("0301234567", setup.find(CalledPartyNumber.class).orElseThrow().digits());
        assertTrue(setup.has(SendingComplete.class));

        f.receive(toUs(call.id()), MessageType.CALL_PROCEEDING, ChannelIdentification.exclusive(31));
        f.receive(toUs(call.id()), MessageType.ALERTING);
        f.receive(toUs(call.id()), MessageType.CONNECT);
        assertEquals(MessageType.CONNECT_ACKNOWLEDGE, f.link.takeOnly().type());
        assertEquals(10, call.state());

        call.hangup(Q850Cause.NORMAL_CLEARING);
        Q931Message disconnect = f.link.takeOnly();
        assertEquals(MessageType.DISCONNECT, disconnect.type());
        assertEquals(Q850Cause.NORMAL_CLEARING, causeOf(disconnect));
        f.receive(toUs(call.id()), MessageType.RELEASE, Cause.user(Q850Cause.NORMAL_CLEARING));
        assertEquals(MessageType.RELEASE_COMPLETE, f.link.takeOnly().type());
        assertEquals(List.of("proceeding ts31", "alerting", "answered", "cleared 16"), f.handler.events);
        assertEquals(ChannelState.IDLE, f.channels.state(31));
    }

    @Test
    void networkMayAssignAnotherChannelThanThePreferredOne() {
        IsdnCall call = f.layer.placeCall("1", null, ChannelPreference.preferred());
        f.receive(toUs(call.id()), MessageType.CALL_PROCEEDING, ChannelIdentification.exclusive(7));
        assertEquals(7, call.channel());
        assertEquals(ChannelState.IDLE, f.channels.state(31));
        assertEquals(ChannelState.BUSY, f.channels.state(7));
    }

    @Test
    void rejectedOutgoingCallReportsTheNetworkCauseForARetry() {
        IsdnCall call = f.layer.placeCall("1", null, ChannelPreference.exclusive(3));
        f.receive(toUs(call.id()), MessageType.RELEASE_COMPLETE, Cause.user(Q850Cause.REQUESTED_CHANNEL_NOT_AVAILABLE));
        assertEquals(Q850Cause.REQUESTED_CHANNEL_NOT_AVAILABLE, f.handler.clearedCause);
        assertEquals(ChannelState.IDLE, f.channels.state(3));
    }

    @Test
    void noFreeChannelFailsTheCallWithCause34() {
        BChannels.timeslots().forEach(ts -> f.channels.block(ts, "test"));
        f.layer.placeCall("1", null, ChannelPreference.preferred());
        f.scheduler.runPending();
        assertEquals(List.of("cleared 34"), f.handler.events);
        assertTrue(f.link.sent.isEmpty());
    }

    @Test
    void glareGivesTheChannelToTheNetworkAndOurCallTakesTheOneTheNetworkAssigns() {
        IsdnCall out = f.layer.placeCall("1", null, ChannelPreference.preferred());
        assertEquals(31, out.channel());
        f.link.take();

        IsdnCall in = f.offer(31);
        assertEquals(31, in.channel());
        assertEquals(0, out.channel());
        assertEquals(in.key(), f.channels.owner(31).orElseThrow());

        f.receive(toUs(out.id()), MessageType.CALL_PROCEEDING, ChannelIdentification.exclusive(30));
        assertEquals(30, out.channel());
        assertEquals(3, out.state());
    }

    @Test
    void exclusiveOfferOnABusyChannelIsRefusedWithCause44() {
        f.activeIncoming(5);
        f.receive(CallReference.pri(34, false), MessageType.SETUP, BearerCapability.speechALaw(), ChannelIdentification.exclusive(5));
        Q931Message rc = f.link.takeOnly();
        assertEquals(MessageType.RELEASE_COMPLETE, rc.type());
        assertEquals(Q850Cause.REQUESTED_CHANNEL_NOT_AVAILABLE, causeOf(rc));
    }

    @Test
    void rejectingAnOfferedCallSendsReleaseComplete() {
        IsdnCall call = f.offer(9);
        call.hangup(Q850Cause.USER_BUSY);
        Q931Message rc = f.link.takeOnly();
        assertEquals(MessageType.RELEASE_COMPLETE, rc.type());
        assertEquals(Q850Cause.USER_BUSY, causeOf(rc));
        assertEquals(ChannelState.IDLE, f.channels.state(9));
    }

    @Test
    void statusEnquiryIsAnsweredWithTheCallState() {
        f.activeIncoming(5);
        f.receive(NET_CALL, MessageType.STATUS_ENQUIRY);
        Q931Message status = f.link.takeOnly();
        assertEquals(MessageType.STATUS, status.type());
        assertEquals(Q850Cause.RESPONSE_TO_STATUS_ENQUIRY, causeOf(status));
        assertEquals(CallState.of(10), status.find(CallState.class).orElseThrow());
    }

    @Test
    void statusWithAnIncompatibleStateClearsTheCall() {
        f.activeIncoming(5);
        f.receive(NET_CALL, MessageType.STATUS, Cause.user(Q850Cause.RESPONSE_TO_STATUS_ENQUIRY), CallState.of(7));
        Q931Message release = f.link.takeOnly();
        assertEquals(MessageType.RELEASE, release.type());
        assertEquals(Q850Cause.WRONG_MESSAGE_FOR_STATE, causeOf(release));
    }

    @Test
    void statusSayingNullClearsTheCallLocally() {
        f.activeIncoming(5);
        f.receive(NET_CALL, MessageType.STATUS, Cause.user(Q850Cause.TEMPORARY_FAILURE), CallState.of(0));
        assertEquals(List.of(), f.link.take());
        assertEquals(Q850Cause.TEMPORARY_FAILURE, f.handler.clearedCause);
        assertEquals(ChannelState.IDLE, f.channels.state(5));
    }

    @Test
    void networkRestartOfIndicatedChannelsClearsTheirCallsAndIsAcknowledged() {
        f.activeIncoming(5);
        f.receive(CallReference.global(), MessageType.RESTART, ChannelIdentification.exclusive(5),
                new RestartIndicator(RestartIndicator.RestartClass.INDICATED_CHANNELS));
        Q931Message ack = f.link.takeOnly();
        assertEquals(MessageType.RESTART_ACKNOWLEDGE, ack.type());
        assertTrue(ack.callReference().isGlobal() && ack.callReference().toOriginator());
        assertEquals(ChannelIdentification.exclusive(5), ack.find(ChannelIdentification.class).orElseThrow());
        assertEquals(Q850Cause.TEMPORARY_FAILURE, f.handler.clearedCause);
        assertEquals(ChannelState.IDLE, f.channels.state(5));
    }

    @Test
    void layerTwoComingUpRestartsTheInterfaceAndTheAcknowledgementFreesIt() {
        f.layer.onDataLinkUp();
        Q931Message restart = f.link.takeOnly();
        assertEquals(MessageType.RESTART, restart.type());
        assertEquals(RestartIndicator.RestartClass.SINGLE_INTERFACE, restart.find(RestartIndicator.class).orElseThrow().restartClass());
        assertEquals(ChannelState.RESTARTING, f.channels.state(1));
        f.receive(CallReference.pri(0, true), MessageType.RESTART_ACKNOWLEDGE,
                new RestartIndicator(RestartIndicator.RestartClass.SINGLE_INTERFACE));
        assertEquals(ChannelState.IDLE, f.channels.state(1));
        assertEquals(ChannelState.IDLE, f.channels.state(31));
    }

    @Test
    void layerTwoLossClearsCallsThatAreNotActive() {
        f.offer(5);
        f.link.take();
        f.layer.onDataLinkDown("test");
        assertEquals(Q850Cause.TEMPORARY_FAILURE, f.handler.clearedCause);
        assertTrue(f.link.sent.isEmpty(), "nothing sent over a dead link");
    }

    @Test
    void hangupOfAClearedCallSendsNothing() {
        IsdnCall call = f.activeIncoming(5);
        f.receive(NET_CALL, MessageType.RELEASE, Cause.user(Q850Cause.NORMAL_CLEARING));
        assertEquals(MessageType.RELEASE_COMPLETE, f.link.takeOnly().type());
        call.hangup(Q850Cause.NORMAL_CLEARING);
        assertTrue(f.link.sent.isEmpty());
        assertEquals(0, call.state());
    }

    @Test
    void repeatedSetupForAnOfferedCallIsIgnored() {
        IsdnCall call = f.offer(5);
        f.offer(5);
        assertTrue(f.link.sent.isEmpty());
        assertEquals(1, f.handler.events.size());
        assertEquals(6, call.state());
    }

    @Test
    void callPlacedWhileTheLinkWasDownKeepsItsChannelThroughTheRestart() {
        f.link.up = false;
        IsdnCall call = f.layer.placeCall("1", null, ChannelPreference.preferred());
        assertEquals(1, f.link.establishRequests);
        f.link.take();
        f.link.up = true;
        f.layer.onDataLinkUp();
        Q931Message restart = f.link.takeOnly();
        assertTrue(!restart.find(ChannelIdentification.class).orElseThrow().channels().contains(call.channel()));
        assertEquals(1, call.state());
    }

    @Test
    void setupAcknowledgeIsAnsweredWithSendingCompleteAndSupervised() {
        IsdnCall call = f.layer.placeCall("1", null, ChannelPreference.preferred());
        f.link.take();
        f.receive(toUs(call.id()), MessageType.SETUP_ACKNOWLEDGE, ChannelIdentification.exclusive(31));
        Q931Message info = f.link.takeOnly();
        assertEquals(MessageType.INFORMATION, info.type());
        assertTrue(info.has(SendingComplete.class));
        assertEquals(2, call.state());
        f.advanceSeconds(30);
        assertEquals(MessageType.DISCONNECT, f.link.takeOnly().type());
    }
}
