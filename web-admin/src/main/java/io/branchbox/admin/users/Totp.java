package io.branchbox.admin.users;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, 6 digits,
 * the code of the previous and the next step accepted too (clock drift between box and phone).
 * Secrets are 20 random bytes written in Base32 (RFC 4648), as authenticator apps expect them.
 * Stateless and thread-safe; replay within the window is refused by the caller ({@link #step}).
 */
public final class Totp {
    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    /** A new secret, Base32. */
    public static String newSecret() {
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        return base32(key);
    }

    /** The time step of {@code at}. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /**
     * The step whose code {@code code} is, within one step of {@code at}'s, or -1 when none is.
     * A malformed code or secret is simply no match.
     */
    public static long matchingStep(String base32Secret, String code, Instant at) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return -1;
        }
        byte[] key;
        try {
            key = fromBase32(base32Secret);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        long now = step(at);
        for (long s = now - 1; s <= now + 1; s++) {
            if (code(key, s, DIGITS).equals(code)) {
                return s;
            }
        }
        return -1;
    }

    /** The 6-digit code of {@code base32Secret} at {@code at} (what the phone shows). */
    public static String codeAt(String base32Secret, Instant at) {
        return code(fromBase32(base32Secret), step(at), DIGITS);
    }

    /** The RFC 4226 code of {@code counter} with {@code digits} digits (HMAC-SHA1). */
    static String code(byte[] key, long counter, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(new byte[] {
                (byte) (counter >>> 56), (byte) (counter >>> 48), (byte) (counter >>> 40), (byte) (counter >>> 32),
                (byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter});
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /** The otpauth URI an authenticator app imports (e.g. from a QR code). */
    public static String uri(String issuer, String account, String base32Secret) {
        return "otpauth://totp/" + issuer + ":" + account + "?secret=" + base32Secret + "&issuer=" + issuer;
    }

    static String base32(byte[] data) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] fromBase32(String text) {
        String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        if (clean.isEmpty() || clean.length() > 128) {
            throw new IllegalArgumentException("bad Base32 length");
        }
        byte[] out = new byte[clean.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int i = 0;
        for (char c : clean.toCharArray()) {
            int v = BASE32.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not Base32: " + c);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[i++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
