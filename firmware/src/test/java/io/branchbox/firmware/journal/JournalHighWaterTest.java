package io.branchbox.firmware.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, problem 3: sequence numbers never go back, even when a segment loses its end. */
@Tag("faults")
class JournalHighWaterTest {

    @Test
    void aSegmentCutToHalfDoesNotMakeTheJournalReuseNumbers(@TempDir Path dir) throws IOException {
        long last = write(dir, 100);
        cutToHalf(onlySegment(dir));

        try (EventJournal j = EventJournal.open(dir, Clock.systemUTC())) {
            assertTrue(j.lastSeqAtOpen() < last, "the cut lost events");
            long seq = j.append("call.started", "NEW", null, null, Map.of());
            assertTrue(seq > last, "new event got seq " + seq + ", already used up to " + last);
            j.flush();
        }
    }

    @Test
    void aDamagedOrMissingMarkFallsBackToTheSegments(@TempDir Path dir) throws IOException {
        long last = write(dir, 10);
        Files.write(dir.resolve(HighWaterMark.FILE), new byte[] {1, 2, 3});
        try (EventJournal j = EventJournal.open(dir, Clock.systemUTC())) {
            assertEquals(last + 1, j.append("x.y", null, null, null, Map.of()));
            j.flush();
        }
        Files.delete(dir.resolve(HighWaterMark.FILE));
        try (EventJournal j = EventJournal.open(dir, Clock.systemUTC())) {
            assertEquals(last + 2, j.append("x.y", null, null, null, Map.of()));
            j.flush();
            List<Long> seqs = new ArrayList<>();
            j.replay(e -> seqs.add(e.seq()));
            assertEquals(last + 2, seqs.size());
        }
    }

    @Test
    void raisingTheFloorSkipsNumbersAndFlushDoesNotWaitForThem(@TempDir Path dir) throws IOException {
        try (EventJournal j = EventJournal.open(dir, Clock.systemUTC())) {
            assertTrue(j.raiseFloor(500));
            j.flush();
            assertEquals(501, j.append("x.y", null, null, null, Map.of()));
            j.flush();
            assertEquals(0, j.heldEvents());
        }
    }

    private static long write(Path dir, int n) throws IOException {
        long last = 0;
        try (EventJournal j = EventJournal.open(dir, Clock.systemUTC())) {
            for (int i = 0; i < n; i++) {
                last = j.append("call.started", "C" + i, null, null, Map.of("pad", "x".repeat(40)));
            }
            j.flush();
        }
        return last;
    }

    static Path onlySegment(Path dir) throws IOException {
        List<Path> segments = JournalSegments.list(dir);
        assertEquals(1, segments.size());
        return segments.get(0);
    }

    static void cutToHalf(Path segment) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
    }
}
