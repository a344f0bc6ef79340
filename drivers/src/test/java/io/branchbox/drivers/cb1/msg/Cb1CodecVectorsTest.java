package io.branchbox.drivers.cb1.msg;

import static io.branchbox.drivers.cb1.frame.RawFrames.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One byte vector per message type (datasheet section 4), checked both ways. */
class Cb1CodecVectorsTest {

    static final byte[] HELLO = {
        0x01, // type HELLO
        0x00, // seq 0
        0x00, // unit board
        0x00, // chan 0
        0x01, // proto 1
        0x02, // spans 2
        0x04, // fxo 4
        0x08, // headsets 8
        'C', 'B', '1', '-', '0', '0', '0', '1', '2', '3', // serial "CB1-000123"
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // serial NUL padding to 16 bytes
        0x05, // fwlen 5
        '1', '.', '2', '.', '3', // fw "1.2.3"
    };
    static final byte[] QUERY = {
        0x02, // type QUERY
        0x05, // seq 5
        0x00, // unit board
        0x00, // chan 0
    };
    static final byte[] PING = {
        0x03, // type PING
        0x06, // seq 6
        0x00, // unit board
        0x00, // chan 0
        (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, // token 0xDEADBEEF (above 2^31)
    };
    static final byte[] PONG = {
        0x04, // type PONG
        0x00, // seq 0
        0x00, // unit board
        0x00, // chan 0
        (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, // token 0xDEADBEEF
    };
    static final byte[] ACK = {
        0x05, // type ACK
        0x00, // seq 0
        0x21, // unit fxo1 (copied from the command)
        0x00, // chan 0
        0x06, // acked_seq 6
        0x02, // status BAD_ARGUMENT
    };
    static final byte[] RESET = {
        0x06, // type RESET
        0x09, // seq 9
        0x00, // unit board
        0x00, // chan 0
    };
    static final byte[] SPAN_CONFIG = {
        0x10, // type SPAN_CONFIG
        0x0A, // seq 10
        0x10, // unit span0
        0x00, // chan 0
        0x00, // framing CRC-4 multiframe
        0x01, // clock internal master
        0x10, // dchan 16
    };
    static final byte[] SPAN_STATUS = {
        0x11, // type SPAN_STATUS
        0x00, // seq 0
        0x11, // unit span1
        0x00, // chan 0
        0x0A, // alarms LOF | RAI
        0x00, 0x00, 0x01, 0x00, // crc_errors 256
        0x00, 0x00, 0x00, 0x02, // slips 2
        (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, // bpv 4294967295 (about to wrap)
    };
    static final byte[] DCHAN = {
        0x12, // type DCHAN
        0x00, // seq 0
        0x10, // unit span0
        0x10, // chan 16, the D-channel timeslot
        0x00, // LAPD address octet 1: SAPI 0, C/R 0, EA 0
        0x01, // LAPD address octet 2: TEI 0, EA 1
        0x7F, // LAPD control: SABME, P=1
    };
    static final byte[] AUDIO_HEADER = {
        0x20, // type AUDIO
        0x00, // seq 0
        0x20, // unit fxo0
        0x00, // chan 0
        0x01, 0x02, // frame_no 258
    };
    /** 160 A-law samples, each a different value so that an offset error shows. */
    static final byte[] AUDIO_SAMPLES = samples();
    static final byte[] AUDIO = concat(AUDIO_HEADER, AUDIO_SAMPLES);
    static final byte[] CHAN_OPEN = {
        0x21, // type CHAN_OPEN
        0x0B, // seq 11
        0x13, // unit span3
        0x05, // chan timeslot 5
    };
    static final byte[] CHAN_CLOSE = {
        0x22, // type CHAN_CLOSE
        0x0C, // seq 12
        0x13, // unit span3
        0x05, // chan timeslot 5
    };
    static final byte[] FXO_EVENT = {
        0x30, // type FXO_EVENT
        0x00, // seq 0
        0x22, // unit fxo2
        0x00, // chan 0
        0x03, // event POLARITY_REVERSAL
        (byte) 0xFF, (byte) 0x9C, // volts -100 tenths (-10.0 V)
    };
    static final byte[] FXO_HOOK = {
        0x31, // type FXO_HOOK
        0x0D, // seq 13
        0x23, // unit fxo3
        0x00, // chan 0
        0x02, // state FLASH
        0x01, (byte) 0xF4, // flash_ms 500
    };
    static final byte[] HEADSET_EVENT = {
        0x40, // type HEADSET_EVENT
        0x00, // seq 0
        0x3C, // unit headset12
        0x00, // chan 0
        0x01, // event PLUGGED
    };
    static final byte[] HEADSET_GAIN = {
        0x41, // type HEADSET_GAIN
        0x0E, // seq 14
        0x3F, // unit headset15
        0x00, // chan 0
        (byte) 0xF4, // rx_db -12
        0x0C, // tx_db +12
    };
    static final byte[] BOARD_HEALTH = {
        0x50, // type BOARD_HEALTH
        0x00, // seq 0
        0x00, // unit board
        0x00, // chan 0
        (byte) 0xFF, 0x38, // temp -200 tenths (-20.0 degrees C)
        0x13, (byte) 0x88, // vin 5000 mV
        0x00, 0x01, 0x51, (byte) 0x80, // uptime 86400 s
        0x00, 0x00, 0x00, 0x07, // rx_bad 7
        (byte) 0x80, 0x00, 0x00, 0x00, // tx_overruns 2147483648
    };
    static final byte[] LOG = {
        0x7F, // type LOG
        0x00, // seq 0
        0x00, // unit board
        0x00, // chan 0
        'h', (byte) 0xC3, (byte) 0xA9, 'l', 'l', 'o', // text "héllo" in UTF-8
    };
    static final byte[] UNKNOWN = {
        0x60, // type 0x60, not in the datasheet
        0x01, // seq 1
        0x00, // unit board
        0x00, // chan 0
        (byte) 0xAA, (byte) 0xBB, // body kept raw
    };

    static Stream<Arguments> vectors() {
        byte[] alaw = AUDIO_SAMPLES;
        return Stream.of(
                Arguments.of("HELLO", HELLO, new Hello(0, Units.BOARD, 0, 1, 2, 4, 8, "CB1-000123", "1.2.3")),
                Arguments.of("QUERY", QUERY, new Query(5, Units.BOARD, 0)),
                Arguments.of("PING", PING, new Ping(6, Units.BOARD, 0, 0xDEADBEEFL)),
                Arguments.of("PONG", PONG, new Pong(0, Units.BOARD, 0, 0xDEADBEEFL)),
                Arguments.of("ACK", ACK, new Ack(0, Units.fxo(1), 0, 6, AckStatus.BAD_ARGUMENT)),
                Arguments.of("RESET", RESET, new Reset(9, Units.BOARD, 0)),
                Arguments.of("SPAN_CONFIG", SPAN_CONFIG,
                        new SpanConfig(10, Units.span(0), 0, Framing.CRC4_MULTIFRAME, ClockSource.INTERNAL, 16)),
                Arguments.of("SPAN_STATUS", SPAN_STATUS, new SpanStatus(0, Units.span(1), 0,
                        SpanStatus.LOF | SpanStatus.RAI, 256, 2, 0xFFFFFFFFL)),
                Arguments.of("DCHAN", DCHAN, new DChannel(0, Units.span(0), 16, new byte[] {0x00, 0x01, 0x7F})),
                Arguments.of("AUDIO", AUDIO, new Audio(0, Units.fxo(0), 0, 258, alaw)),
                Arguments.of("CHAN_OPEN", CHAN_OPEN, new ChanOpen(11, Units.span(3), 5)),
                Arguments.of("CHAN_CLOSE", CHAN_CLOSE, new ChanClose(12, Units.span(3), 5)),
                Arguments.of("FXO_EVENT", FXO_EVENT,
                        new FxoEvent(0, Units.fxo(2), 0, FxoEventKind.POLARITY_REVERSAL, -100)),
                Arguments.of("FXO_HOOK", FXO_HOOK, new FxoHook(13, Units.fxo(3), 0, HookState.FLASH, 500)),
                Arguments.of("HEADSET_EVENT", HEADSET_EVENT,
                        new HeadsetEvent(0, Units.headset(12), 0, HeadsetEventKind.PLUGGED)),
                Arguments.of("HEADSET_GAIN", HEADSET_GAIN, new HeadsetGain(14, Units.headset(15), 0, -12, 12)),
                Arguments.of("BOARD_HEALTH", BOARD_HEALTH,
                        new BoardHealth(0, Units.BOARD, 0, -200, 5000, 86400, 7, 2147483648L)),
                Arguments.of("LOG", LOG, new Log(0, Units.BOARD, 0, "h\u00e9llo")),
                Arguments.of("UNKNOWN", UNKNOWN,
                        new Unknown(0x60, 1, Units.BOARD, 0, new byte[] {(byte) 0xAA, (byte) 0xBB})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesVector(String name, byte[] vector, Cb1Message expected) throws Cb1ProtocolException {
        Cb1Message got = Cb1Codec.decode(vector, 0, vector.length);
        assertEquals(expected, got);
        assertEquals(vector[0] & 0xFF, got.typeCode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodesVector(String name, byte[] vector, Cb1Message message) {
        assertEquals(vector.length, Cb1Codec.contentLength(message));
        assertArrayEquals(vector, Cb1Codec.encode(message));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void roundTripsAtAnOffset(String name, byte[] vector, Cb1Message message) throws Cb1ProtocolException {
        byte[] buf = new byte[vector.length + 10];
        Arrays.fill(buf, (byte) 0x5A);
        int n = Cb1Codec.encode(message, buf, 7);
        assertEquals(vector.length, n);
        assertEquals(0x5A, buf[6]);
        assertEquals(message, Cb1Codec.decode(buf, 7, n));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void typeCodeMatchesTheTable(String name, byte[] vector, Cb1Message message) {
        MessageType type = MessageType.of(vector[0] & 0xFF);
        if (message instanceof Unknown) {
            assertEquals(MessageType.UNKNOWN, message.type());
            assertEquals(null, type);
        } else {
            assertEquals(name, type.name());
            assertTrue(type == message.type());
        }
    }

    private static byte[] samples() {
        byte[] s = new byte[160];
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) (i * 3 + 1);
        }
        return s;
    }
}
