package io.branchbox.firmware.isdn.lapd;

import io.branchbox.firmware.isdn.lapd.LapdException.Reason;
import java.util.Arrays;

/**
 * Bytes to {@link LapdFrame} and back, modulo 128 (Q.921 sections 2 and 3).
 *
 * <p>Layout: address octet 1 = SAPI (6 bits), C/R, EA = 0; address octet 2 = TEI (7 bits), EA = 1.
 * I frames have a two-octet control field {@code N(S)<<1 | 0}, {@code N(R)<<1 | P}; S frames
 * {@code 0000SS01}, {@code N(R)<<1 | P/F}; U frames one octet {@code MMMPMM11}.
 *
 * <p>Stateless and thread-safe. {@link #decode} throws {@link LapdException} for input that can
 * never be a valid frame and never throws anything else; {@link #encode} cannot fail because the
 * frame records validate their fields when built.
 */
public final class LapdCodec {

    private static final int S_RR = 0x01;
    private static final int S_RNR = 0x05;
    private static final int S_REJ = 0x09;
    private static final int U_SABME = 0x6F;
    private static final int U_UA = 0x63;
    private static final int U_DM = 0x0F;
    private static final int U_DISC = 0x43;
    private static final int U_FRMR = 0x87;
    private static final int U_UI = 0x03;
    private static final int U_XID = 0xAF;
    private static final int PF_U = 0x10;

    private LapdCodec() {}

    /** Decodes one whole frame. The array is not kept. */
    public static LapdFrame decode(byte[] frame) throws LapdException {
        if (frame.length < 3) {
            throw new LapdException(Reason.TOO_SHORT, frame.length + " octets, a frame has at least 3");
        }
        int a0 = frame[0] & 0xFF;
        int a1 = frame[1] & 0xFF;
        if ((a0 & 0x01) != 0 || (a1 & 0x01) != 1) {
            throw new LapdException(Reason.BAD_ADDRESS,
                    String.format("address 0x%02x 0x%02x: EA bits must be 0 then 1", a0, a1));
        }
        LapdAddress address = new LapdAddress(a0 >>> 2, (a0 & 0x02) != 0, a1 >>> 1);
        int c0 = frame[2] & 0xFF;
        if ((c0 & 0x01) == 0) {
            return decodeI(address, c0, frame);
        }
        if ((c0 & 0x03) == 0x01) {
            return decodeS(address, c0, frame);
        }
        return decodeU(address, c0, frame);
    }

    private static LapdFrame decodeI(LapdAddress address, int c0, byte[] frame) throws LapdException {
        if (frame.length < 4) {
            throw new LapdException(Reason.WRONG_LENGTH, "I frame without its second control octet");
        }
        byte[] info = info(frame, 4);
        int c1 = frame[3] & 0xFF;
        return new LapdFrame.I(address, c0 >>> 1, c1 >>> 1, (c1 & 0x01) != 0, info);
    }

    private static LapdFrame decodeS(LapdAddress address, int c0, byte[] frame) throws LapdException {
        if (c0 != S_RR && c0 != S_RNR && c0 != S_REJ) {
            throw new LapdException(Reason.UNDEFINED_CONTROL,
                    String.format("supervisory control octet 0x%02x", c0));
        }
        if (frame.length < 4) {
            throw new LapdException(Reason.WRONG_LENGTH, "S frame without its second control octet");
        }
        if (frame.length > 4) {
            throw new LapdException(Reason.INFO_NOT_PERMITTED,
                    "S frame with " + (frame.length - 4) + " octets of information field");
        }
        int c1 = frame[3] & 0xFF;
        int nr = c1 >>> 1;
        boolean pf = (c1 & 0x01) != 0;
        return switch (c0) {
            case S_RR -> new LapdFrame.RR(address, nr, pf);
            case S_RNR -> new LapdFrame.RNR(address, nr, pf);
            default -> new LapdFrame.REJ(address, nr, pf);
        };
    }

    private static LapdFrame decodeU(LapdAddress address, int c0, byte[] frame) throws LapdException {
        boolean pf = (c0 & PF_U) != 0;
        int type = c0 & ~PF_U;
        return switch (type) {
            case U_SABME -> new LapdFrame.SABME(address, noInfo("SABME", frame, pf));
            case U_UA -> new LapdFrame.UA(address, noInfo("UA", frame, pf));
            case U_DM -> new LapdFrame.DM(address, noInfo("DM", frame, pf));
            case U_DISC -> new LapdFrame.DISC(address, noInfo("DISC", frame, pf));
            case U_FRMR -> new LapdFrame.FRMR(address, pf, info(frame, 3));
            case U_UI -> new LapdFrame.UI(address, pf, info(frame, 3));
            case U_XID -> new LapdFrame.Unknown(address, c0, info(frame, 3));
            default -> throw new LapdException(Reason.UNDEFINED_CONTROL,
                    String.format("unnumbered control octet 0x%02x", c0));
        };
    }

    /** Checks that a U frame has no information field; passes its P/F bit through. */
    private static boolean noInfo(String type, byte[] frame, boolean pf) throws LapdException {
        if (frame.length > 3) {
            throw new LapdException(Reason.INFO_NOT_PERMITTED,
                    type + " with " + (frame.length - 3) + " octets of information field");
        }
        return pf;
    }

    private static byte[] info(byte[] frame, int from) throws LapdException {
        int length = frame.length - from;
        if (length > LapdFrame.N201) {
            throw new LapdException(Reason.INFO_TOO_LONG,
                    length + " octets of information field, N201 is " + LapdFrame.N201);
        }
        return Arrays.copyOfRange(frame, from, frame.length);
    }

    /** Encodes a frame into a new array, ready for the DCHAN message. */
    public static byte[] encode(LapdFrame frame) {
        LapdAddress a = frame.address();
        int a0 = a.sapi() << 2 | (a.cr() ? 0x02 : 0);
        int a1 = a.tei() << 1 | 0x01;
        return switch (frame) {
            case LapdFrame.I f -> withInfo(new byte[] {(byte) a0, (byte) a1, (byte) (f.ns() << 1),
                    (byte) (f.nr() << 1 | bit(f.p()))}, f.info());
            case LapdFrame.RR f -> supervisory(a0, a1, S_RR, f);
            case LapdFrame.RNR f -> supervisory(a0, a1, S_RNR, f);
            case LapdFrame.REJ f -> supervisory(a0, a1, S_REJ, f);
            case LapdFrame.SABME f -> unnumbered(a0, a1, U_SABME, f.p(), new byte[0]);
            case LapdFrame.UA f -> unnumbered(a0, a1, U_UA, f.f(), new byte[0]);
            case LapdFrame.DM f -> unnumbered(a0, a1, U_DM, f.f(), new byte[0]);
            case LapdFrame.DISC f -> unnumbered(a0, a1, U_DISC, f.p(), new byte[0]);
            case LapdFrame.FRMR f -> unnumbered(a0, a1, U_FRMR, f.f(), f.info());
            case LapdFrame.UI f -> unnumbered(a0, a1, U_UI, f.p(), f.info());
            case LapdFrame.Unknown f -> withInfo(new byte[] {(byte) a0, (byte) a1, (byte) f.control()},
                    f.info());
        };
    }

    private static byte[] supervisory(int a0, int a1, int type, LapdFrame.Supervisory s) {
        return new byte[] {(byte) a0, (byte) a1, (byte) type, (byte) (s.nr() << 1 | bit(s.pf()))};
    }

    private static byte[] unnumbered(int a0, int a1, int type, boolean pf, byte[] info) {
        return withInfo(new byte[] {(byte) a0, (byte) a1, (byte) (type | (pf ? PF_U : 0))}, info);
    }

    private static byte[] withInfo(byte[] header, byte[] info) {
        byte[] out = Arrays.copyOf(header, header.length + info.length);
        System.arraycopy(info, 0, out, header.length, info.length);
        return out;
    }

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }
}
