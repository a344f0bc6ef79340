package io.branchbox.drivers.cb1.frame;

import static io.branchbox.drivers.cb1.frame.HdlcEncoder.ESCAPE;
import static io.branchbox.drivers.cb1.frame.HdlcEncoder.FLAG;
import static io.branchbox.drivers.cb1.frame.HdlcEncoder.MAX_CONTENT;
import static io.branchbox.drivers.cb1.frame.HdlcEncoder.MIN_CONTENT;
import static io.branchbox.drivers.cb1.frame.HdlcEncoder.XOR;

/**
 * Streaming receiver for the CB-1 link's HDLC-like framing (datasheet section 2): finds frames
 * between {@code 0x7E} flags, removes the stuffing, checks length and FCS, and hands each good
 * frame's content to a {@link FrameSink}.
 *
 * <p>Input may arrive in any pieces, down to one byte per {@link #feed} call; a frame split across
 * calls is reassembled. Bytes before the first flag are discarded. Two frames may share one flag;
 * two flags in a row (an empty frame) are ignored. {@code 0x7D x} un-escapes to
 * {@code x ^ 0x20} for any {@code x}. A frame is dropped and counted when its content (after
 * removing the 2-byte FCS) is shorter than 4 bytes, when it grows past 1,100 bytes (the decoder
 * then discards everything up to the next flag without buffering it), when its FCS is wrong, or
 * when {@code 0x7D} comes right before the closing flag (abort). In every case the decoder
 * resynchronises on the next flag.
 *
 * <p>Allocation: one buffer of 1,102 bytes for the decoder's life; nothing per frame.
 *
 * <p>Threading: not thread-safe. Exactly one thread, the link's reader thread, calls {@link
 * #feed}; the sink runs on that thread. {@link #counters()} may be read from any thread; its
 * values are then a best-effort snapshot.
 *
 * <p>Pitfall: the sink gets the decoder's buffer, valid only during the call (see {@link
 * FrameSink}).
 */
public final class HdlcDecoder {

    private static final int FCS_LEN = 2;

    private final FrameSink sink;
    private final byte[] buf = new byte[MAX_CONTENT + FCS_LEN];
    private int len;
    private boolean escaped;
    /** Discarding bytes until the next flag: before the first flag and after an over-long frame. */
    private boolean hunting = true;

    private volatile long framesOk;
    private volatile long badFcs;
    private volatile long tooShort;
    private volatile long tooLong;
    private volatile long aborted;
    private volatile long emptyFrames;

    /** A decoder that delivers good frames to {@code sink}. */
    public HdlcDecoder(FrameSink sink) {
        if (sink == null) {
            throw new IllegalArgumentException("sink is required");
        }
        this.sink = sink;
    }

    /** Consumes {@code len} received bytes of {@code b} from {@code off}; never blocks. */
    public void feed(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            int v = b[i] & 0xFF;
            if (v == FLAG) {
                onFlag();
            } else if (!hunting) {
                onDataByte(v);
            }
        }
    }

    /** What this decoder has received so far. */
    public DecoderCounters counters() {
        return new DecoderCounters(framesOk, badFcs, tooShort, tooLong, aborted, emptyFrames);
    }

    private void onDataByte(int v) {
        if (v == ESCAPE && !escaped) {
            escaped = true;
            return;
        }
        int data = escaped ? v ^ XOR : v;
        escaped = false;
        if (len == buf.length) {
            tooLong++;
            hunting = true;
            return;
        }
        buf[len++] = (byte) data;
    }

    private void onFlag() {
        if (hunting) {
            hunting = false;
            resetFrame();
            return;
        }
        boolean wasEscaped = escaped;
        int frameLen = len;
        // Reset before calling the sink so that an exception there leaves the decoder consistent.
        resetFrame();
        if (wasEscaped) {
            aborted++;
        } else if (frameLen == 0) {
            emptyFrames++;
        } else if (frameLen < MIN_CONTENT + FCS_LEN) {
            tooShort++;
        } else {
            deliverIfFcsGood(frameLen - FCS_LEN);
        }
    }

    private void deliverIfFcsGood(int contentLen) {
        int received = (buf[contentLen] & 0xFF) | (buf[contentLen + 1] & 0xFF) << 8;
        if (received != Fcs16.compute(buf, 0, contentLen)) {
            badFcs++;
            return;
        }
        framesOk++;
        sink.onFrame(buf, 0, contentLen);
    }

    private void resetFrame() {
        len = 0;
        escaped = false;
    }
}
