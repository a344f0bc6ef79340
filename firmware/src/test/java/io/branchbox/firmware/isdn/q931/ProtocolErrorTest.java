package io.branchbox.firmware.isdn.q931;

import static io.branchbox.firmware.isdn.q931.LayerFixture.NET_CALL;
import static io.branchbox.firmware.isdn.q931.LayerFixture.causeOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Q.931 5.8: what the user side answers to messages it cannot act upon. */
class ProtocolErrorTest {
    private final LayerFixture f = new LayerFixture();

    /** A message of a type that does not exist, for the network's call 33. */
    static final byte[] UNKNOWN_TYPE_FOR_CALL_33 = Bytes.of(
            0x08, // protocol discriminator Q.931
            0x02, // call reference length 2
            0x00, // flag 0 (network originated the call)
            0x21, // call reference 33
            0x60); // message type 0x60: not defined

    /** CONNECT ACKNOWLEDGE with an unrecognised comprehension-required element. */
    static final byte[] CONNECT_ACK_WITH_UNKNOWN_MANDATORY_IE = Bytes.of(
            0x08, // protocol discriminator Q.931
            0x02, // call reference length 2
            0x00, // flag 0
            0x21, // call reference 33
            0x0F, // CONNECT ACKNOWLEDGE
            0x0E, // IE 0x0E: codeset 0, high nibble 0 = comprehension required, not implemented
            0x01, //   length 1
            0x00); //  contents

    /** PROGRESS with an unrecognised element that may be ignored, plus the mandatory progress indicator. */
    static final byte[] PROGRESS_WITH_IGNORABLE_IE = Bytes.of(
            0x08, // protocol discriminator Q.931
            0x02, // call reference length 2
            0x00, // flag 0
            0x21, // call reference 33
            0x03, // PROGRESS
            0x1E, // IE progress indicator
            0x02, //   length 2
            0x82, //   ext, public network serving local user
            0x88, //   ext, in-band information available
            0x7E, // IE user-user: comprehension not required, not implemented
            0x01, //   length 1
            0x04); //  contents

    @Test
    void unknownMessageTypeForAKnownCallGetsStatus97() {
        f.activeIncoming(5);
        f.layer.onData(UNKNOWN_TYPE_FOR_CALL_33);
        Q931Message status = f.link.takeOnly();
        assertEquals(MessageType.STATUS, status.type());
        assertEquals(Q850Cause.MESSAGE_TYPE_NON_EXISTENT, causeOf(status));
        assertEquals(CallState.of(10), status.find(CallState.class).orElseThrow());
        assertEquals(1, f.layer.protocolErrors());
    }

    @Test
    void unrecognisedComprehensionRequiredElementGetsStatus99AndTheMessageIsNotActedUpon() {
        IsdnCall call = f.offer(5);
        call.answer();
        f.link.take();
        f.layer.onData(CONNECT_ACK_WITH_UNKNOWN_MANDATORY_IE);
        Q931Message status = f.link.takeOnly();
        assertEquals(Q850Cause.IE_NON_EXISTENT, causeOf(status));
        assertArrayEquals(new byte[] {0x0E}, status.find(Cause.class).orElseThrow().diagnostics());
        assertEquals(8, call.state(), "still waiting for a usable CONNECT ACKNOWLEDGE");
    }

    @Test
    void ignorableUnknownElementIsActedUponAndReportedWithStatus99() {
        f.activeIncoming(5);
        f.layer.onData(PROGRESS_WITH_IGNORABLE_IE);
        assertTrue(f.handler.events.contains("progress 8"));
        Q931Message status = f.link.takeOnly();
        assertEquals(Q850Cause.IE_NON_EXISTENT, causeOf(status));
    }

    @Test
    void missingMandatoryElementInAnOrdinaryMessageGetsStatus96() {
        f.activeIncoming(5);
        f.receive(NET_CALL, MessageType.PROGRESS);
        Q931Message status = f.link.takeOnly();
        assertEquals(MessageType.STATUS, status.type());
        assertEquals(Q850Cause.MANDATORY_IE_MISSING, causeOf(status));
        assertArrayEquals(new byte[] {ProgressIndicator.ID}, status.find(Cause.class).orElseThrow().diagnostics());
    }

    @Test
    void disconnectWithoutCauseIsAnsweredWithRelease96() {
        IsdnCall call = f.activeIncoming(5);
        f.receive(NET_CALL, MessageType.DISCONNECT);
        Q931Message release = f.link.takeOnly();
        assertEquals(MessageType.RELEASE, release.type());
        assertEquals(Q850Cause.MANDATORY_IE_MISSING, causeOf(release));
        assertEquals(19, call.state());
    }

    @Test
    void setupWithoutChannelIdentificationIsRefusedWithReleaseComplete96() {
        f.receive(NET_CALL, MessageType.SETUP, BearerCapability.speechALaw());
        Q931Message rc = f.link.takeOnly();
        assertEquals(MessageType.RELEASE_COMPLETE, rc.type());
        assertEquals(CallReference.pri(33, true), rc.callReference());
        assertEquals(Q850Cause.MANDATORY_IE_MISSING, causeOf(rc));
        assertEquals(List.of("refused 96"), f.handler.events, "no call, but the refusal is reported for the journal");
    }

    @Test
    void setupWithInvalidBearerCapabilityIsRefusedWithReleaseComplete100() {
        f.receive(NET_CALL, MessageType.SETUP, UnknownIe.invalid(BearerCapability.ID, Bytes.of(0x80)),
                ChannelIdentification.exclusive(1));
        assertEquals(Q850Cause.INVALID_IE_CONTENTS, causeOf(f.link.takeOnly()));
    }

    @Test
    void unknownCallReferenceGetsReleaseComplete81ExceptForReleaseComplete() {
        f.receive(CallReference.pri(77, false), MessageType.DISCONNECT, Cause.user(Q850Cause.NORMAL_CLEARING));
        Q931Message rc = f.link.takeOnly();
        assertEquals(MessageType.RELEASE_COMPLETE, rc.type());
        assertEquals(Q850Cause.INVALID_CALL_REFERENCE, causeOf(rc));
        f.receive(CallReference.pri(77, false), MessageType.RELEASE_COMPLETE);
        assertTrue(f.link.sent.isEmpty());
    }

    @Test
    void unexpectedMessageForTheStateGetsStatus101() {
        f.activeIncoming(5);
        f.receive(NET_CALL, MessageType.ALERTING);
        Q931Message status = f.link.takeOnly();
        assertEquals(Q850Cause.WRONG_MESSAGE_FOR_STATE, causeOf(status));
    }

    @Test
    void garbageWithoutCallReferenceIsCountedAndIgnored() {
        f.layer.onData(Bytes.of(
                0x41, // LAPD-looking octet, not the Q.931 discriminator
                0x02, 0x00, 0x01, 0x05));
        f.layer.onData(Bytes.of(0x08)); // truncated header
        assertTrue(f.link.sent.isEmpty());
        assertEquals(2, f.layer.protocolErrors());
    }

    @Test
    void restartOfIndicatedChannelsWithoutChannelIdentificationGetsGlobalStatus96() {
        f.receive(CallReference.global(), MessageType.RESTART,
                new RestartIndicator(RestartIndicator.RestartClass.INDICATED_CHANNELS));
        Q931Message status = f.link.takeOnly();
        assertTrue(status.callReference().isGlobal());
        assertEquals(Q850Cause.MANDATORY_IE_MISSING, causeOf(status));
    }
}
