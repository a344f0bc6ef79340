package io.branchbox.firmware.isdn.q931;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.q931.BearerCapability.Capability;
import io.branchbox.firmware.isdn.q931.BearerCapability.Layer1;
import io.branchbox.firmware.isdn.q931.Cause.Location;
import io.branchbox.firmware.isdn.q931.ChannelIdentification.Selection;
import io.branchbox.firmware.isdn.q931.NumberFields.NumberingPlan;
import io.branchbox.firmware.isdn.q931.NumberFields.Presentation;
import io.branchbox.firmware.isdn.q931.NumberFields.Screening;
import io.branchbox.firmware.isdn.q931.NumberFields.TypeOfNumber;
import io.branchbox.firmware.isdn.q931.RestartIndicator.RestartClass;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every element codec, decode and encode, on the contents octets (after identifier and length). */
class InformationElementCodecTest {

    static final byte[] BEARER_3_1K_MU_LAW = Bytes.of(
            0x90, // ext, ITU-T coding, 3.1 kHz audio
            0x90, // ext, circuit mode, 64 kbit/s
            0xA2); // ext, layer 1 identifier, G.711 mu-law
    static final byte[] BEARER_UNRESTRICTED = Bytes.of(
            0x88, // ext, ITU-T coding, unrestricted digital information
            0x90); // ext, circuit mode, 64 kbit/s (no layer 1 octet)
    static final byte[] CHANNEL_PREFERRED_TS31 = Bytes.of(
            0xA1, // ext, primary rate, preferred, as indicated
            0x83, // ext, by number, B-channel units
            0x9F); // ext, channel 31
    static final byte[] CHANNEL_ANY = Bytes.of(
            0xA3); // ext, primary rate, preferred, any channel
    static final byte[] CHANNEL_NONE = Bytes.of(
            0xA0); // ext, primary rate, preferred, no channel
    static final byte[] CALLING_RESTRICTED = Bytes.of(
            0x11, // ext 0, international number, ISDN/E.164
            0xA1, // ext, presentation restricted, user-provided verified and passed
            '4', '9', '3', '0'); // digits 4930
    static final byte[] CALLED_UNKNOWN = Bytes.of(
            0x80, // ext, unknown type, unknown plan
            '1', '2', '*', '#'); // digits 12*#
    static final byte[] CONNECTED_PRIVATE = Bytes.of(
            0xC9, // ext, subscriber number, private plan
            '7'); // digit 7
    static final byte[] CAUSE_WITH_DIAGNOSTIC = Bytes.of(
            0x82, // ext, ITU-T, location public network serving local user
            0xE0, // ext, cause 96 mandatory IE missing
            0x18); // diagnostic: channel identification
    static final byte[] PROGRESS_NOT_END_TO_END = Bytes.of(
            0x81, // ext, ITU-T, private network serving local user
            0x81); // ext, call is not end-to-end ISDN
    static final byte[] DISPLAY_TEXT = Bytes.of(
            'Q', 'u', 'e', 'u', 'e', ' ', '1'); // IA5 "Queue 1"
    static final byte[] RESTART_ALL = Bytes.of(
            0x87); // ext, class all interfaces
    static final byte[] CALL_STATE_RELEASE_REQUEST = Bytes.of(
            0x13); // ITU-T, state 19 release request
    static final byte[] NOTIFY_RESUMED = Bytes.of(
            0x81); // ext, user resumed

    static Stream<Arguments> elements() {
        return Stream.of(
                Arguments.of(BearerCapability.ID, BEARER_3_1K_MU_LAW, new BearerCapability(Capability.AUDIO_3_1_KHZ, Layer1.G711_MU_LAW)),
                Arguments.of(BearerCapability.ID, BEARER_UNRESTRICTED, new BearerCapability(Capability.UNRESTRICTED_DIGITAL, null)),
                Arguments.of(ChannelIdentification.ID, CHANNEL_PREFERRED_TS31, ChannelIdentification.preferred(31)),
                Arguments.of(ChannelIdentification.ID, CHANNEL_ANY, ChannelIdentification.anyChannel()),
                Arguments.of(ChannelIdentification.ID, CHANNEL_NONE, new ChannelIdentification(true, false, false, Selection.NO_CHANNEL, List.of())),
                Arguments.of(CallingPartyNumber.ID, CALLING_RESTRICTED, new CallingPartyNumber(TypeOfNumber.INTERNATIONAL,
                        NumberingPlan.ISDN_E164, Presentation.RESTRICTED, Screening.USER_VERIFIED_PASSED, "4930")),
                Arguments.of(CalledPartyNumber.ID, CALLED_UNKNOWN, new CalledPartyNumber(TypeOfNumber.UNKNOWN, NumberingPlan.UNKNOWN, "12*#")),
                Arguments.of(ConnectedNumber.ID, CONNECTED_PRIVATE, new ConnectedNumber(TypeOfNumber.SUBSCRIBER, NumberingPlan.PRIVATE, null, null, "7")),
                Arguments.of(Cause.ID, CAUSE_WITH_DIAGNOSTIC, new Cause(0, Location.PUBLIC_LOCAL, Q850Cause.MANDATORY_IE_MISSING.value(), Bytes.of(0x18))),
                Arguments.of(ProgressIndicator.ID, PROGRESS_NOT_END_TO_END, new ProgressIndicator(0, Location.PRIVATE_LOCAL, ProgressIndicator.NOT_END_TO_END_ISDN)),
                Arguments.of(Display.ID, DISPLAY_TEXT, new Display("Queue 1")),
                Arguments.of(RestartIndicator.ID, RESTART_ALL, new RestartIndicator(RestartClass.ALL_INTERFACES)),
                Arguments.of(CallState.ID, CALL_STATE_RELEASE_REQUEST, CallState.of(19)),
                Arguments.of(NotificationIndicator.ID, NOTIFY_RESUMED, new NotificationIndicator(1)));
    }

    @ParameterizedTest
    @MethodSource("elements")
    void decodesAndEncodesEachElement(int id, byte[] contents, InformationElement expected) {
        assertEquals(expected, IeCodecs.decode(id, contents));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IeCodecs.encodeContents(expected, out);
        assertArrayEquals(contents, out.toByteArray());
    }

    static Stream<Arguments> invalidContents() {
        return Stream.of(
                Arguments.of(BearerCapability.ID, Bytes.of(
                        0x80)), // speech, but octet 4 missing
                Arguments.of(BearerCapability.ID, Bytes.of(
                        0x80, // speech
                        0xC0)), // packet mode: not offered on the box
                Arguments.of(ChannelIdentification.ID, Bytes.of(
                        0xE9, // interface identifier present: the box has one interface
                        0x83, 0x81)),
                Arguments.of(ChannelIdentification.ID, Bytes.of(
                        0xA9, // as indicated...
                        0x83)), // ...but no channel number
                Arguments.of(ChannelIdentification.ID, Bytes.of(
                        0xA9, // as indicated
                        0x83, // by number
                        0x05)), // last channel octet without its extension bit
                Arguments.of(CallingPartyNumber.ID, Bytes.of(
                        0x21)), // octet 3a announced but missing
                Arguments.of(CalledPartyNumber.ID, Bytes.of(
                        0x80, // ext, unknown
                        0xB1)), // a digit with bit 8 set is not IA5
                Arguments.of(Cause.ID, Bytes.of(
                        0x80)), // location only, no cause value
                Arguments.of(ProgressIndicator.ID, Bytes.of(
                        0x82)), // description missing
                Arguments.of(RestartIndicator.ID, Bytes.of(
                        0x82)), // class 2 is reserved
                Arguments.of(CallState.ID, Bytes.of(
                        0x0A, 0x0A))); // two octets
    }

    @ParameterizedTest
    @MethodSource("invalidContents")
    void invalidContentsBecomeAnInvalidElementNotAnException(int id, byte[] contents) {
        UnknownIe u = assertInstanceOf(UnknownIe.class, IeCodecs.decode(id, contents));
        assertTrue(u.invalid());
        assertEquals(id, u.identifier());
        assertArrayEquals(contents, u.contents());
    }

    @Test
    void e1SlotMapNamesTimeslotsByBitPosition() {
        ChannelIdentification ci = assertInstanceOf(ChannelIdentification.class, IeCodecs.decode(ChannelIdentification.ID, Bytes.of(
                0xA9, // ext, primary rate, exclusive, as indicated
                0x93, // ext, slot map, B-channel units
                0x80, // timeslot 31
                0x00, // timeslots 16-23: none
                0x00, // timeslots 8-15: none
                0x06))); // timeslots 1 and 2
        assertEquals(List.of(1, 2, 31), ci.channels());
        assertTrue(ci.exclusive());
    }

    @Test
    void causeWithRecommendationOctetSkipsIt() {
        Cause c = assertInstanceOf(Cause.class, IeCodecs.decode(Cause.ID, Bytes.of(
                0x02, // ext 0, ITU-T, public network serving local user: octet 3a follows
                0x80, // ext, recommendation Q.931
                0x9F))); // ext, cause 31 normal unspecified
        assertEquals(Q850Cause.NORMAL_UNSPECIFIED, c.cause());
        assertEquals(Location.PUBLIC_LOCAL, c.location());
    }

    @Test
    void sendingCompleteIsASingleOctetElement() throws Q931Exception {
        byte[] wire = Bytes.of(
                0x08, 0x02, 0x00, 0x01, // Q.931, call reference 1
                0x7B, // INFORMATION
                0xA1); // sending complete
        assertEquals(List.of(new SendingComplete()), Q931Codec.decode(wire).elements());
    }
}
