package io.branchbox.firmware.isdn.lapd;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One LAPD frame (Q.921) in modulo-128 operation, as carried by the CB-1 DCHAN message: address,
 * control and information fields, no flags, no FCS.
 *
 * <p>Immutable; information fields are copied in and out. Sequence numbers are 0..127. The P/F bit
 * is called {@code p} on commands and {@code f} on responses; S frames, which can be either, call
 * it {@code pf}. Whether a frame is a command or a response is not stored: it follows from the
 * address's C/R bit and the sender's {@link Role}.
 */
public sealed interface LapdFrame {

    /** Maximum information field length (N201) for SAPI 0. */
    int N201 = 260;

    LapdAddress address();

    /** Numbered information frame (command). */
    record I(LapdAddress address, int ns, int nr, boolean p, byte[] info) implements LapdFrame {
        public I {
            checkSequence("N(S)", ns);
            checkSequence("N(R)", nr);
            info = checkedCopy(info);
        }

        @Override
        public byte[] info() {
            return info.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof I x && address.equals(x.address) && ns == x.ns && nr == x.nr
                    && p == x.p && Arrays.equals(info, x.info);
        }

        @Override
        public int hashCode() {
            return (address.hashCode() * 31 + ns * 128 + nr) * 31 + Arrays.hashCode(info);
        }

        @Override
        public String toString() {
            return "I[" + address + ", ns=" + ns + ", nr=" + nr + ", p=" + p + ", info=" + hex(info) + "]";
        }
    }

    /** A supervisory frame: RR, RNR or REJ, command or response. */
    sealed interface Supervisory extends LapdFrame {
        /** N(R): the next I frame the sender expects, acknowledging everything before it. */
        int nr();

        /** Poll bit on a command, final bit on a response. */
        boolean pf();
    }

    /** Receive ready. */
    record RR(LapdAddress address, int nr, boolean pf) implements Supervisory {
        public RR {
            checkSequence("N(R)", nr);
        }
    }

    /** Receive not ready: the sender is busy and takes no more I frames for now. */
    record RNR(LapdAddress address, int nr, boolean pf) implements Supervisory {
        public RNR {
            checkSequence("N(R)", nr);
        }
    }

    /** Reject: retransmit I frames starting with N(R). */
    record REJ(LapdAddress address, int nr, boolean pf) implements Supervisory {
        public REJ {
            checkSequence("N(R)", nr);
        }
    }

    /** Set asynchronous balanced mode extended (command): start multiple-frame operation. */
    record SABME(LapdAddress address, boolean p) implements LapdFrame {}

    /** Unnumbered acknowledgement (response). */
    record UA(LapdAddress address, boolean f) implements LapdFrame {}

    /** Disconnected mode (response): the sender is not in multiple-frame operation. */
    record DM(LapdAddress address, boolean f) implements LapdFrame {}

    /** Disconnect (command): end multiple-frame operation. */
    record DISC(LapdAddress address, boolean p) implements LapdFrame {}

    /** Frame reject (response); LAPD only receives it, from older peers. */
    record FRMR(LapdAddress address, boolean f, byte[] info) implements LapdFrame {
        public FRMR {
            info = checkedCopy(info);
        }

        @Override
        public byte[] info() {
            return info.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FRMR x && address.equals(x.address) && f == x.f
                    && Arrays.equals(info, x.info);
        }

        @Override
        public int hashCode() {
            return address.hashCode() * 31 + Arrays.hashCode(info) + (f ? 1 : 0);
        }

        @Override
        public String toString() {
            return "FRMR[" + address + ", f=" + f + ", info=" + hex(info) + "]";
        }
    }

    /** Unnumbered information (command): unacknowledged data, e.g. TEI management on SAPI 63. */
    record UI(LapdAddress address, boolean p, byte[] info) implements LapdFrame {
        public UI {
            info = checkedCopy(info);
        }

        @Override
        public byte[] info() {
            return info.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof UI x && address.equals(x.address) && p == x.p
                    && Arrays.equals(info, x.info);
        }

        @Override
        public int hashCode() {
            return address.hashCode() * 31 + Arrays.hashCode(info) + (p ? 1 : 0);
        }

        @Override
        public String toString() {
            return "UI[" + address + ", p=" + p + ", info=" + hex(info) + "]";
        }
    }

    /**
     * A well-formed frame this implementation does not use (XID): kept whole so it can be logged.
     *
     * @param control the one-octet control field, P/F bit included
     */
    record Unknown(LapdAddress address, int control, byte[] info) implements LapdFrame {
        public Unknown {
            info = checkedCopy(info);
        }

        @Override
        public byte[] info() {
            return info.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown x && address.equals(x.address) && control == x.control
                    && Arrays.equals(info, x.info);
        }

        @Override
        public int hashCode() {
            return address.hashCode() * 31 + Arrays.hashCode(info) + control;
        }

        @Override
        public String toString() {
            return "Unknown[" + address + ", control=0x" + Integer.toHexString(control)
                    + ", info=" + hex(info) + "]";
        }
    }

    private static void checkSequence(String what, int n) {
        if (n < 0 || n > 127) {
            throw new IllegalArgumentException(what + " out of range 0..127: " + n);
        }
    }

    private static byte[] checkedCopy(byte[] info) {
        if (info.length > N201) {
            throw new IllegalArgumentException(
                    "information field of " + info.length + " octets exceeds N201 = " + N201);
        }
        return info.clone();
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
