package io.branchbox.firmware.isdn.q931;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.q931.Cause.Location;
import io.branchbox.firmware.isdn.q931.NumberFields.NumberingPlan;
import io.branchbox.firmware.isdn.q931.NumberFields.Presentation;
import io.branchbox.firmware.isdn.q931.NumberFields.Screening;
import io.branchbox.firmware.isdn.q931.NumberFields.TypeOfNumber;
import io.branchbox.firmware.isdn.q931.RestartIndicator.RestartClass;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Q931CodecTest {

    /** A SETUP as a European PRI network offers a call: the shape of a real trace. */
    static final byte[] NETWORK_SETUP = Bytes.of(
            0x08, // protocol discriminator Q.931
            0x02, // call reference length: 2 octets (PRI)
            0x00, // flag 0 = from originator (the network), call reference high bits
            0x21, // call reference 33
            0x05, // message type SETUP
            0x04, // IE bearer capability
            0x03, //   length 3
            0x80, //   ext, ITU-T coding, speech
            0x90, //   ext, circuit mode, 64 kbit/s
            0xA3, //   ext, layer 1, G.711 A-law
            0x18, // IE channel identification
            0x03, //   length 3
            0xA9, //   ext, implicit interface, primary rate, exclusive, not D-channel, as indicated
            0x83, //   ext, ITU-T coding, channel by number, B-channel units
            0x85, //   ext (last), channel 5 = timeslot 5
            0x1E, // IE progress indicator
            0x02, //   length 2
            0x82, //   ext, ITU-T, location public network serving local user
            0x83, //   ext, description 3: origination address is non-ISDN
            0x6C, // IE calling party number
            0x0B, //   length 11
            0x21, //   ext 0 (octet 3a follows), national number, ISDN/E.164 plan
            0x83, //   ext, presentation allowed, network provided
            '3', '0', '1', '2', '3', '4', '5', '6', '7', // digits 301234567
            0x70, // IE called party number
            0x05, //   length 5
            0xC1, //   ext, subscriber number, ISDN/E.164 plan
            '4', '2', '0', '0', // digits 4200
            0xA1); // sending complete (single octet)

    @Test
    void decodesTheNetworkSetupFieldByField() throws Q931Exception {
        Q931Message m = Q931Codec.decode(NETWORK_SETUP);
        assertEquals(CallReference.pri(33, false), m.callReference());
        assertEquals(MessageType.SETUP, m.type());
        assertEquals(BearerCapability.speechALaw(), m.find(BearerCapability.class).orElseThrow());
        assertEquals(ChannelIdentification.exclusive(5), m.find(ChannelIdentification.class).orElseThrow());
        assertEquals(new ProgressIndicator(0, Location.PUBLIC_LOCAL, ProgressIndicator.ORIGINATION_NOT_ISDN),
                m.find(ProgressIndicator.class).orElseThrow());
        assertEquals(new CallingPartyNumber(TypeOfNumber.NATIONAL, NumberingPlan.ISDN_E164, Presentation.ALLOWED,
                Screening.NETWORK_PROVIDED, "301234567"), m.find(CallingPartyNumber.class).orElseThrow());
        assertEquals(new CalledPartyNumber(TypeOfNumber.SUBSCRIBER, NumberingPlan.ISDN_E164, "4200"),
                m.find(CalledPartyNumber.class).orElseThrow());
        assertTrue(m.has(SendingComplete.class));
    }

    @Test
    void reEncodesTheNetworkSetupToTheSameOctets() throws Q931Exception {
        assertArrayEquals(NETWORK_SETUP, Q931Codec.encode(Q931Codec.decode(NETWORK_SETUP)));
    }

    /** Header of a message sent by the user for a call the user originated: call reference 0x1234. */
    static byte[] header(int type, boolean toOriginator) {
        return Bytes.of(
                0x08, // protocol discriminator Q.931
                0x02, // call reference length 2
                (toOriginator ? 0x80 : 0x00) | 0x12, // flag, call reference high bits
                0x34, // call reference low octet
                type); // message type
    }

    static final byte[] CAUSE_NORMAL_CLEARING = Bytes.of(
            0x08, // IE cause
            0x02, //   length 2
            0x80, //   ext, ITU-T, location user
            0x90); //  ext, cause 16 normal call clearing
    static final byte[] CHANNEL_EXCLUSIVE_TS17 = Bytes.of(
            0x18, // IE channel identification
            0x03, //   length 3
            0xA9, //   ext, primary rate, exclusive, as indicated
            0x83, //   ext, by number, B-channel units
            0x91); //  ext, channel 17
    static final byte[] PROGRESS_IN_BAND = Bytes.of(
            0x1E, // IE progress indicator
            0x02, //   length 2
            0x82, //   ext, ITU-T, public network serving local user
            0x88); //  ext, in-band information available
    static final byte[] CALL_STATE_ACTIVE = Bytes.of(
            0x14, // IE call state
            0x01, //   length 1
            0x0A); //  ITU-T coding, state 10 active
    static final byte[] RESTART_SINGLE_INTERFACE = Bytes.of(
            0x79, // IE restart indicator
            0x01, //   length 1
            0x86); //  ext, class single interface
    static final byte[] NOTIFY_USER_SUSPENDED = Bytes.of(
            0x27, // IE notification indicator
            0x01, //   length 1
            0x80); //  ext, user suspended
    static final byte[] CONNECTED_NUMBER = Bytes.of(
            0x4C, // IE connected number
            0x04, //   length 4
            0x41, //   ext 0 (octet 3a follows), subscriber number, ISDN/E.164 plan
            0x80, //   ext, presentation allowed, user-provided not screened
            '4', '2'); // digits 42
    static final byte[] DISPLAY_AGENT = Bytes.of(
            0x28, // IE display
            0x05, //   length 5
            'A', 'g', 'e', 'n', 't'); // IA5 text

    static Stream<Arguments> everyMessageType() {
        return Stream.of(
                Arguments.of(MessageType.ALERTING, Bytes.concat(header(0x01, true), CHANNEL_EXCLUSIVE_TS17)),
                Arguments.of(MessageType.CALL_PROCEEDING, Bytes.concat(header(0x02, true), CHANNEL_EXCLUSIVE_TS17)),
                Arguments.of(MessageType.PROGRESS, Bytes.concat(header(0x03, true), PROGRESS_IN_BAND)),
                Arguments.of(MessageType.SETUP, NETWORK_SETUP),
                Arguments.of(MessageType.CONNECT, Bytes.concat(header(0x07, true), CONNECTED_NUMBER, DISPLAY_AGENT)),
                Arguments.of(MessageType.SETUP_ACKNOWLEDGE, Bytes.concat(header(0x0D, true), CHANNEL_EXCLUSIVE_TS17)),
                Arguments.of(MessageType.CONNECT_ACKNOWLEDGE, header(0x0F, false)),
                Arguments.of(MessageType.DISCONNECT, Bytes.concat(header(0x45, false), CAUSE_NORMAL_CLEARING, PROGRESS_IN_BAND)),
                Arguments.of(MessageType.RELEASE, header(0x4D, true)),
                Arguments.of(MessageType.RELEASE_COMPLETE, Bytes.concat(header(0x5A, false), CAUSE_NORMAL_CLEARING)),
                Arguments.of(MessageType.STATUS, Bytes.concat(header(0x7D, false), CAUSE_NORMAL_CLEARING, CALL_STATE_ACTIVE)),
                Arguments.of(MessageType.STATUS_ENQUIRY, header(0x75, true)),
                Arguments.of(MessageType.INFORMATION, Bytes.concat(header(0x7B, false), Bytes.of(0xA1))),
                Arguments.of(MessageType.RESTART, Bytes.concat(Bytes.of(
                        0x08, // protocol discriminator
                        0x02, // call reference length 2
                        0x00, // global call reference, flag 0
                        0x00, // global call reference
                        0x46), // RESTART
                        RESTART_SINGLE_INTERFACE)),
                Arguments.of(MessageType.RESTART_ACKNOWLEDGE, Bytes.concat(Bytes.of(
                        0x08, // protocol discriminator
                        0x02, // call reference length 2
                        0x80, // global call reference, flag 1 (to originator)
                        0x00, // global call reference
                        0x4E), // RESTART ACKNOWLEDGE
                        RESTART_SINGLE_INTERFACE)),
                Arguments.of(MessageType.NOTIFY, Bytes.concat(header(0x6E, true), NOTIFY_USER_SUSPENDED)));
    }

    @ParameterizedTest
    @MethodSource("everyMessageType")
    void everyMessageTypeRoundTrips(MessageType type, byte[] wire) throws Q931Exception {
        Q931Message m = Q931Codec.decode(wire);
        assertEquals(type, m.type());
        for (InformationElement ie : m.elements()) {
            assertTrue(!(ie instanceof UnknownIe), "every element decoded: " + ie);
        }
        assertArrayEquals(wire, Q931Codec.encode(m));
    }

    @Test
    void callReferenceFlagAndValueComeFromTheTwoOctets() throws Q931Exception {
        Q931Message m = Q931Codec.decode(header(0x4D, true));
        assertEquals(CallReference.pri(0x1234, true), m.callReference());
        assertTrue(Q931Codec.decode(Bytes.concat(Bytes.of(0x08, 0x02, 0x80, 0x00, 0x4E), RESTART_SINGLE_INTERFACE))
                .callReference().isGlobal());
    }

    @Test
    void encodesACallWithRecordsBuiltInCode() {
        Q931Message m = Q931Message.of(CallReference.pri(0x1234, false), MessageType.RELEASE_COMPLETE,
                Cause.user(Q850Cause.NORMAL_CLEARING));
        assertArrayEquals(Bytes.concat(header(0x5A, false), CAUSE_NORMAL_CLEARING), Q931Codec.encode(m));
    }

    @Test
    void unknownMessageTypeIsCause97WithTheCallReference() {
        Q931Exception e = assertThrows(Q931Exception.class, () -> Q931Codec.decode(header(0x60, false)));
        assertEquals(Q850Cause.MESSAGE_TYPE_NON_EXISTENT, e.cause());
        assertEquals(CallReference.pri(0x1234, false), e.callReference());
    }

    @Test
    void wrongProtocolDiscriminatorAndShortMessagesAreInvalidWithoutCallReference() {
        Q931Exception pd = assertThrows(Q931Exception.class, () -> Q931Codec.decode(Bytes.of(
                0x09, // not Q.931
                0x02, 0x00, 0x01, // call reference 1
                0x05))); // SETUP
        assertEquals(Q850Cause.INVALID_MESSAGE, pd.cause());
        assertNull(pd.callReference());
        assertEquals(Q850Cause.INVALID_MESSAGE, assertThrows(Q931Exception.class, () -> Q931Codec.decode(Bytes.of(0x08, 0x02))).cause());
    }

    @Test
    void callReferenceLongerThanTwoOctetsIsCause81() {
        Q931Exception e = assertThrows(Q931Exception.class, () -> Q931Codec.decode(Bytes.of(
                0x08, // protocol discriminator
                0x03, // call reference length 3: not allowed
                0x00, 0x00, 0x01, 0x05)));
        assertEquals(Q850Cause.INVALID_CALL_REFERENCE, e.cause());
    }

    @Test
    void truncatedElementIsInvalidContentsNamingTheElement() {
        Q931Exception e = assertThrows(Q931Exception.class, () -> Q931Codec.decode(Bytes.concat(header(0x45, true), Bytes.of(
                0x08, // IE cause
                0x05, //   length 5, but only one octet follows
                0x80))));
        assertEquals(Q850Cause.INVALID_IE_CONTENTS, e.cause());
        assertEquals(Cause.ID, e.diagnosticIe());
        assertEquals(MessageType.DISCONNECT, e.messageType());
    }

    @Test
    void unknownElementIsKeptAsBytesAndReEncoded() throws Q931Exception {
        byte[] wire = Bytes.concat(header(0x7B, true), Bytes.of(
                0x7E, // IE user-user (not implemented here)
                0x02, //   length 2
                0x04, 0x41)); // protocol discriminator IA5, 'A'
        Q931Message m = Q931Codec.decode(wire);
        UnknownIe u = assertInstanceOf(UnknownIe.class, m.elements().get(0));
        assertEquals(0x7E, u.identifier());
        assertTrue(!u.comprehensionRequired());
        assertArrayEquals(wire, Q931Codec.encode(m));
    }

    @Test
    void elementsAfterANonLockingShiftBelongToTheOtherCodesetForOneElement() throws Q931Exception {
        byte[] wire = Bytes.concat(header(0x7B, true), Bytes.of(
                0x9E, // non-locking shift to codeset 6
                0x01, // codeset-6 element 0x01 (would be comprehension required in codeset 0)
                0x01, //   length 1
                0x55, //   network-specific contents
                0x28, // IE display, back in codeset 0
                0x01, //   length 1
                'x')); // text
        Q931Message m = Q931Codec.decode(wire);
        UnknownIe u = assertInstanceOf(UnknownIe.class, m.elements().get(0));
        assertEquals(6, u.codeset());
        assertTrue(!u.comprehensionRequired());
        assertEquals(new Display("x"), m.elements().get(1));
        assertArrayEquals(wire, Q931Codec.encode(m));
    }

    @Test
    void globalRestartRecordsBuildTheWireForm() {
        Q931Message m = Q931Message.of(CallReference.global(), MessageType.RESTART,
                ChannelIdentification.exclusive(List.of(1, 2)), new RestartIndicator(RestartClass.INDICATED_CHANNELS));
        assertArrayEquals(Bytes.of(
                0x08, // protocol discriminator
                0x02, // call reference length 2
                0x00, // global call reference, flag 0
                0x00, // global call reference
                0x46, // RESTART
                0x18, // IE channel identification
                0x04, //   length 4
                0xA9, //   ext, primary rate, exclusive, as indicated
                0x83, //   ext, by number, B-channel units
                0x01, //   ext 0 (more follow), channel 1
                0x82, //   ext 1 (last), channel 2
                0x79, // IE restart indicator
                0x01, //   length 1
                0x80), //  ext, class indicated channels
                Q931Codec.encode(m));
    }
}
