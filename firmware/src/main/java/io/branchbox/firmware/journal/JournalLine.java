package io.branchbox.firmware.journal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The fast path of {@link JournalCodec#decode}: a hand reader of exactly the JSON that
 * {@link JournalCodec#encode} writes (no whitespace, {@code seq} a plain number, every other value a
 * string, {@code attrs} an object of strings), straight from the line's bytes to the event, with no
 * parser object, no token stream and no per-line map copy. A month of a busy branch is over a
 * million lines and a cold report's time was mostly Jackson's per-line work (docs/BENCHMARKS.md).
 *
 * <p>Contract: {@link #read} returns either the very event the generic parser
 * ({@link JournalCodec#decodeGeneric}) gives for the same text, or {@code null} when the text is
 * anything else (whitespace, a number where a string was written, an unknown field, a missing
 * field, a duplicate attribute, invalid UTF-8, an escape the JSON grammar does not know, ...): then
 * the generic parser reads it and decides, with its own error. So this class never decides that a
 * line is bad; {@code JournalLineEquivalenceTest} checks the "same event" half over every call event
 * type, the fixture journal of the old format and mutated lines.
 *
 * <p>Strings the journal writes over and over (event types, attribute keys) come back as the one
 * constant of {@link CallEventTypes} instead of a new string per line. Stateless; thread-safe.
 */
final class JournalLine {
    /** Longest {@code seq} read here (18 digits cannot overflow a long); longer goes to the generic parser. */
    private static final int MAX_SEQ_DIGITS = 18;
    private static final byte[] SEQ = ascii("seq");
    private static final byte[] AT = ascii("at");
    private static final byte[] TYPE = ascii("type");
    private static final byte[] CALL_ID = ascii("callId");
    private static final byte[] AGENT_ID = ascii("agentId");
    private static final byte[] QUEUE = ascii("queue");
    private static final byte[] ATTRS = ascii("attrs");
    private static final Known KNOWN = Known.of(CallEventTypes.class);
    /** The bytes that end a plain ASCII run in a string: the quote, a backslash, control bytes and every byte >= 0x80. */
    private static final boolean[] STOP = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            STOP[c] = c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
        }
    }

    private JournalLine() {}

    /**
     * The event of the JSON text {@code b[off, off + len)}, or null when it is not the form the
     * journal writes. {@code bare}: as {@link JournalCodec#decode(byte[], int, int, Predicate)}.
     */
    static JournalEvent read(byte[] b, int off, int len, Predicate<String> bare) {
        Cursor c = new Cursor(b, off, off + len);
        try {
            return c.event(bare);
        } catch (NotTheForm | IllegalArgumentException e) {
            return null; // IllegalArgumentException: a blank type, which the generic parser reports
        }
    }

    /** One pass over one line's JSON; every deviation from the written form throws {@link NotTheForm}. */
    private static final class Cursor {
        private final byte[] b;
        private final int end;
        private int p;

        Cursor(byte[] b, int from, int end) {
            this.b = b;
            this.p = from;
            this.end = end;
        }

        JournalEvent event(Predicate<String> bare) {
            expect('{');
            long seq = -1;
            Instant at = null;
            String type = null;
            String callId = null;
            String agentId = null;
            String queue = null;
            Map<String, String> attrs = Map.of();
            do {
                int keyFrom = p + 1;
                int keyEnd = plainString();
                expect(':');
                if (is(SEQ, keyFrom, keyEnd)) {
                    seq = number();
                } else if (is(AT, keyFrom, keyEnd)) {
                    at = instant();
                } else if (is(TYPE, keyFrom, keyEnd)) {
                    type = string(true);
                    // as the generic parser: seq, at, type come first, and an ignored type stops here
                    if (seq >= 0 && at != null && bare.test(type)) {
                        return new JournalEvent(seq, at, type, null, null, null, Map.of());
                    }
                } else if (is(CALL_ID, keyFrom, keyEnd)) {
                    callId = string(false);
                } else if (is(AGENT_ID, keyFrom, keyEnd)) {
                    agentId = string(false);
                } else if (is(QUEUE, keyFrom, keyEnd)) {
                    queue = string(false);
                } else if (is(ATTRS, keyFrom, keyEnd)) {
                    attrs = attrs();
                } else {
                    throw NotTheForm.INSTANCE; // a field the journal never writes
                }
            } while (comma());
            expect('}');
            if (p != end || seq < 0 || at == null || type == null || type.isBlank()) {
                throw NotTheForm.INSTANCE;
            }
            return new JournalEvent(seq, at, type, callId, agentId, queue, attrs);
        }

        /** {@code "attrs":{...}}: an object of strings, in a map of the exact size (no copy later). */
        private Map<String, String> attrs() {
            expect('{');
            if (peek() == '}') {
                p++;
                return Map.of();
            }
            String[] kv = new String[16];
            int n = 0;
            do {
                if (n == kv.length) {
                    kv = java.util.Arrays.copyOf(kv, n * 2);
                }
                kv[n++] = string(true);
                expect(':');
                kv[n++] = string(false);
            } while (comma());
            expect('}');
            try {
                return Maps.of(kv, n);
            } catch (IllegalArgumentException duplicate) {
                throw NotTheForm.INSTANCE; // the generic parser keeps the last: let it
            }
        }

        /** A non-negative decimal without sign, fraction, exponent or leading zero. */
        private long number() {
            int from = p;
            long v = 0;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                v = v * 10 + (b[p++] - '0');
            }
            int digits = p - from;
            if (digits == 0 || digits > MAX_SEQ_DIGITS || (digits > 1 && b[from] == '0')) {
                throw NotTheForm.INSTANCE;
            }
            return v;
        }

        /** The journal's own {@link Instant#toString()} form; anything else goes to the generic parser. */
        private Instant instant() {
            int from = p + 1;
            int to = plainString();
            Instant i = JournalTime.parse(b, from, to - from);
            if (i == null) {
                throw NotTheForm.INSTANCE;
            }
            return i;
        }

        /**
         * A string value: an ASCII string, or UTF-8 and escapes decoded strictly; with {@code known}
         * (event types, attribute keys) the one constant of {@link CallEventTypes} when it is one.
         */
        private String string(boolean known) {
            expect('"');
            int from = p;
            while (p < end) {
                // four bytes a turn while none ends the plain run: a short-lived JVM runs this with C1
                if (p + 4 <= end && !STOP[b[p] & 0xFF] && !STOP[b[p + 1] & 0xFF] && !STOP[b[p + 2] & 0xFF]
                        && !STOP[b[p + 3] & 0xFF]) {
                    p += 4;
                    continue;
                }
                byte c = b[p];
                if (c == '"') {
                    String k = known ? KNOWN.find(b, from, p) : null;
                    String s = k != null ? k : new String(b, from, p - from, StandardCharsets.ISO_8859_1);
                    p++;
                    return s;
                }
                if (c == '\\' || c < 0x20) { // c < 0: a byte of a UTF-8 sequence
                    p = from;
                    return decodedString();
                }
                p++;
            }
            throw NotTheForm.INSTANCE;
        }

        /**
         * The rest of a string with escapes or non-ASCII text: runs of bytes between escapes are
         * strict UTF-8 (an escape is ASCII, so it never splits a sequence), escapes as JSON defines
         * them; a control character or an escape JSON does not know is not the written form.
         */
        private String decodedString() {
            StringBuilder sb = new StringBuilder();
            int run = p;
            while (p < end) {
                byte c = b[p];
                if (c == '"') {
                    sb.append(utf8(b, run, p));
                    p++;
                    return sb.toString();
                }
                if (c >= 0 && c < 0x20) {
                    throw NotTheForm.INSTANCE;
                }
                if (c != '\\') {
                    p++;
                    continue;
                }
                sb.append(utf8(b, run, p));
                if (p + 1 >= end) {
                    throw NotTheForm.INSTANCE;
                }
                byte e = b[p + 1];
                p += 2;
                switch (e) {
                    case '"', '\\', '/' -> sb.append((char) e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> sb.append(hex4());
                    default -> throw NotTheForm.INSTANCE;
                }
                run = p;
            }
            throw NotTheForm.INSTANCE;
        }

        /** The four hex digits of a {@code \\u} escape as one UTF-16 unit (a lone surrogate too, as JSON allows). */
        private char hex4() {
            if (p + 4 > end) {
                throw NotTheForm.INSTANCE;
            }
            int v = 0;
            for (int i = 0; i < 4; i++) {
                int d = Character.digit(b[p++], 16);
                if (d < 0) {
                    throw NotTheForm.INSTANCE;
                }
                v = v << 4 | d;
            }
            return (char) v;
        }

        /**
         * Moves over a string of printable ASCII only (keys, the time) and returns where its text
         * ends, passing the closing quote.
         */
        private int plainString() {
            expect('"');
            while (p < end) {
                byte c = b[p];
                if (c == '"') {
                    return p++;
                }
                if (c == '\\' || c < 0x20) {
                    throw NotTheForm.INSTANCE;
                }
                p++;
            }
            throw NotTheForm.INSTANCE;
        }

        private boolean comma() {
            if (peek() == ',') {
                p++;
                return true;
            }
            return false;
        }

        private int peek() {
            if (p >= end) {
                throw NotTheForm.INSTANCE;
            }
            return b[p];
        }

        private void expect(char ch) {
            if (p >= end || b[p] != ch) {
                throw NotTheForm.INSTANCE;
            }
            p++;
        }

        private boolean is(byte[] name, int from, int to) {
            if (to - from != name.length) {
                return false;
            }
            for (int i = 0; i < name.length; i++) {
                if (b[from + i] != name[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Strict UTF-8 (a malformed sequence is not decoded with a replacement: the generic parser decides). */
    static String utf8(byte[] b, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw NotTheForm.INSTANCE;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Not the journal's written form: the generic parser reads this line. No stack trace, one instance. */
    private static final class NotTheForm extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotTheForm INSTANCE = new NotTheForm();

        private NotTheForm() {
            super(null, null, false, false);
        }
    }

    /** Immutable maps of exact size from key, value pairs; duplicates throw as {@link Map#of} does. */
    private static final class Maps {
        /** The first {@code n} of {@code kv} (keys and values in turn): {@link Map#of} up to five pairs, no entry objects. */
        @SuppressWarnings("unchecked")
        static Map<String, String> of(String[] kv, int n) {
            return switch (n) {
                case 2 -> Map.of(kv[0], kv[1]);
                case 4 -> Map.of(kv[0], kv[1], kv[2], kv[3]);
                case 6 -> Map.of(kv[0], kv[1], kv[2], kv[3], kv[4], kv[5]);
                case 8 -> Map.of(kv[0], kv[1], kv[2], kv[3], kv[4], kv[5], kv[6], kv[7]);
                case 10 -> Map.of(kv[0], kv[1], kv[2], kv[3], kv[4], kv[5], kv[6], kv[7], kv[8], kv[9]);
                default -> {
                    Map.Entry<String, String>[] entries = new Map.Entry[n / 2];
                    for (int i = 0; i < entries.length; i++) {
                        entries[i] = Map.entry(kv[2 * i], kv[2 * i + 1]);
                    }
                    yield Map.ofEntries(entries);
                }
            };
        }
    }

    /**
     * The public string constants of a class (event types, attribute keys) by their bytes: a small
     * open-addressing table, read-only after construction.
     */
    private record Known(byte[][] bytes, String[] strings) {
        static Known of(Class<?> constants) {
            List<String> values = new ArrayList<>();
            for (Field f : constants.getFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                    try {
                        values.add((String) f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            int size = Integer.highestOneBit(values.size() * 4);
            Known k = new Known(new byte[size][], new String[size]);
            for (String v : values) {
                byte[] bs = v.getBytes(StandardCharsets.ISO_8859_1);
                int i = hash(bs, 0, bs.length) & (size - 1);
                while (k.bytes[i] != null && !java.util.Arrays.equals(k.bytes[i], bs)) {
                    i = (i + 1) & (size - 1);
                }
                k.bytes[i] = bs;
                k.strings[i] = v;
            }
            return k;
        }

        String find(byte[] b, int from, int to) {
            int mask = bytes.length - 1;
            for (int i = hash(b, from, to) & mask; bytes[i] != null; i = (i + 1) & mask) {
                if (java.util.Arrays.equals(bytes[i], 0, bytes[i].length, b, from, to)) {
                    return strings[i];
                }
            }
            return null;
        }

        private static int hash(byte[] b, int from, int to) {
            int h = to - from;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            return h ^ (h >>> 7);
        }
    }
}
