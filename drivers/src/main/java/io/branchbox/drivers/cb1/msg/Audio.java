package io.branchbox.drivers.cb1.msg;

import java.util.Arrays;

/**
 * AUDIO (both directions): 20 ms of G.711 A-law (exactly 160 bytes, as on the line) for one
 * channel, with a per-channel frame number that counts up by one and wraps at 65,536.
 *
 * <p>This record copies its samples and suits tests, the simulator and occasional use. The
 * steady 20 ms path should read and write frame content in place with {@link AudioFrames},
 * which allocates nothing. Equality is by content.
 */
public record Audio(int seq, int unit, int chan, int frameNo, byte[] alaw) implements Cb1Message {

    /** Samples per frame: 20 ms at 8 kHz. */
    public static final int SAMPLES = 160;
    /** A-law silence, which the board plays when it has no frame. */
    public static final byte ALAW_SILENCE = (byte) 0xD5;

    public Audio {
        Fields.header(seq, unit, chan);
        Fields.u16("frameNo", frameNo);
        Fields.required("alaw", alaw);
        if (alaw.length != SAMPLES) {
            throw new IllegalArgumentException("AUDIO carries exactly " + SAMPLES + " bytes, not " + alaw.length);
        }
        alaw = alaw.clone();
    }

    @Override
    public MessageType type() {
        return MessageType.AUDIO;
    }

    /** A copy of the 160 A-law samples. */
    @Override
    public byte[] alaw() {
        return alaw.clone();
    }

    /** Copies the 160 samples into {@code out} from {@code off}. */
    public void copyAlawTo(byte[] out, int off) {
        System.arraycopy(alaw, 0, out, off, SAMPLES);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Audio a && seq == a.seq && unit == a.unit && chan == a.chan && frameNo == a.frameNo
                && Arrays.equals(alaw, a.alaw);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * seq + unit) + chan) + frameNo) + Arrays.hashCode(alaw);
    }

    @Override
    public String toString() {
        return "Audio[seq=" + seq + ", unit=" + Units.name(unit) + ", chan=" + chan + ", frameNo=" + frameNo
                + ", alaw=" + Fields.hex(alaw) + "]";
    }
}
