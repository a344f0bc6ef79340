package io.branchbox.drivers.cb1.msg;

import java.util.Random;

/** Random valid messages of every type, for the fuzz test; all fields span their whole range. */
final class RandomMessages {

    private static final int TYPES = 19;

    private RandomMessages() {}

    static Cb1Message next(Random r) {
        int seq = r.nextInt(256);
        int unit = r.nextInt(256);
        int chan = r.nextInt(256);
        return switch (r.nextInt(TYPES)) {
            case 0 -> new Hello(seq, unit, chan, r.nextInt(256), r.nextInt(5), r.nextInt(9), r.nextInt(17),
                    ascii(r, r.nextInt(17)), ascii(r, r.nextInt(40)));
            case 1 -> new Query(seq, unit, chan);
            case 2 -> new Ping(seq, unit, chan, u32(r));
            case 3 -> new Pong(seq, unit, chan, u32(r));
            case 4 -> new Ack(seq, unit, chan, r.nextInt(256), AckStatus.values()[r.nextInt(6)]);
            case 5 -> new Reset(seq, unit, chan);
            case 6 -> new SpanConfig(seq, unit, chan, pick(r, Framing.values()), pick(r, ClockSource.values()), 16);
            case 7 -> new SpanStatus(seq, unit, chan, r.nextInt(256), u32(r), u32(r), u32(r));
            case 8 -> new DChannel(seq, unit, chan, bytes(r, 3 + r.nextInt(r.nextInt(8) == 0 ? 1094 : 40)));
            case 9 -> new Audio(seq, unit, chan, r.nextInt(65536), bytes(r, 160));
            case 10 -> new ChanOpen(seq, unit, chan);
            case 11 -> new ChanClose(seq, unit, chan);
            case 12 -> new FxoEvent(seq, unit, chan, pick(r, FxoEventKind.values()), r.nextInt(65536) - 32768);
            case 13 -> new FxoHook(seq, unit, chan, pick(r, HookState.values()), r.nextInt(65536));
            case 14 -> new HeadsetEvent(seq, unit, chan, pick(r, HeadsetEventKind.values()));
            case 15 -> new HeadsetGain(seq, unit, chan, r.nextInt(25) - 12, r.nextInt(25) - 12);
            case 16 -> new BoardHealth(seq, unit, chan, r.nextInt(65536) - 32768, r.nextInt(65536), u32(r), u32(r),
                    u32(r));
            case 17 -> new Log(seq, unit, chan, text(r, r.nextInt(60)));
            default -> new Unknown(unknownType(r), seq, unit, chan, bytes(r, r.nextInt(30)));
        };
    }

    /** Random content under a known type code, right length half the time: exercises every decoder's checks. */
    static byte[] randomContent(Random r) {
        MessageType[] types = MessageType.values();
        MessageType t = types[r.nextInt(types.length - 1)];
        int bodyLen = r.nextBoolean() ? r.nextInt(30) : bodyLength(r, t);
        byte[] c = bytes(r, 4 + bodyLen);
        c[0] = (byte) t.code();
        return c;
    }

    /** The datasheet's body length of {@code t}; a random one where the length varies. */
    private static int bodyLength(Random r, MessageType t) {
        return switch (t) {
            case QUERY, RESET, CHAN_OPEN, CHAN_CLOSE -> 0;
            case PING, PONG -> 4;
            case ACK, HEADSET_GAIN -> 2;
            case SPAN_CONFIG, FXO_EVENT, FXO_HOOK -> 3;
            case SPAN_STATUS -> 13;
            case AUDIO -> 162;
            case HEADSET_EVENT -> 1;
            case BOARD_HEALTH -> 16;
            case HELLO -> 21 + r.nextInt(4);
            case DCHAN, LOG, UNKNOWN -> r.nextInt(40);
        };
    }

    private static int unknownType(Random r) {
        int code;
        do {
            code = r.nextInt(256);
        } while (MessageType.of(code) != null);
        return code;
    }

    private static long u32(Random r) {
        return r.nextLong() & 0xFFFF_FFFFL;
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static String ascii(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) (1 + r.nextInt(0x7F)));
        }
        return sb.toString();
    }

    private static String text(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int cp;
            do {
                cp = r.nextInt(4) == 0 ? r.nextInt(0x110000) : r.nextInt(0x80);
            } while (cp >= 0xD800 && cp <= 0xDFFF);
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
