package io.branchbox.drivers.cb1.frame;

/**
 * The 16-bit frame check sequence of RFC 1662 (CRC-16/X.25) used on the CB-1 link.
 *
 * <p>Reflected polynomial {@code 0x8408}, initial value {@code 0xFFFF}, result ones-complemented.
 * On the wire the FCS follows the content least significant byte first. The FCS of the ASCII
 * bytes {@code 123456789} is {@code 0x906E}.
 *
 * <p>Threading: stateless, safe from any thread. Allocates nothing.
 */
public final class Fcs16 {

    private static final int INITIAL = 0xFFFF;
    private static final int[] TABLE = buildTable();

    private Fcs16() {}

    /** Returns the FCS (0..0xFFFF) of {@code len} bytes of {@code b} starting at {@code off}. */
    public static int compute(byte[] b, int off, int len) {
        return update(INITIAL, b, off, len) ^ 0xFFFF;
    }

    private static int update(int register, byte[] b, int off, int len) {
        int fcs = register;
        for (int i = off, end = off + len; i < end; i++) {
            fcs = (fcs >>> 8) ^ TABLE[(fcs ^ b[i]) & 0xFF];
        }
        return fcs;
    }

    private static int[] buildTable() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int v = i;
            for (int bit = 0; bit < 8; bit++) {
                v = (v & 1) != 0 ? (v >>> 1) ^ 0x8408 : v >>> 1;
            }
            t[i] = v;
        }
        return t;
    }
}
