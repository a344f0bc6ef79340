package io.branchbox.firmware.isdn.lapd;

/**
 * The two-octet LAPD address field: SAPI (0 = call control), the C/R bit and the TEI.
 *
 * @param sapi service access point identifier, 0..63
 * @param cr the command/response bit as sent on the line; its meaning depends on the sender's
 *     {@link Role}
 * @param tei terminal endpoint identifier, 0..127 (a PRI uses the fixed TEI 0)
 */
public record LapdAddress(int sapi, boolean cr, int tei) {

    /** SAPI of call-control (Q.931) procedures. */
    public static final int SAPI_CALL_CONTROL = 0;
    /** The fixed TEI of a point-to-point PRI. */
    public static final int TEI_PRI = 0;

    public LapdAddress {
        if (sapi < 0 || sapi > 63) {
            throw new IllegalArgumentException("SAPI out of range 0..63: " + sapi);
        }
        if (tei < 0 || tei > 127) {
            throw new IllegalArgumentException("TEI out of range 0..127: " + tei);
        }
    }

    /** SAPI 0, TEI 0 with the given C/R bit: the only address a PRI D-channel link uses. */
    public static LapdAddress pri(boolean cr) {
        return new LapdAddress(SAPI_CALL_CONTROL, cr, TEI_PRI);
    }
}
