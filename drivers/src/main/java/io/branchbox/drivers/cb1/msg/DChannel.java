package io.branchbox.drivers.cb1.msg;

import java.util.Arrays;

/**
 * DCHAN (both directions): one LAPD frame of a span's D-channel, from the address field through
 * the information field, without flags and FCS (the board's HDLC controller handles those).
 *
 * <p>At least 3 bytes (address and control, the smallest LAPD frame). The bytes are copied on
 * construction and on every {@link #lapd()} call; use {@link #lapdLength()} and {@link
 * #lapdByte(int)} to read without copying. Equality is by content.
 */
public record DChannel(int seq, int unit, int chan, byte[] lapd) implements Cb1Message {

    /** Address (2 bytes) and control (at least 1): a shorter LAPD frame does not exist. */
    public static final int MIN_LAPD = 3;

    public DChannel {
        Fields.header(seq, unit, chan);
        Fields.required("lapd", lapd);
        if (lapd.length < MIN_LAPD) {
            throw new IllegalArgumentException("LAPD frame of " + lapd.length + " bytes, at least " + MIN_LAPD);
        }
        lapd = lapd.clone();
    }

    @Override
    public MessageType type() {
        return MessageType.DCHAN;
    }

    /** A copy of the LAPD frame. */
    @Override
    public byte[] lapd() {
        return lapd.clone();
    }

    public int lapdLength() {
        return lapd.length;
    }

    /** Byte {@code i} of the LAPD frame, 0..255. */
    public int lapdByte(int i) {
        return lapd[i] & 0xFF;
    }

    /** Copies the LAPD frame into {@code out} from {@code off}. */
    public void copyLapdTo(byte[] out, int off) {
        System.arraycopy(lapd, 0, out, off, lapd.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DChannel d && seq == d.seq && unit == d.unit && chan == d.chan
                && Arrays.equals(lapd, d.lapd);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * seq + unit) + chan) + Arrays.hashCode(lapd);
    }

    @Override
    public String toString() {
        return "DChannel[seq=" + seq + ", unit=" + Units.name(unit) + ", chan=" + chan + ", lapd="
                + Fields.hex(lapd) + "]";
    }
}
