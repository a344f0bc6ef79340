package io.branchbox.drivers.cb1.msg;

import static io.branchbox.drivers.cb1.frame.RawFrames.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.drivers.cb1.msg.Cb1ProtocolException.Reason;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Content the codec must refuse, and the edge cases it must accept. */
class Cb1CodecErrorsTest {

    private static final byte[] HEADER_ONLY_3_BYTES = {
        0x02, // type QUERY
        0x01, // seq 1
        0x00, // unit board; chan missing
    };
    private static final byte[] SPAN_CONFIG_DCHAN_15 = {
        0x10, // type SPAN_CONFIG
        0x2A, // seq 42
        0x12, // unit span2
        0x00, // chan 0
        0x01, // framing no CRC-4
        0x00, // clock from line
        0x0F, // dchan 15: the datasheet allows only 16
    };
    private static final byte[] HELLO_FWLEN_TOO_BIG = {
        0x01, // type HELLO
        0x00, // seq 0
        0x00, // unit board
        0x00, // chan 0
        0x01, // proto 1
        0x01, // spans 1
        0x00, // fxo 0
        0x00, // headsets 0
        'S', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // serial "S"
        0x03, // fwlen 3, but only 2 bytes follow
        '1', '2', // fw
    };
    private static final byte[] HELLO_FWLEN_TOO_SMALL = {
        0x01, // type HELLO
        0x00, // seq 0
        0x00, // unit board
        0x00, // chan 0
        0x01, // proto 1
        0x01, // spans 1
        0x00, // fxo 0
        0x00, // headsets 0
        'S', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // serial "S"
        0x01, // fwlen 1, but 2 bytes follow
        '1', '2', // fw
    };
    private static final byte[] HELLO_NO_FWLEN = {
        0x01, // type HELLO
        0x00, // seq 0
        0x00, // unit board
        0x00, // chan 0
        0x01, // proto 1
        0x01, // spans 1
        0x00, // fxo 0
        0x00, // headsets 0
        'S', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // serial "S"; fwlen missing
    };
    private static final byte[] HELLO_SERIAL_BAD_PADDING = {
        0x01, // type HELLO
        0x00, // seq 0
        0x00, // unit board
        0x00, // chan 0
        0x01, // proto 1
        0x01, // spans 1
        0x00, // fxo 0
        0x00, // headsets 0
        'S', 0, 'X', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // serial "S", padding not all NUL
        0x00, // fwlen 0
    };
    private static final byte[] HELLO_SERIAL_NOT_ASCII = {
        0x01, // type HELLO
        0x00, // seq 0
        0x00, // unit board
        0x00, // chan 0
        0x01, // proto 1
        0x01, // spans 1
        0x00, // fxo 0
        0x00, // headsets 0
        'S', (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // serial with byte 0x80
        0x00, // fwlen 0
    };
    private static final byte[] HELLO_FIVE_SPANS = {
        0x01, // type HELLO
        0x00, // seq 0
        0x00, // unit board
        0x00, // chan 0
        0x01, // proto 1
        0x05, // spans 5: the board has at most 4
        0x00, // fxo 0
        0x00, // headsets 0
        'S', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // serial "S"
        0x00, // fwlen 0
    };
    private static final byte[] HELLO_FULL_SERIAL_EMPTY_FW = {
        0x01, // type HELLO
        0x00, // seq 0
        0x00, // unit board
        0x00, // chan 0
        0x02, // proto 2: decoded, the host decides what to do with it
        0x04, // spans 4
        0x08, // fxo 8
        0x10, // headsets 16
        'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', // serial, 16 chars
        0x00, // fwlen 0
    };
    private static final byte[] ACK_STATUS_9 = {
        0x05, // type ACK
        0x00, // seq 0
        0x00, // unit board
        0x00, // chan 0
        0x03, // acked_seq 3
        0x09, // status 9: not in the datasheet
    };

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("3 bytes", HEADER_ONLY_3_BYTES, Reason.TRUNCATED),
                Arguments.of("QUERY with a body", bytes(0x02, 1, 0, 0, 0), Reason.BAD_LENGTH),
                Arguments.of("RESET with a body", bytes(0x06, 1, 0, 0, 0), Reason.BAD_LENGTH),
                Arguments.of("CHAN_OPEN with a body", bytes(0x21, 1, 0x20, 0, 0), Reason.BAD_LENGTH),
                Arguments.of("CHAN_CLOSE with a body", bytes(0x22, 1, 0x20, 0, 0), Reason.BAD_LENGTH),
                Arguments.of("PING 3-byte token", bytes(0x03, 1, 0, 0, 1, 2, 3), Reason.BAD_LENGTH),
                Arguments.of("PONG 5-byte token", bytes(0x04, 0, 0, 0, 1, 2, 3, 4, 5), Reason.BAD_LENGTH),
                Arguments.of("ACK without status", bytes(0x05, 0, 0, 0, 1), Reason.BAD_LENGTH),
                Arguments.of("SPAN_CONFIG short", bytes(0x10, 1, 0x10, 0, 0, 0), Reason.BAD_LENGTH),
                Arguments.of("SPAN_STATUS short", Arrays.copyOf(Cb1CodecVectorsTest.SPAN_STATUS, 16),
                        Reason.BAD_LENGTH),
                Arguments.of("SPAN_STATUS long", concat(Cb1CodecVectorsTest.SPAN_STATUS, bytes(0)),
                        Reason.BAD_LENGTH),
                Arguments.of("DCHAN of 2 bytes", bytes(0x12, 0, 0x10, 16, 0, 1), Reason.BAD_LENGTH),
                Arguments.of("AUDIO 159 samples", Arrays.copyOf(Cb1CodecVectorsTest.AUDIO, 165), Reason.BAD_LENGTH),
                Arguments.of("AUDIO 161 samples", concat(Cb1CodecVectorsTest.AUDIO, bytes(0xD5)), Reason.BAD_LENGTH),
                Arguments.of("FXO_EVENT without volts", bytes(0x30, 0, 0x20, 0, 1), Reason.BAD_LENGTH),
                Arguments.of("FXO_HOOK without flash_ms", bytes(0x31, 1, 0x20, 0, 1), Reason.BAD_LENGTH),
                Arguments.of("HEADSET_EVENT empty", bytes(0x40, 0, 0x30, 0), Reason.BAD_LENGTH),
                Arguments.of("HEADSET_GAIN one gain", bytes(0x41, 1, 0x30, 0, 0), Reason.BAD_LENGTH),
                Arguments.of("BOARD_HEALTH short", Arrays.copyOf(Cb1CodecVectorsTest.BOARD_HEALTH, 19),
                        Reason.BAD_LENGTH),
                Arguments.of("HELLO fwlen too big", HELLO_FWLEN_TOO_BIG, Reason.BAD_LENGTH),
                Arguments.of("HELLO fwlen too small", HELLO_FWLEN_TOO_SMALL, Reason.BAD_LENGTH),
                Arguments.of("HELLO without fwlen", HELLO_NO_FWLEN, Reason.BAD_LENGTH),
                Arguments.of("HELLO serial padding", HELLO_SERIAL_BAD_PADDING, Reason.BAD_VALUE),
                Arguments.of("HELLO serial not ASCII", HELLO_SERIAL_NOT_ASCII, Reason.BAD_VALUE),
                Arguments.of("HELLO 5 spans", HELLO_FIVE_SPANS, Reason.BAD_VALUE),
                Arguments.of("HELLO fw with NUL", concat(Arrays.copyOf(HELLO_FULL_SERIAL_EMPTY_FW, 24), bytes(1, 0)),
                        Reason.BAD_VALUE),
                Arguments.of("SPAN_CONFIG framing 2", bytes(0x10, 1, 0x10, 0, 2, 0, 16), Reason.BAD_VALUE),
                Arguments.of("SPAN_CONFIG clock 2", bytes(0x10, 1, 0x10, 0, 0, 2, 16), Reason.BAD_VALUE),
                Arguments.of("SPAN_CONFIG dchan 15", SPAN_CONFIG_DCHAN_15, Reason.BAD_VALUE),
                Arguments.of("FXO_EVENT 0", bytes(0x30, 0, 0x20, 0, 0, 0, 0), Reason.BAD_VALUE),
                Arguments.of("FXO_EVENT 7", bytes(0x30, 0, 0x20, 0, 7, 0, 0), Reason.BAD_VALUE),
                Arguments.of("FXO_HOOK state 3", bytes(0x31, 1, 0x20, 0, 3, 0, 0), Reason.BAD_VALUE),
                Arguments.of("HEADSET_EVENT 3", bytes(0x40, 0, 0x30, 0, 3), Reason.BAD_VALUE),
                Arguments.of("HEADSET_GAIN rx +13", bytes(0x41, 1, 0x30, 0, 13, 0), Reason.BAD_VALUE),
                Arguments.of("HEADSET_GAIN tx -13", bytes(0x41, 1, 0x30, 0, 0, -13), Reason.BAD_VALUE),
                Arguments.of("LOG bad UTF-8", bytes(0x7F, 0, 0, 0, 'a', 0xC3, 0x28), Reason.BAD_VALUE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWithReason(String name, byte[] content, Reason reason) {
        Cb1ProtocolException e =
                assertThrows(Cb1ProtocolException.class, () -> Cb1Codec.decode(content, 0, content.length));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(0, e.getStackTrace().length, "protocol errors are cheap: no stack trace");
    }

    @Test
    void errorCarriesTheHeaderSoTheBoardCanAcknowledge() {
        Cb1ProtocolException e = assertThrows(Cb1ProtocolException.class,
                () -> Cb1Codec.decode(SPAN_CONFIG_DCHAN_15, 0, SPAN_CONFIG_DCHAN_15.length));
        assertTrue(e.hasHeader());
        assertEquals(0x10, e.typeCode());
        assertEquals(42, e.seq());
        assertEquals(Units.span(2), e.unit());
        assertEquals(0, e.chan());
        assertTrue(e.getMessage().contains("SPAN_CONFIG"), e.getMessage());
    }

    @Test
    void truncatedContentHasNoHeader() {
        Cb1ProtocolException e = assertThrows(Cb1ProtocolException.class,
                () -> Cb1Codec.decode(HEADER_ONLY_3_BYTES, 0, HEADER_ONLY_3_BYTES.length));
        assertFalse(e.hasHeader());
        assertEquals(Cb1ProtocolException.NONE, e.seq());
    }

    @Test
    void contentLongerThanAFrameIsRefused() {
        byte[] big = new byte[1101];
        big[0] = 0x7F;
        Cb1ProtocolException e = assertThrows(Cb1ProtocolException.class, () -> Cb1Codec.decode(big, 0, big.length));
        assertEquals(Reason.BAD_LENGTH, e.reason());
    }

    @Test
    void helloWithFullSerialAndEmptyFirmwareDecodes() throws Cb1ProtocolException {
        Cb1Message m = Cb1Codec.decode(HELLO_FULL_SERIAL_EMPTY_FW, 0, HELLO_FULL_SERIAL_EMPTY_FW.length);
        assertEquals(new Hello(0, 0, 0, 2, 4, 8, 16, "ABCDEFGHIJKLMNOP", ""), m);
        assertArrayEquals(HELLO_FULL_SERIAL_EMPTY_FW, Cb1Codec.encode(m));
    }

    @Test
    void unknownAckStatusStillCompletesTheCommandButCannotBeSent() throws Cb1ProtocolException {
        Cb1Message m = Cb1Codec.decode(ACK_STATUS_9, 0, ACK_STATUS_9.length);
        Ack ack = assertInstanceOfAck(m);
        assertEquals(AckStatus.UNKNOWN, ack.status());
        assertFalse(ack.status().isOk());
        assertEquals(3, ack.ackedSeq());
        assertThrows(IllegalArgumentException.class, () -> Cb1Codec.encode(ack));
    }

    @Test
    void unknownTypeIsAMessageNotAnError() throws Cb1ProtocolException {
        byte[] content = bytes(0x00, 7, 0x45, 3);
        Cb1Message m = Cb1Codec.decode(content, 0, content.length);
        assertEquals(new Unknown(0x00, 7, 0x45, 3, new byte[0]), m);
        assertEquals(MessageType.UNKNOWN, m.type());
        assertEquals(0x00, m.typeCode());
    }

    @Test
    void unknownRefusesAKnownTypeCode() {
        assertThrows(IllegalArgumentException.class, () -> new Unknown(0x03, 0, 0, 0, new byte[4]));
    }

    @Test
    void encodeRefusesContentLongerThanAFrame() {
        Log fits = new Log(0, 0, 0, "x".repeat(1096));
        assertEquals(1100, Cb1Codec.encode(fits).length);
        Log tooLong = new Log(0, 0, 0, "x".repeat(1097));
        assertThrows(IllegalArgumentException.class, () -> Cb1Codec.encode(tooLong));
    }

    @Test
    void encodeRefusesATooSmallBuffer() {
        Ping ping = new Ping(1, 0, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> Cb1Codec.encode(ping, new byte[8], 1));
    }

    @Test
    void recordsRefuseValuesTheWireCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> new Ping(256, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Ping(0, 0, 0, 1L << 32));
        assertThrows(IllegalArgumentException.class, () -> new Ping(0, 0, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new Audio(0, 0x20, 0, 0, new byte[159]));
        assertThrows(IllegalArgumentException.class, () -> new Audio(0, 0x20, 0, 65536, new byte[160]));
        assertThrows(IllegalArgumentException.class, () -> new HeadsetGain(1, 0x30, 0, 13, 0));
        assertThrows(IllegalArgumentException.class, () -> new Hello(0, 0, 0, 1, 0, 0, 0, "x".repeat(17), ""));
        assertThrows(IllegalArgumentException.class, () -> new Hello(0, 0, 0, 1, 0, 0, 0, "caf\u00e9", ""));
        assertThrows(IllegalArgumentException.class, () -> new DChannel(0, 0x10, 16, new byte[2]));
        assertThrows(IllegalArgumentException.class, () -> new FxoEvent(0, 0x20, 0, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new BoardHealth(0, 0, 0, 40000, 0, 0, 0, 0));
    }

    @Test
    void byteRecordsAreImmutableAndCompareByContent() {
        byte[] lapd = {0x00, 0x01, 0x7F};
        DChannel d = new DChannel(0, 0x10, 16, lapd);
        lapd[2] = 0x73;
        assertEquals(0x7F, d.lapdByte(2));
        d.lapd()[0] = 0x55;
        assertEquals(0x00, d.lapdByte(0));
        DChannel same = new DChannel(0, 0x10, 16, new byte[] {0x00, 0x01, 0x7F});
        assertEquals(same, d);
        assertEquals(same.hashCode(), d.hashCode());
        assertTrue(d.toString().contains("00017f"), d.toString());
    }

    @Test
    void spanConfigShorthandPutsTheDChannelOnTimeslot16() {
        SpanConfig c = new SpanConfig(1, Units.span(0), Framing.NO_CRC4, ClockSource.LINE);
        assertEquals(16, c.dchan());
        assertEquals(0, c.chan());
    }

    @Test
    void boardAnswersCopyUnitChanAndSeq() throws Cb1ProtocolException {
        FxoHook hook = new FxoHook(77, Units.fxo(5), 0, HookState.OFF_HOOK, 0);
        assertTrue(hook.wantsAck());
        assertEquals(new Ack(0, Units.fxo(5), 0, 77, AckStatus.OK), Ack.answering(hook, AckStatus.OK));
        Cb1ProtocolException refused = assertThrows(Cb1ProtocolException.class,
                () -> Cb1Codec.decode(SPAN_CONFIG_DCHAN_15, 0, SPAN_CONFIG_DCHAN_15.length));
        assertEquals(new Ack(0, Units.span(2), 0, 42, AckStatus.BAD_ARGUMENT),
                Ack.answering(refused, AckStatus.BAD_ARGUMENT));
        assertEquals(new Pong(0, 0, 0, 0xDEADBEEFL), Pong.answering(new Ping(6, 0, 0, 0xDEADBEEFL)));
        assertFalse(new Pong(0, 0, 0, 1).wantsAck());
    }

    private static Ack assertInstanceOfAck(Cb1Message m) {
        assertTrue(m instanceof Ack, m.toString());
        return (Ack) m;
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }
}
