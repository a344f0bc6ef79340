package io.branchbox.drivers.cb1.msg;

/** Range checks shared by the message records; they throw {@link IllegalArgumentException}. */
final class Fields {

    static final long U32_MAX = 0xFFFF_FFFFL;

    private Fields() {}

    static void header(int seq, int unit, int chan) {
        u8("seq", seq);
        u8("unit", unit);
        u8("chan", chan);
    }

    static int u8(String name, int v) {
        return range(name, v, 0, 0xFF);
    }

    static int u16(String name, int v) {
        return range(name, v, 0, 0xFFFF);
    }

    static int s16(String name, int v) {
        return range(name, v, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    static long u32(String name, long v) {
        if (v < 0 || v > U32_MAX) {
            throw new IllegalArgumentException(name + " " + v + " outside 0.." + U32_MAX);
        }
        return v;
    }

    static int range(String name, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " " + v + " outside " + min + ".." + max);
        }
        return v;
    }

    static <T> T required(String name, T v) {
        if (v == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v;
    }

    /** A string the wire carries as ASCII: no NUL (it is the padding byte) and nothing above 0x7F. */
    static String ascii(String name, String v, int maxLen) {
        required(name, v);
        if (v.length() > maxLen) {
            throw new IllegalArgumentException(name + " longer than " + maxLen + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == 0 || c > 0x7F) {
                throw new IllegalArgumentException(name + " has a non-ASCII or NUL character at " + i);
            }
        }
        return v;
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return sb.toString();
    }
}
