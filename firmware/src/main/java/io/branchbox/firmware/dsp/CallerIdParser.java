package io.branchbox.firmware.dsp;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Reads on-hook caller-ID messages (Telcordia GR-30 / ETSI EN 300 659 / YDN 069 layouts):
 * <ul>
 *   <li>SDMF, type 0x04: 8 ASCII digits MMDDHHMM, then the number, or a single 'O' (unavailable)
 *       or 'P' (private) in its place;
 *   <li>MDMF, type 0x80: parameters {@code type, length, value}: 0x01 date-time, 0x02 number,
 *       0x04 reason for absence of number, 0x07 name, 0x08 reason for absence of name; other
 *       parameter types are skipped.
 * </ul>
 * The last octet is a checksum making the sum of all octets 0 mod 256; a message whose checksum
 * fails is still decoded and marked {@code checksumOk = false} so the caller decides.
 *
 * <p>Thread-safe: stateless.
 */
public final class CallerIdParser {
    static final int SDMF = 0x04;
    static final int MDMF = 0x80;
    private static final int P_DATE_TIME = 0x01;
    private static final int P_NUMBER = 0x02;
    private static final int P_NUMBER_ABSENT = 0x04;
    private static final int P_NAME = 0x07;
    private static final int P_NAME_ABSENT = 0x08;

    private CallerIdParser() {}

    /** Decodes {@code msg}: type, length, body, checksum. */
    public static CallerId parse(byte[] msg) throws CallerIdException {
        if (msg.length < 3) {
            throw new CallerIdException(CallerIdException.Reason.TOO_SHORT, msg.length + " octets");
        }
        int type = msg[0] & 0xFF;
        int len = msg[1] & 0xFF;
        if (len + 3 != msg.length) {
            throw new CallerIdException(CallerIdException.Reason.LENGTH_MISMATCH,
                    "length octet " + len + " but " + (msg.length - 3) + " body octets");
        }
        int sum = 0;
        for (byte b : msg) {
            sum += b & 0xFF;
        }
        boolean checksumOk = (sum & 0xFF) == 0;
        String hex = HexFormat.of().formatHex(msg);
        return switch (type) {
            case SDMF -> sdmf(msg, len, hex, checksumOk);
            case MDMF -> mdmf(msg, len, hex, checksumOk);
            default -> throw new CallerIdException(CallerIdException.Reason.UNKNOWN_TYPE,
                    String.format("type 0x%02x", type));
        };
    }

    private static CallerId sdmf(byte[] msg, int len, String hex, boolean checksumOk) throws CallerIdException {
        if (len < 8) {
            throw new CallerIdException(CallerIdException.Reason.TOO_SHORT, "SDMF body of " + len + " octets");
        }
        String dateTime = ascii(msg, 2, 8);
        String rest = ascii(msg, 10, len - 8);
        Character absence = null;
        String number = rest;
        if (rest.equals("O") || rest.equals("P")) {
            absence = rest.charAt(0);
            number = null;
        } else if (rest.isEmpty()) {
            number = null;
        }
        return new CallerId(CallerId.Format.SDMF, number, null, dateTime, absence, null, hex, checksumOk);
    }

    private static CallerId mdmf(byte[] msg, int len, String hex, boolean checksumOk) throws CallerIdException {
        String number = null;
        String name = null;
        String dateTime = null;
        Character numberAbsence = null;
        Character nameAbsence = null;
        int pos = 2;
        int end = 2 + len;
        while (pos < end) {
            if (pos + 2 > end) {
                throw new CallerIdException(CallerIdException.Reason.PARAMETER_OVERRUN, "parameter header at " + pos);
            }
            int ptype = msg[pos] & 0xFF;
            int plen = msg[pos + 1] & 0xFF;
            int vpos = pos + 2;
            if (vpos + plen > end) {
                throw new CallerIdException(CallerIdException.Reason.PARAMETER_OVERRUN,
                        String.format("parameter 0x%02x of %d octets at %d", ptype, plen, pos));
            }
            String value = ascii(msg, vpos, plen);
            switch (ptype) {
                case P_DATE_TIME -> dateTime = value;
                case P_NUMBER -> number = value;
                case P_NUMBER_ABSENT -> numberAbsence = value.isEmpty() ? null : value.charAt(0);
                case P_NAME -> name = value;
                case P_NAME_ABSENT -> nameAbsence = value.isEmpty() ? null : value.charAt(0);
                default -> {
                    // other parameters (called line, call type, ...) are not needed by the box
                }
            }
            pos = vpos + plen;
        }
        return new CallerId(CallerId.Format.MDMF, number, name, dateTime, numberAbsence, nameAbsence, hex, checksumOk);
    }

    /** Octets as text; names may carry Latin-1 letters. */
    private static String ascii(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
}
