package io.branchbox.firmware.isdn.lapd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.lapd.LapdException.Reason;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LapdCodecTest {

    // Address octet 1 is SAPI<<2 | C/R<<1 | EA=0; octet 2 is TEI<<1 | EA=1 (Q.921 3.3).
    // USER commands and NETWORK responses have C/R = 0; USER responses and NETWORK commands C/R = 1.
    private static final LapdAddress USER_COMMAND = LapdAddress.pri(false);
    private static final LapdAddress USER_RESPONSE = LapdAddress.pri(true);
    private static final LapdAddress NETWORK_COMMAND = LapdAddress.pri(true);
    private static final LapdAddress NETWORK_RESPONSE = LapdAddress.pri(false);

    private static final byte[] SABME_FROM_USER = {
        0x00,       // SAPI 0, C/R 0 (command from user), EA 0
        0x01,       // TEI 0, EA 1
        0x7F,       // SABME 011P1111 with P = 1
    };
    private static final byte[] SABME_FROM_NETWORK = {
        0x02,       // SAPI 0, C/R 1 (command from network), EA 0
        0x01,       // TEI 0, EA 1
        0x7F,       // SABME with P = 1
    };
    private static final byte[] UA_FROM_NETWORK = {
        0x00,       // SAPI 0, C/R 0 (response from network), EA 0
        0x01,       // TEI 0, EA 1
        0x73,       // UA 011F0011 with F = 1
    };
    private static final byte[] DM_FROM_NETWORK = {
        0x00,       // SAPI 0, C/R 0 (response from network), EA 0
        0x01,       // TEI 0, EA 1
        0x1F,       // DM 000F1111 with F = 1
    };
    private static final byte[] DM_F0_FROM_USER = {
        0x02,       // SAPI 0, C/R 1 (response from user), EA 0
        0x01,       // TEI 0, EA 1
        0x0F,       // DM with F = 0
    };
    private static final byte[] DISC_FROM_USER = {
        0x00,       // SAPI 0, C/R 0 (command from user), EA 0
        0x01,       // TEI 0, EA 1
        0x53,       // DISC 010P0011 with P = 1
    };
    private static final byte[] I_FROM_USER = {
        0x00,       // SAPI 0, C/R 0 (command from user), EA 0
        0x01,       // TEI 0, EA 1
        0x0A,       // N(S) = 5 << 1, bit 0 = 0 (I frame)
        0x06,       // N(R) = 3 << 1, P = 0
        0x08,       // info: Q.931 protocol discriminator
        0x01,       // info: call reference length 1
        0x01,       // info: call reference 1
        0x05,       // info: message type SETUP
    };
    private static final byte[] I_FROM_NETWORK_POLL = {
        0x02,       // SAPI 0, C/R 1 (command from network), EA 0
        0x01,       // TEI 0, EA 1
        (byte) 0xFE, // N(S) = 127 << 1, I frame
        0x01,       // N(R) = 0, P = 1
        0x7D,       // info: one octet
    };
    private static final byte[] RR_RESPONSE_FROM_USER = {
        0x02,       // SAPI 0, C/R 1 (response from user), EA 0
        0x01,       // TEI 0, EA 1
        0x01,       // RR 00000001
        0x0D,       // N(R) = 6 << 1, F = 1
    };
    private static final byte[] RR_POLL_FROM_USER = {
        0x00,       // SAPI 0, C/R 0 (command from user), EA 0
        0x01,       // TEI 0, EA 1
        0x01,       // RR
        0x01,       // N(R) = 0, P = 1
    };
    private static final byte[] RNR_COMMAND_FROM_NETWORK = {
        0x02,       // SAPI 0, C/R 1 (command from network), EA 0
        0x01,       // TEI 0, EA 1
        0x05,       // RNR 00000101
        (byte) 0xFE, // N(R) = 127 << 1, P = 0
    };
    private static final byte[] REJ_RESPONSE_FROM_NETWORK = {
        0x00,       // SAPI 0, C/R 0 (response from network), EA 0
        0x01,       // TEI 0, EA 1
        0x09,       // REJ 00001001
        0x04,       // N(R) = 2 << 1, F = 0
    };
    private static final byte[] FRMR_FROM_NETWORK = {
        0x00,       // SAPI 0, C/R 0 (response from network), EA 0
        0x01,       // TEI 0, EA 1
        (byte) 0x97, // FRMR 100F0111 with F = 1
        0x7F,       // info: rejected control field, octet 1
        0x00,       // info: rejected control field, octet 2
        0x0A,       // info: V(S) = 5 << 1
        0x07,       // info: V(R) = 3 << 1, C/R = 1
        0x01,       // info: W = 1 (undefined control field)
    };
    private static final byte[] UI_TEI_MANAGEMENT_FROM_NETWORK = {
        (byte) 0xFE, // SAPI 63 (layer management), C/R 1 (command from network), EA 0
        (byte) 0xFF, // TEI 127 (broadcast), EA 1
        0x03,       // UI 000P0011 with P = 0
        0x0F,       // info: management entity identifier
        0x12,       // info: reference number, high octet
        0x34,       // info: reference number, low octet
        0x02,       // info: message type Identity assigned
        0x01,       // info: action indicator, TEI 0, EA 1
    };
    private static final byte[] XID_FROM_USER = {
        0x00,       // SAPI 0, C/R 0 (command from user), EA 0
        0x01,       // TEI 0, EA 1
        (byte) 0xBF, // XID 101P1111 with P = 1
        (byte) 0x82, // info: format identifier
    };

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("SABME from user", SABME_FROM_USER, new LapdFrame.SABME(USER_COMMAND, true)),
                Arguments.of("SABME from network", SABME_FROM_NETWORK,
                        new LapdFrame.SABME(NETWORK_COMMAND, true)),
                Arguments.of("UA", UA_FROM_NETWORK, new LapdFrame.UA(NETWORK_RESPONSE, true)),
                Arguments.of("DM F=1", DM_FROM_NETWORK, new LapdFrame.DM(NETWORK_RESPONSE, true)),
                Arguments.of("DM F=0", DM_F0_FROM_USER, new LapdFrame.DM(USER_RESPONSE, false)),
                Arguments.of("DISC", DISC_FROM_USER, new LapdFrame.DISC(USER_COMMAND, true)),
                Arguments.of("I", I_FROM_USER,
                        new LapdFrame.I(USER_COMMAND, 5, 3, false, new byte[] {0x08, 0x01, 0x01, 0x05})),
                Arguments.of("I N(S)=127 P=1", I_FROM_NETWORK_POLL,
                        new LapdFrame.I(NETWORK_COMMAND, 127, 0, true, new byte[] {0x7D})),
                Arguments.of("RR response", RR_RESPONSE_FROM_USER, new LapdFrame.RR(USER_RESPONSE, 6, true)),
                Arguments.of("RR poll", RR_POLL_FROM_USER, new LapdFrame.RR(USER_COMMAND, 0, true)),
                Arguments.of("RNR", RNR_COMMAND_FROM_NETWORK, new LapdFrame.RNR(NETWORK_COMMAND, 127, false)),
                Arguments.of("REJ", REJ_RESPONSE_FROM_NETWORK, new LapdFrame.REJ(NETWORK_RESPONSE, 2, false)),
                Arguments.of("FRMR", FRMR_FROM_NETWORK, new LapdFrame.FRMR(NETWORK_RESPONSE, true,
                        new byte[] {0x7F, 0x00, 0x0A, 0x07, 0x01})),
                Arguments.of("UI", UI_TEI_MANAGEMENT_FROM_NETWORK,
                        new LapdFrame.UI(new LapdAddress(63, true, 127), false,
                                new byte[] {0x0F, 0x12, 0x34, 0x02, 0x01})),
                Arguments.of("XID", XID_FROM_USER,
                        new LapdFrame.Unknown(USER_COMMAND, 0xBF, new byte[] {(byte) 0x82})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodes(String name, byte[] bytes, LapdFrame expected) throws LapdException {
        assertEquals(expected, LapdCodec.decode(bytes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodes(String name, byte[] bytes, LapdFrame frame) {
        assertArrayEquals(bytes, LapdCodec.encode(frame));
    }

    private static final byte[] TWO_OCTETS = {
        0x00,       // SAPI 0, C/R 0, EA 0
        0x01,       // TEI 0, EA 1; no control field
    };
    private static final byte[] EA_SET_IN_FIRST_OCTET = {
        0x01,       // SAPI 0, C/R 0, EA 1: wrong, the address has two octets
        0x01,       // TEI 0, EA 1
        0x7F,       // SABME
    };
    private static final byte[] SABM_MODULO_8 = {
        0x00,       // SAPI 0, C/R 0, EA 0
        0x01,       // TEI 0, EA 1
        0x3F,       // SABM 001P1111 (modulo 8): not a LAPD frame
    };
    private static final byte[] SUPERVISORY_TYPE_11 = {
        0x00,       // SAPI 0, C/R 0, EA 0
        0x01,       // TEI 0, EA 1
        0x0D,       // 00001101: the fourth S code, undefined
        0x00,       // N(R) = 0
    };
    private static final byte[] SABME_WITH_INFO = {
        0x00,       // SAPI 0, C/R 0, EA 0
        0x01,       // TEI 0, EA 1
        0x7F,       // SABME P = 1
        0x00,       // an information octet SABME must not have
    };
    private static final byte[] RR_WITH_INFO = {
        0x00,       // SAPI 0, C/R 0, EA 0
        0x01,       // TEI 0, EA 1
        0x01,       // RR
        0x00,       // N(R) = 0, P = 0
        0x00,       // an information octet RR must not have
    };
    private static final byte[] I_WITHOUT_SECOND_CONTROL_OCTET = {
        0x00,       // SAPI 0, C/R 0, EA 0
        0x01,       // TEI 0, EA 1
        0x02,       // N(S) = 1, I frame; N(R) octet missing
    };
    private static final byte[] RR_WITHOUT_SECOND_CONTROL_OCTET = {
        0x00,       // SAPI 0, C/R 0, EA 0
        0x01,       // TEI 0, EA 1
        0x01,       // RR; N(R) octet missing
    };

    static Stream<Arguments> malformed() {
        byte[] longI = new byte[4 + 261];
        longI[1] = 0x01;    // TEI 0, EA 1; the rest: SAPI 0, N(S) 0, N(R) 0, 261 octets of info
        return Stream.of(
                Arguments.of("two octets", TWO_OCTETS, Reason.TOO_SHORT, null),
                Arguments.of("EA set in first address octet", EA_SET_IN_FIRST_OCTET, Reason.BAD_ADDRESS, null),
                Arguments.of("SABM modulo 8", SABM_MODULO_8, Reason.UNDEFINED_CONTROL, MdlError.L),
                Arguments.of("S type 11", SUPERVISORY_TYPE_11, Reason.UNDEFINED_CONTROL, MdlError.L),
                Arguments.of("SABME with info", SABME_WITH_INFO, Reason.INFO_NOT_PERMITTED, MdlError.M),
                Arguments.of("RR with info", RR_WITH_INFO, Reason.INFO_NOT_PERMITTED, MdlError.M),
                Arguments.of("I cut short", I_WITHOUT_SECOND_CONTROL_OCTET, Reason.WRONG_LENGTH, MdlError.N),
                Arguments.of("RR cut short", RR_WITHOUT_SECOND_CONTROL_OCTET, Reason.WRONG_LENGTH, MdlError.N),
                Arguments.of("I with 261 octets", longI, Reason.INFO_TOO_LONG, MdlError.O));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesMalformedFramesWithTheQ921Condition(String name, byte[] bytes, Reason reason, MdlError code) {
        LapdException e = assertThrows(LapdException.class, () -> LapdCodec.decode(bytes));
        assertEquals(reason, e.reason());
        assertEquals(Optional.ofNullable(code), e.reason().mdlError());
    }

    @Test
    void acceptsAnInformationFieldOfExactlyN201() throws LapdException {
        byte[] frame = new byte[4 + LapdFrame.N201];
        frame[1] = 0x01;    // TEI 0, EA 1
        LapdFrame.I decoded = (LapdFrame.I) LapdCodec.decode(frame);
        assertEquals(LapdFrame.N201, decoded.info().length);
    }

    @Test
    void recordsRefuseOutOfRangeFields() {
        assertThrows(IllegalArgumentException.class, () -> new LapdFrame.RR(USER_COMMAND, 128, false));
        assertThrows(IllegalArgumentException.class, () -> new LapdAddress(64, false, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new LapdFrame.I(USER_COMMAND, 0, 0, false, new byte[LapdFrame.N201 + 1]));
    }

    @Test
    void informationFieldsAreCopied() {
        byte[] info = {1, 2, 3};
        LapdFrame.I frame = new LapdFrame.I(USER_COMMAND, 0, 0, false, info);
        info[0] = 9;
        frame.info()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, frame.info());
    }

    @Test
    void rolesFollowQ921TableOne() {
        assertFalse(Role.USER.commandCr());
        assertTrue(Role.USER.responseCr());
        assertTrue(Role.NETWORK.commandCr());
        assertFalse(Role.NETWORK.responseCr());
        assertTrue(Role.USER.isCommandFromPeer(true));
        assertTrue(Role.NETWORK.isCommandFromPeer(false));
    }
}
