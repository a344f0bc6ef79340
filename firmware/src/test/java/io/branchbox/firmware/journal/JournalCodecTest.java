package io.branchbox.firmware.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalCodecTest {
    private static final JournalEvent EVENT = new JournalEvent(7, Instant.parse("2026-01-01T08:00:00.020Z"),
            "call.offered", "c-1", "a-9", "sales", Map.of("seat", "3", "note", "line\nbreak"));

    /** The exact line for a small event: CRC32 hex of the JSON, a space, the JSON, a newline. */
    private static final String SMALL_LINE =
            "fa225c6c "                          // CRC32 of the JSON text, 8 hex digits, then one space
            + "{\"seq\":1,"                       // sequence number assigned by the journal
            + "\"at\":\"2026-01-01T00:00:00Z\","  // instant, ISO-8601
            + "\"type\":\"agent.state\","        // open event type
            + "\"agentId\":\"a-1\","             // callId and queue absent: omitted
            + "\"attrs\":{\"state\":\"READY\"}}" // attributes, keys sorted
            + "\n";                               // one event per line

    @Test
    void roundTripKeepsEveryField() throws Exception {
        byte[] line = JournalCodec.encode(EVENT);
        assertEquals('\n', line[line.length - 1]);
        assertEquals(EVENT, JournalCodec.decode(line, 0, line.length - 1));
    }

    @Test
    void encodesTheDocumentedLayout() throws Exception {
        JournalEvent e = new JournalEvent(1, Instant.parse("2026-01-01T00:00:00Z"), "agent.state",
                null, "a-1", null, Map.of("state", "READY"));
        byte[] line = JournalCodec.encode(e);
        assertArrayEquals(SMALL_LINE.getBytes(StandardCharsets.UTF_8), line);
        assertEquals(e, JournalCodec.decode(line, 0, line.length - 1));
    }

    @Test
    void flippedBitIsRejected() {
        byte[] line = JournalCodec.encode(EVENT);
        line[20] ^= 0x01;
        assertThrows(JournalFormatException.class, () -> JournalCodec.decode(line, 0, line.length - 1));
    }

    @Test
    void truncatedLineIsRejected() {
        byte[] line = JournalCodec.encode(EVENT);
        assertThrows(JournalFormatException.class, () -> JournalCodec.decode(line, 0, line.length / 2));
        assertThrows(JournalFormatException.class, () -> JournalCodec.decode(line, 0, 5));
    }

    @Test
    void aBareTypeKeepsSeqAtAndTypeOnlyAndTheCrcIsStillChecked() throws Exception {
        byte[] line = JournalCodec.encode(EVENT);
        JournalEvent bare = JournalCodec.decode(line, 0, line.length - 1, "call.offered"::equals);
        assertEquals(new JournalEvent(7, EVENT.at(), "call.offered", null, null, null, Map.of()), bare);
        assertEquals(EVENT, JournalCodec.decode(line, 0, line.length - 1, "call.ended"::equals));
        line[line.length - 5] ^= 0x01; // in the attributes, which a bare decode does not parse
        assertThrows(JournalFormatException.class,
                () -> JournalCodec.decode(line, 0, line.length - 1, "call.offered"::equals));
    }
}
