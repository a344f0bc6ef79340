package io.branchbox.drivers.cb1.msg;

import io.branchbox.drivers.cb1.msg.Cb1ProtocolException.Reason;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One small body decoder per message type, in a table indexed by the type byte. Each checks the
 * body length of its type exactly before reading; value ranges are checked by the records.
 */
final class MessageDecoders {

    /** Decodes the body of one message type; the header is already in the reader. */
    @FunctionalInterface
    interface BodyDecoder {
        Cb1Message decode(BodyReader r) throws Cb1ProtocolException;
    }

    private static final BodyDecoder[] TABLE = new BodyDecoder[256];

    static {
        TABLE[MessageType.HELLO.code()] = MessageDecoders::hello;
        TABLE[MessageType.QUERY.code()] = r -> empty(r, new Query(r.seq, r.unit, r.chan));
        TABLE[MessageType.PING.code()] = r -> {
            r.requireLength(4);
            return new Ping(r.seq, r.unit, r.chan, r.u32());
        };
        TABLE[MessageType.PONG.code()] = r -> {
            r.requireLength(4);
            return new Pong(r.seq, r.unit, r.chan, r.u32());
        };
        TABLE[MessageType.ACK.code()] = r -> {
            r.requireLength(2);
            return new Ack(r.seq, r.unit, r.chan, r.u8(), AckStatus.of(r.u8()));
        };
        TABLE[MessageType.RESET.code()] = r -> empty(r, new Reset(r.seq, r.unit, r.chan));
        TABLE[MessageType.SPAN_CONFIG.code()] = MessageDecoders::spanConfig;
        TABLE[MessageType.SPAN_STATUS.code()] = r -> {
            r.requireLength(13);
            return new SpanStatus(r.seq, r.unit, r.chan, r.u8(), r.u32(), r.u32(), r.u32());
        };
        TABLE[MessageType.DCHAN.code()] = r -> {
            r.requireAtLeast(DChannel.MIN_LAPD);
            return new DChannel(r.seq, r.unit, r.chan, r.rest());
        };
        TABLE[MessageType.AUDIO.code()] = r -> {
            r.requireLength(2 + Audio.SAMPLES);
            return new Audio(r.seq, r.unit, r.chan, r.u16(), r.rest());
        };
        TABLE[MessageType.CHAN_OPEN.code()] = r -> empty(r, new ChanOpen(r.seq, r.unit, r.chan));
        TABLE[MessageType.CHAN_CLOSE.code()] = r -> empty(r, new ChanClose(r.seq, r.unit, r.chan));
        TABLE[MessageType.FXO_EVENT.code()] = r -> {
            r.requireLength(3);
            FxoEventKind event = known(r, "FXO event", FxoEventKind.of(r.u8()));
            return new FxoEvent(r.seq, r.unit, r.chan, event, r.s16());
        };
        TABLE[MessageType.FXO_HOOK.code()] = r -> {
            r.requireLength(3);
            HookState state = known(r, "hook state", HookState.of(r.u8()));
            return new FxoHook(r.seq, r.unit, r.chan, state, r.u16());
        };
        TABLE[MessageType.HEADSET_EVENT.code()] = r -> {
            r.requireLength(1);
            return new HeadsetEvent(r.seq, r.unit, r.chan, known(r, "headset event", HeadsetEventKind.of(r.u8())));
        };
        TABLE[MessageType.HEADSET_GAIN.code()] = r -> {
            r.requireLength(2);
            return new HeadsetGain(r.seq, r.unit, r.chan, r.s8(), r.s8());
        };
        TABLE[MessageType.BOARD_HEALTH.code()] = r -> {
            r.requireLength(16);
            return new BoardHealth(r.seq, r.unit, r.chan, r.s16(), r.u16(), r.u32(), r.u32(), r.u32());
        };
        TABLE[MessageType.LOG.code()] = MessageDecoders::log;
    }

    private MessageDecoders() {}

    /** The decoder for {@code typeCode}, or {@code null} for a type this host does not know. */
    static BodyDecoder forType(int typeCode) {
        return TABLE[typeCode];
    }

    private static Cb1Message empty(BodyReader r, Cb1Message m) throws Cb1ProtocolException {
        r.requireLength(0);
        return m;
    }

    private static <T> T known(BodyReader r, String what, T value) throws Cb1ProtocolException {
        if (value == null) {
            throw r.error(Reason.BAD_VALUE, "undefined " + what);
        }
        return value;
    }

    private static Cb1Message hello(BodyReader r) throws Cb1ProtocolException {
        r.requireAtLeast(4 + Hello.SERIAL_LEN + 1);
        int proto = r.u8();
        int spans = r.u8();
        int fxo = r.u8();
        int headsets = r.u8();
        String serial = serial(r, r.bytes(Hello.SERIAL_LEN));
        int fwlen = r.u8();
        r.requireLength(fwlen);
        String firmware = new String(r.rest(), StandardCharsets.ISO_8859_1);
        return new Hello(r.seq, r.unit, r.chan, proto, spans, fxo, headsets, serial, firmware);
    }

    /** The serial up to its NUL padding; the padding must be all NUL. */
    private static String serial(BodyReader r, byte[] field) throws Cb1ProtocolException {
        int n = 0;
        while (n < field.length && field[n] != 0) {
            n++;
        }
        for (int i = n; i < field.length; i++) {
            if (field[i] != 0) {
                throw r.error(Reason.BAD_VALUE, "serial has a non-NUL byte in its padding");
            }
        }
        // Latin-1 keeps every byte value, so the record's ASCII check sees bytes above 0x7F.
        return new String(field, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static Cb1Message spanConfig(BodyReader r) throws Cb1ProtocolException {
        r.requireLength(3);
        Framing framing = known(r, "framing", Framing.of(r.u8()));
        ClockSource clock = known(r, "clock source", ClockSource.of(r.u8()));
        return new SpanConfig(r.seq, r.unit, r.chan, framing, clock, r.u8());
    }

    private static Cb1Message log(BodyReader r) throws Cb1ProtocolException {
        byte[] utf8 = r.rest();
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8));
            return new Log(r.seq, r.unit, r.chan, text.toString());
        } catch (CharacterCodingException e) {
            throw r.error(Reason.BAD_VALUE, "text is not valid UTF-8: " + e);
        }
    }
}
