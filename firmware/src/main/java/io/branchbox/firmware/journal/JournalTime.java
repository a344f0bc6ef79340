package io.branchbox.firmware.journal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads the {@code at} of a journal line. The journal writes {@link Instant#toString()}
 * ({@code 2026-11-01T08:30:00Z}, {@code 2026-11-01T08:30:00.125Z}, up to nine fraction digits);
 * that form is read by hand, about ten times faster than {@link Instant#parse}, which stays the
 * fallback for anything else (a year beyond 9999, a line written by hand). Thread-safe (stateless).
 */
final class JournalTime {
    private static final int SECONDS_PER_DAY = 86_400;

    private JournalTime() {}

    /** The instant of {@code s}; throws {@link DateTimeParseException} as {@link Instant#parse} does. */
    static Instant parse(String s) {
        int n = s.length();
        if (n >= 20 && n <= 30) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1); // a non-Latin-1 char becomes '?': not the form
            Instant i = parse(b, 0, b.length);
            if (i != null) {
                return i;
            }
        }
        return Instant.parse(s);
    }

    /**
     * The instant of the ASCII text {@code b[off, off + len)} when it is {@link Instant#toString()}'s
     * form of a year 0000-9999, else null (the caller falls back to {@link Instant#parse}, which says
     * what is wrong). Allocates nothing but the instant.
     */
    static Instant parse(byte[] b, int off, int len) {
        if (len < 20 || len > 30 || b[off + len - 1] != 'Z' || b[off + 4] != '-' || b[off + 7] != '-'
                || b[off + 10] != 'T' || b[off + 13] != ':' || b[off + 16] != ':') {
            return null;
        }
        int year = digits(b, off, 4);
        int month = digits(b, off + 5, 2);
        int day = digits(b, off + 8, 2);
        int hour = digits(b, off + 11, 2);
        int minute = digits(b, off + 14, 2);
        int second = digits(b, off + 17, 2);
        int nanos = 0;
        if (len > 20) {
            int fraction = len - 21; // between '.' and 'Z'
            if (b[off + 19] != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            int f = digits(b, off + 20, fraction);
            for (int i = fraction; i < 9 && f >= 0; i++) {
                f *= 10;
            }
            nanos = f;
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || nanos < 0) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code b[from, from + len)}, or -1 if a byte is not a digit. */
    private static int digits(byte[] b, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            byte c = b[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
