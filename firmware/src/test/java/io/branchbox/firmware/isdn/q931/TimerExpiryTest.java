package io.branchbox.firmware.isdn.q931;

import static io.branchbox.firmware.isdn.q931.LayerFixture.NET_CALL;
import static io.branchbox.firmware.isdn.q931.LayerFixture.causeOf;
import static io.branchbox.firmware.isdn.q931.LayerFixture.toUs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.q931.BChannels.ChannelState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every user-side timer, driven by virtual time. */
class TimerExpiryTest {
    private final LayerFixture f = new LayerFixture();

    @Test
    void t303RetransmitsSetupOnceThenClearsWithCause102() {
        IsdnCall call = f.layer.placeCall("1", null, ChannelPreference.preferred());
        Q931Message first = f.link.takeOnly();
        f.advanceSeconds(3);
        assertTrue(f.link.sent.isEmpty());
        f.advanceSeconds(1);
        assertEquals(first, f.link.takeOnly(), "the same SETUP again");
        f.advanceSeconds(4);
        Q931Message rc = f.link.takeOnly();
        assertEquals(MessageType.RELEASE_COMPLETE, rc.type());
        assertEquals(Q850Cause.RECOVERY_ON_TIMER_EXPIRY, causeOf(rc));
        assertEquals(Q850Cause.RECOVERY_ON_TIMER_EXPIRY, f.handler.clearedCause);
        assertEquals(ChannelState.IDLE, f.channels.state(call.channel() == 0 ? 31 : call.channel()));
    }

    @Test
    void t310ExpiryAfterCallProceedingDisconnects() {
        IsdnCall call = f.layer.placeCall("1", null, ChannelPreference.preferred());
        f.receive(toUs(call.id()), MessageType.CALL_PROCEEDING, ChannelIdentification.exclusive(31));
        f.link.take();
        f.advanceSeconds(29);
        assertTrue(f.link.sent.isEmpty());
        f.advanceSeconds(1);
        Q931Message disconnect = f.link.takeOnly();
        assertEquals(MessageType.DISCONNECT, disconnect.type());
        assertEquals(Q850Cause.RECOVERY_ON_TIMER_EXPIRY, causeOf(disconnect));
        assertEquals(11, call.state());
    }

    @Test
    void t313ExpiryWithoutConnectAcknowledgeDisconnects() {
        IsdnCall call = f.offer(5);
        call.answer();
        f.link.take();
        f.advanceSeconds(4);
        Q931Message disconnect = f.link.takeOnly();
        assertEquals(MessageType.DISCONNECT, disconnect.type());
        assertEquals(Q850Cause.RECOVERY_ON_TIMER_EXPIRY, causeOf(disconnect));
    }

    @Test
    void t305ExpirySendsReleaseWithTheDisconnectCause() {
        IsdnCall call = f.activeIncoming(5);
        call.hangup(Q850Cause.CALL_REJECTED);
        f.link.take();
        f.advanceSeconds(30);
        Q931Message release = f.link.takeOnly();
        assertEquals(MessageType.RELEASE, release.type());
        assertEquals(Q850Cause.CALL_REJECTED, causeOf(release));
        assertEquals(19, call.state());
    }

    @Test
    void t308TwiceReleasesTheChannelIntoMaintenance() {
        IsdnCall call = f.activeIncoming(5);
        f.receive(NET_CALL, MessageType.DISCONNECT, Cause.user(Q850Cause.NORMAL_CLEARING));
        assertEquals(MessageType.RELEASE, f.link.takeOnly().type());
        f.advanceSeconds(4);
        assertEquals(MessageType.RELEASE, f.link.takeOnly().type());
        assertEquals(19, call.state());
        f.advanceSeconds(4);
        assertTrue(f.link.sent.isEmpty());
        assertEquals(ChannelState.BLOCKED, f.channels.state(5));
        assertEquals(List.of(), f.layer.calls());
        assertTrue(f.handler.events.get(f.handler.events.size() - 1).startsWith("cleared"));
    }

    @Test
    void t316RetransmitsRestartThenKeepsTheChannelsInService() {
        f.layer.onDataLinkUp();
        Q931Message restart = f.link.takeOnly();
        f.advanceSeconds(120);
        assertEquals(restart, f.link.takeOnly());
        f.advanceSeconds(120);
        assertEquals(restart, f.link.takeOnly());
        f.advanceSeconds(120);
        assertTrue(f.link.sent.isEmpty());
        assertEquals(ChannelState.IDLE, f.channels.state(1));
        assertTrue(f.layer.restartUnacknowledged());
    }

    @Test
    void t309KeepsAnActiveCallThenClearsItWithCause41() {
        IsdnCall call = f.activeIncoming(5);
        f.layer.onDataLinkDown("cable pulled");
        assertEquals(10, call.state());
        f.advanceSeconds(89);
        assertEquals(10, call.state());
        f.advanceSeconds(1);
        assertEquals(Q850Cause.TEMPORARY_FAILURE, f.handler.clearedCause);
        assertEquals(ChannelState.IDLE, f.channels.state(5));
    }

    @Test
    void t322RetriesStatusEnquiryAfterLinkRecoveryThenClears() {
        IsdnCall call = f.activeIncoming(5);
        f.layer.onDataLinkDown("cable pulled");
        f.advanceSeconds(10);
        f.layer.onDataLinkUp();
        List<Q931Message> sent = f.link.take();
        assertEquals(MessageType.STATUS_ENQUIRY, sent.get(0).type());
        assertEquals(MessageType.RESTART, sent.get(1).type());
        List<Integer> restarted = sent.get(1).find(ChannelIdentification.class).orElseThrow().channels();
        assertTrue(!restarted.contains(5) && restarted.size() == 29, "the surviving call's channel is not restarted");
        f.advanceSeconds(4);
        assertEquals(MessageType.STATUS_ENQUIRY, f.link.takeOnly().type());
        f.advanceSeconds(4);
        assertEquals(MessageType.STATUS_ENQUIRY, f.link.takeOnly().type());
        f.advanceSeconds(4);
        Q931Message release = f.link.takeOnly();
        assertEquals(MessageType.RELEASE, release.type());
        assertEquals(Q850Cause.TEMPORARY_FAILURE, causeOf(release));
        assertEquals(19, call.state());
    }

    @Test
    void statusAnswerStopsT322() {
        IsdnCall call = f.activeIncoming(5);
        f.layer.onDataLinkDown("blip");
        f.layer.onDataLinkUp();
        f.link.take();
        f.receive(NET_CALL, MessageType.STATUS, Cause.user(Q850Cause.RESPONSE_TO_STATUS_ENQUIRY), CallState.of(10));
        f.advanceSeconds(20);
        assertTrue(f.link.take().stream().noneMatch(m -> m.type() == MessageType.STATUS_ENQUIRY));
        assertEquals(10, call.state());
    }
}
