package io.branchbox.firmware.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner reads in bulk: lines that straddle its reads must come out whole, bad ones counted. */
class SegmentScannerTest {
    @TempDir
    Path dir;

    @Test
    void linesOfEverySizeAcrossReadBoundariesComeOutWhole() throws IOException {
        Random r = new Random(7);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<JournalEvent> written = new ArrayList<>();
        for (int seq = 1; seq <= 400; seq++) {
            // mostly short lines, some of tens of kilobytes, one of 300 KB: many cross the 64 KB reads
            int size = seq == 200 ? 300_000 : r.nextInt(10) == 0 ? r.nextInt(70_000) : r.nextInt(80);
            JournalEvent e = new JournalEvent(seq, Instant.ofEpochSecond(1_790_000_000L + seq, seq * 1_000_000L),
                    "call.note", "c-" + seq, seq % 3 == 0 ? null : "a-1", null, Map.of("text", "x".repeat(size)));
            written.add(e);
            file.writeBytes(JournalCodec.encode(e));
        }
        Path segment = dir.resolve("journal-00000000000000000001.log");
        Files.write(segment, file.toByteArray());

        List<JournalEvent> read = new ArrayList<>();
        SegmentScanner.Result res = SegmentScanner.scan(segment, read::add);

        assertEquals(written, read);
        assertEquals(0, res.corruptLines());
        assertEquals(0, res.tailBytes());
        assertEquals(400, res.lastSeq());
    }

    @Test
    void corruptAndOverlongLinesAreCountedAndATornTailIsLeftOver() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(JournalCodec.encode(event(1)));
        byte[] bad = JournalCodec.encode(event(2));
        bad[15] ^= 1; // CRC no longer matches
        file.writeBytes(bad);
        file.writeBytes("z".repeat(SegmentScanner.MAX_LINE + 70_000).getBytes(StandardCharsets.US_ASCII));
        file.write('\n'); // a garbage line too long to be an event
        file.writeBytes(JournalCodec.encode(event(3)));
        int validEnd = file.size();
        byte[] torn = JournalCodec.encode(event(4));
        file.write(torn, 0, torn.length - 9); // power cut in the middle of the last line
        Path segment = dir.resolve("journal-00000000000000000001.log");
        Files.write(segment, file.toByteArray());

        List<JournalEvent> read = new ArrayList<>();
        SegmentScanner.Result res = SegmentScanner.scan(segment, read::add);

        assertEquals(List.of(event(1), event(3)), read);
        assertEquals(2, res.corruptLines());
        assertEquals(validEnd, res.validEnd());
        assertEquals(torn.length - 9, res.tailBytes());
        assertEquals(3, res.lastSeq());
    }

    /** The eight-bytes-a-turn search finds every newline at every offset, and none where there is none. */
    @org.junit.jupiter.api.Test
    void theNewlineSearchFindsEveryPositionAndEnd() {
        for (int len = 0; len <= 40; len++) {
            for (int from = 0; from <= len; from++) {
                byte[] none = new byte[len];
                java.util.Arrays.fill(none, (byte) 'x');
                assertEquals(-1, SegmentScanner.newline(none, from, len), len + "/" + from);
                for (int at = from; at < len; at++) {
                    byte[] b = none.clone();
                    b[at] = '\n';
                    if (at + 3 < len) {
                        b[at + 3] = '\n'; // a later one must not win
                    }
                    assertEquals(at, SegmentScanner.newline(b, from, len), len + "/" + from + "/" + at);
                    assertEquals(-1, SegmentScanner.newline(b, from, at), "the end is exclusive");
                }
            }
        }
    }

    private static JournalEvent event(long seq) {
        return new JournalEvent(seq, Instant.parse("2026-11-01T08:00:00Z").plusSeconds(seq), "agent.state", null,
                "a-1", null, Map.of("state", "READY"));
    }
}
