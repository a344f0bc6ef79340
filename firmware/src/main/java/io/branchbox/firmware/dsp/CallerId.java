package io.branchbox.firmware.dsp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One caller-ID delivery, as received.
 *
 * @param format how it was delivered
 * @param number calling number, or null when absent
 * @param name calling name, or null when absent
 * @param dateTime month, day, hour, minute as the 8-digit string {@code MMDDHHMM}, or null
 * @param numberAbsence why the number is absent: 'O' unavailable, 'P' private; null when given
 *     or not stated
 * @param nameAbsence why the name is absent, same codes; null when given or not stated
 * @param rawHex the message octets in hex (type, length, body, checksum); for DTMF the digits
 * @param checksumOk true when the checksum adds up (always true for DTMF, which has none)
 */
public record CallerId(
        Format format,
        String number,
        String name,
        String dateTime,
        Character numberAbsence,
        Character nameAbsence,
        String rawHex,
        boolean checksumOk) {

    /** The fields as detections carry them (analyze-line, line captures), in a fixed order. */
    public Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("number", number);
        f.put("name", name);
        f.put("datetime", dateTime);
        f.put("number_absence", numberAbsence == null ? null : numberAbsence.toString());
        f.put("name_absence", nameAbsence == null ? null : nameAbsence.toString());
        f.put("format", format.name());
        f.put("checksum_ok", checksumOk);
        f.put("raw", rawHex);
        return f;
    }

    /** Delivery formats. */
    public enum Format {
        /** Single data message format, type 0x04. */
        SDMF,
        /** Multiple data message format, type 0x80. */
        MDMF,
        /** DTMF digits between start and end codes. */
        DTMF
    }
}
