package io.branchbox.firmware.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
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
        if (len < CRC_HEX + 3 || buf[off + CRC_HEX] != ' ') {
            throw new JournalFormatException("line of " + len + " bytes has no CRC prefix");
        }
        long expected;
        try {
            expected = Long.parseLong(new String(buf, off, CRC_HEX, StandardCharsets.US_ASCII), 16);
        } catch (NumberFormatException ex) {
            throw new JournalFormatException("CRC prefix is not hex", ex);
        }
        int jsonOff = off + CRC_HEX + 1;
        int jsonLen = len - CRC_HEX - 1;
        long actual = crc32(buf, jsonOff, jsonLen);
        if (actual != expected) {
            throw new JournalFormatException(String.format("CRC mismatch: line says %08x, content gives %08x", expected, actual));
        }
        try {
            return fromJson(MAPPER.readTree(buf, jsonOff, jsonLen));
        } catch (java.io.IOException | DateTimeParseException | IllegalArgumentException | NullPointerException ex) {
            throw new JournalFormatException("CRC good but event malformed: " + ex.getMessage(), ex);
        }
    }

    private static JournalEvent fromJson(JsonNode n) throws JournalFormatException {
        JsonNode seq = n.get("seq");
        JsonNode at = n.get("at");
        JsonNode type = n.get("type");
        if (seq == null || at == null || type == null) {
            throw new JournalFormatException("event lacks seq, at or type");
        }
        Map<String, String> attrs = new HashMap<>();
        JsonNode a = n.get("attrs");
        if (a != null) {
            for (Map.Entry<String, JsonNode> en : a.properties()) {
                attrs.put(en.getKey(), en.getValue().asText());
            }
        }
        return new JournalEvent(seq.asLong(), Instant.parse(at.asText()), type.asText(),
                text(n, "callId"), text(n, "agentId"), text(n, "queue"), attrs);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
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
