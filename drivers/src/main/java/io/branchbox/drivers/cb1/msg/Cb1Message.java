package io.branchbox.drivers.cb1.msg;

/**
 * One CB-1 link message (datasheet sections 3 and 4): the 4-byte header and a typed body.
 *
 * <p>Every implementation is an immutable record whose first three components are the header
 * fields {@code seq}, {@code unit}, {@code chan} (each 0..255, checked on construction) followed
 * by the body fields. Records holding bytes copy them in and out. Construction with an
 * out-of-range value throws {@link IllegalArgumentException}; {@link Cb1Codec#decode} turns
 * that into a {@link Cb1ProtocolException} with reason {@code BAD_VALUE}.
 *
 * <p>Threading: immutable, safe to share between threads.
 */
public sealed interface Cb1Message
        permits Hello, Query, Ping, Pong, Ack, Reset, SpanConfig, SpanStatus, DChannel, Audio,
                ChanOpen, ChanClose, FxoEvent, FxoHook, HeadsetEvent, HeadsetGain, BoardHealth,
                Log, Unknown {

    /** 0: no acknowledgement wanted; 1..255: a host command the board must acknowledge. */
    int seq();

    /** The addressed unit, see {@link Units}. */
    int unit();

    /** On a span the timeslot 1..31; elsewhere 0. */
    int chan();

    /** The message type; {@link MessageType#UNKNOWN} for {@link Unknown}. */
    MessageType type();

    /** Whether the sender wants an ACK: a host command with seq 1..255. */
    default boolean wantsAck() {
        return seq() != 0;
    }

    /** The type byte on the wire. */
    default int typeCode() {
        return type().code();
    }
}
