package io.branchbox.firmware.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * Encodes one {@link JournalEvent} as one journal line and back.
 *
 * <p>Line format (UTF-8): eight lower-case hex digits of the CRC32 of the JSON text, one space, the
 * JSON object, {@code '\n'}. Example: {@code 1c291ca3 {"seq":1,"at":"2026-01-01T00:00:00Z",...}}.
 * The JSON has {@code seq}, {@code at} (ISO-8601 instant), {@code type}, and when present
 * {@code callId}, {@code agentId}, {@code queue} and {@code attrs} (an object of strings). JSON
 * never contains a raw newline, so a line is an event. Thread-safe (stateless).
 */
public final class JournalCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int CRC_HEX = 8;

    private JournalCodec() {}

    /** The line for {@code e}, newline included. */
    public static byte[] encode(JournalEvent e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("seq", e.seq());
        n.put("at", e.at().toString());
        n.put("type", e.type());
        putIfPresent(n, "callId", e.callId());
        putIfPresent(n, "agentId", e.agentId());
        putIfPresent(n, "queue", e.queue());
        if (!e.attrs().isEmpty()) {
            ObjectNode a = n.putObject("attrs");
            // sorted so that the same event always gives the same bytes
            e.attrs().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(en -> a.put(en.getKey(), en.getValue()));
        }
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a tree of strings always serialises", ex);
        }
        byte[] crc = String.format("%08x ", crc32(json, 0, json.length)).getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[crc.length + json.length + 1];
        System.arraycopy(crc, 0, line, 0, crc.length);
        System.arraycopy(json, 0, line, crc.length, json.length);
        line[line.length - 1] = '\n';
        return line;
    }

    /** Decodes {@code len} bytes of one line, without its newline. */
    public static JournalEvent decode(byte[] buf, int off, int len) throws JournalFormatException {
        return decode(buf, off, len, type -> false);
    }

    /**
     * Like {@link #decode(byte[], int, int)}, but an event whose type {@code bare} accepts comes
     * back bare: its seq, at and type only (no ids, no attributes), the rest of the line not parsed.
     * For readers that ignore those types but still want their order and time. The CRC is always
     * checked over the whole line.
     */
    public static JournalEvent decode(byte[] buf, int off, int len, Predicate<String> bare) throws JournalFormatException {
        checkCrc(buf, off, len);
        // the written form by hand (JournalLine), anything else by the generic parser, which decides
        JournalEvent e = JournalLine.read(buf, off + CRC_HEX + 1, len - CRC_HEX - 1, bare);
        return e != null ? e : decodeJson(buf, off + CRC_HEX + 1, len - CRC_HEX - 1, bare);
    }

    /** {@link #decode(byte[], int, int, Predicate)} through the generic parser only: what {@link JournalLine} must equal. */
    static JournalEvent decodeGeneric(byte[] buf, int off, int len, Predicate<String> bare) throws JournalFormatException {
        checkCrc(buf, off, len);
        return decodeJson(buf, off + CRC_HEX + 1, len - CRC_HEX - 1, bare);
    }

    private static void checkCrc(byte[] buf, int off, int len) throws JournalFormatException {
        if (len < CRC_HEX + 3 || buf[off + CRC_HEX] != ' ') {
            throw new JournalFormatException("line of " + len + " bytes has no CRC prefix");
        }
        long expected = hex(buf, off);
        if (expected < 0) {
            try { // a sign or another odd form: read as it always was
                expected = Long.parseLong(new String(buf, off, CRC_HEX, StandardCharsets.US_ASCII), 16);
            } catch (NumberFormatException ex) {
                throw new JournalFormatException("CRC prefix is not hex", ex);
            }
        }
        long actual = crc32(buf, off + CRC_HEX + 1, len - CRC_HEX - 1);
        if (actual != expected) {
            throw new JournalFormatException(String.format("CRC mismatch: line says %08x, content gives %08x", expected, actual));
        }
    }

    /** The eight hex digits at {@code off}, or -1 if one is not a hex digit. */
    private static long hex(byte[] buf, int off) {
        long v = 0;
        for (int i = off; i < off + CRC_HEX; i++) {
            int c = buf[i];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    private static JournalEvent decodeJson(byte[] buf, int jsonOff, int jsonLen, Predicate<String> bare)
            throws JournalFormatException {
        try (JsonParser p = MAPPER.getFactory().createParser(buf, jsonOff, jsonLen)) {
            return fromJson(p, bare);
        } catch (java.io.IOException | DateTimeParseException | IllegalArgumentException | NullPointerException ex) {
            throw new JournalFormatException("CRC good but event malformed: " + ex.getMessage(), ex);
        }
    }

    /**
     * Reads the event with the streaming parser: no tree per line (a month of journal is over a
     * million lines, and building a tree for each cost more than reading the file).
     */
    private static JournalEvent fromJson(JsonParser p, Predicate<String> bare)
            throws java.io.IOException, JournalFormatException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new JournalFormatException("event is not a JSON object");
        }
        Long seq = null;
        String at = null;
        String type = null;
        String callId = null;
        String agentId = null;
        String queue = null;
        Map<String, String> attrs = Map.of();
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "seq" -> seq = t.isNumeric() ? p.getLongValue() : Long.valueOf(p.getValueAsString());
                case "at" -> at = scalar(p, t);
                case "type" -> {
                    type = scalar(p, t);
                    // the journal writes seq, at, type first: an ignored type stops here
                    if (seq != null && at != null && type != null && bare.test(type)) {
                        return new JournalEvent(seq, JournalTime.parse(at), type, null, null, null, Map.of());
                    }
                }
                case "callId" -> callId = scalar(p, t);
                case "agentId" -> agentId = scalar(p, t);
                case "queue" -> queue = scalar(p, t);
                case "attrs" -> attrs = attrs(p, t);
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
            throw new JournalFormatException("event is not one JSON object");
        }
        if (seq == null || at == null || type == null) {
            throw new JournalFormatException("event lacks seq, at or type");
        }
        return new JournalEvent(seq, JournalTime.parse(at), type, callId, agentId, queue, attrs);
    }

    /** A scalar's text (as the tree's {@code asText} gave it), null for JSON null. */
    private static String scalar(JsonParser p, JsonToken t) throws java.io.IOException, JournalFormatException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!t.isScalarValue()) {
            throw new JournalFormatException("field " + p.currentName() + " is not a scalar");
        }
        return p.getText();
    }

    private static Map<String, String> attrs(JsonParser p, JsonToken t) throws java.io.IOException, JournalFormatException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Map.of();
        }
        Map<String, String> attrs = new HashMap<>();
        String key;
        while ((key = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (v.isScalarValue()) {
                attrs.put(key, v == JsonToken.VALUE_NULL ? "null" : p.getText());
            } else {
                p.skipChildren();
                attrs.put(key, "");
            }
        }
        return attrs;
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static long crc32(byte[] b, int off, int len) {
        CRC32 crc = new CRC32();
        crc.update(b, off, len);
        return crc.getValue();
    }
}
