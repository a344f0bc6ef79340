package io.branchbox.drivers.cb1.msg;

import java.nio.charset.StandardCharsets;

/** Body length and body writer per message type; one exhaustive switch over the sealed types. */
final class MessageEncoders {

    private MessageEncoders() {}

    /** Bytes of {@code m}'s body after the 4-byte header. */
    static int bodyLength(Cb1Message m) {
        return switch (m) {
            case Hello h -> 4 + Hello.SERIAL_LEN + 1 + h.firmware().length();
            case Query q -> 0;
            case Ping p -> 4;
            case Pong p -> 4;
            case Ack a -> 2;
            case Reset r -> 0;
            case SpanConfig s -> 3;
            case SpanStatus s -> 13;
            case DChannel d -> d.lapdLength();
            case Audio a -> 2 + Audio.SAMPLES;
            case ChanOpen c -> 0;
            case ChanClose c -> 0;
            case FxoEvent e -> 3;
            case FxoHook h -> 3;
            case HeadsetEvent e -> 1;
            case HeadsetGain g -> 2;
            case BoardHealth h -> 16;
            case Log l -> utf8(l).length;
            case Unknown u -> u.bodyLength();
        };
    }

    /** Writes {@code m}'s body; the caller has checked that {@link #bodyLength} bytes fit. */
    static void writeBody(Cb1Message m, BodyWriter w) {
        switch (m) {
            case Hello h -> writeHello(h, w);
            case Query q -> { }
            case Ping p -> w.u32(p.token());
            case Pong p -> w.u32(p.token());
            case Ack a -> w.u8(a.ackedSeq()).u8(ackCode(a.status()));
            case Reset r -> { }
            case SpanConfig s -> w.u8(s.framing().code()).u8(s.clock().code()).u8(s.dchan());
            case SpanStatus s -> w.u8(s.alarms()).u32(s.crcErrors()).u32(s.slips()).u32(s.bpv());
            case DChannel d -> d.copyLapdTo(w.buffer(), w.skip(d.lapdLength()));
            case Audio a -> a.copyAlawTo(w.buffer(), w.u16(a.frameNo()).skip(Audio.SAMPLES));
            case ChanOpen c -> { }
            case ChanClose c -> { }
            case FxoEvent e -> w.u8(e.event().code()).u16(e.voltsTenths());
            case FxoHook h -> w.u8(h.state().code()).u16(h.flashMs());
            case HeadsetEvent e -> w.u8(e.event().code());
            case HeadsetGain g -> w.u8(g.rxDb()).u8(g.txDb());
            case BoardHealth h -> w.u16(h.tempTenths()).u16(h.vinMv()).u32(h.uptimeS()).u32(h.rxBad())
                    .u32(h.txOverruns());
            case Log l -> w.bytes(utf8(l));
            case Unknown u -> u.copyBodyTo(w.buffer(), w.skip(u.bodyLength()));
        }
    }

    private static void writeHello(Hello h, BodyWriter w) {
        byte[] serial = h.serial().getBytes(StandardCharsets.US_ASCII);
        w.u8(h.proto()).u8(h.spans()).u8(h.fxo()).u8(h.headsets())
                .bytes(serial).zeros(Hello.SERIAL_LEN - serial.length)
                .u8(h.firmware().length()).bytes(h.firmware().getBytes(StandardCharsets.US_ASCII));
    }

    private static int ackCode(AckStatus status) {
        if (status == AckStatus.UNKNOWN) {
            throw new IllegalArgumentException("ACK status UNKNOWN has no wire code");
        }
        return status.code();
    }

    private static byte[] utf8(Log l) {
        return l.text().getBytes(StandardCharsets.UTF_8);
    }
}
