package io.branchbox.firmware.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJournalTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void appendedEventsAreReplayedInOrderWithTheirSequenceNumbers() throws IOException {
        try (EventJournal j = EventJournal.open(dir, CLOCK)) {
            assertEquals(1, j.append("call.started", "c1", null, null, Map.of("trunk", "span0/ts1")));
            assertEquals(2, j.append("call.queued", "c1", null, "sales", null));
            assertEquals(3, j.append("agent.state", null, "a1", null, Map.of("state", "READY")));
            j.flush();
            assertEquals(3, j.durableSeq());
            List<JournalEvent> seen = replayAll(j);
            assertEquals(List.of(1L, 2L, 3L), seen.stream().map(JournalEvent::seq).toList());
            assertEquals("span0/ts1", seen.get(0).attr("trunk"));
            assertEquals("sales", seen.get(1).queue());
            assertEquals(Instant.parse("2026-03-02T10:00:00Z"), seen.get(2).at());
        }
    }

    @Test
    void reopenedJournalContinuesTheSequence() throws IOException {
        try (EventJournal j = EventJournal.open(dir, CLOCK)) {
            j.append("call.started", "c1", null, null, null);
            j.append("call.ended", "c1", null, null, null);
        }
        try (EventJournal j = EventJournal.open(dir, CLOCK)) {
            assertEquals(3, j.append("call.started", "c2", null, null, null));
            j.flush();
            assertEquals(3, replayAll(j).size());
        }
    }

    @Test
    void closeWritesEverythingAppendedWithoutFlush() throws IOException {
        EventJournal j = EventJournal.open(dir, CLOCK);
        for (int i = 0; i < 500; i++) {
            j.append("call.started", "c" + i, null, null, null);
        }
        j.close();
        assertThrows(IllegalStateException.class, () -> j.append("call.started", "late", null, null, null));
        try (EventJournal again = EventJournal.open(dir, CLOCK)) {
            assertEquals(500, replayAll(again).size());
        }
    }

    @Test
    void tornTailIsCutAtStartUpAndNewEventsFollowTheLastGoodOne() throws IOException {
        try (EventJournal j = EventJournal.open(dir, CLOCK)) {
            j.append("call.started", "c1", null, null, null);
            j.append("call.answered", "c1", null, null, null);
        }
        Path segment = JournalSegments.list(dir).get(0);
        long goodSize = Files.size(segment);
        byte[] whole = JournalCodec.encode(JournalEvent.ofCall(CLOCK.instant(), "call.ended", "c1", null).withSeq(3));
        // a power cut in the middle of writing line 3
        Files.write(segment, java.util.Arrays.copyOf(whole, whole.length / 2), StandardOpenOption.APPEND);

        try (EventJournal j = EventJournal.open(dir, CLOCK)) {
            assertEquals(goodSize, Files.size(segment));
            assertEquals(3, j.append("call.ended", "c1", null, null, null));
            j.flush();
            List<JournalEvent> seen = replayAll(j);
            assertEquals(List.of("call.started", "call.answered", "call.ended"),
                    seen.stream().map(JournalEvent::type).toList());
        }
    }

    @Test
    void completeLineWithBadCrcAtTheEndIsAlsoCut() throws IOException {
        try (EventJournal j = EventJournal.open(dir, CLOCK)) {
            j.append("call.started", "c1", null, null, null);
        }
        Path segment = JournalSegments.list(dir).get(0);
        long goodSize = Files.size(segment);
        Files.write(segment, "00000000 {\"seq\":2}\n\0\0\0\0".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        try (EventJournal j = EventJournal.open(dir, CLOCK)) {
            assertEquals(goodSize, Files.size(segment));
            assertEquals(2, j.append("call.ended", "c1", null, null, null));
        }
    }

    @Test
    void corruptLineInsideTheFileIsSkippedButLaterEventsSurvive() throws IOException {
        try (EventJournal j = EventJournal.open(dir, CLOCK)) {
            j.append("call.started", "c1", null, null, null);
            j.append("call.answered", "c1", null, null, null);
            j.append("call.ended", "c1", null, null, null);
        }
        Path segment = JournalSegments.list(dir).get(0);
        byte[] bytes = Files.readAllBytes(segment);
        int secondLine = indexOf(bytes, (byte) '\n') + 1;
        bytes[secondLine + 30] ^= 0x20;
        Files.write(segment, bytes);
        try (EventJournal j = EventJournal.open(dir, CLOCK)) {
            assertEquals(bytes.length, Files.size(segment));
            assertEquals(List.of(1L, 3L), replayAll(j).stream().map(JournalEvent::seq).toList());
            assertEquals(4, j.append("call.started", "c2", null, null, null));
        }
    }

    @Test
    void segmentsRotateBySizeAndReplayAcrossThem() throws IOException {
        try (EventJournal j = EventJournal.open(dir, CLOCK, 300)) {
            for (int i = 0; i < 20; i++) {
                j.append("call.started", "c" + i, null, null, null);
                j.flush();
            }
        }
        List<Path> segments = JournalSegments.list(dir);
        assertTrue(segments.size() > 3, "expected rotation, got " + segments);
        try (EventJournal j = EventJournal.open(dir, CLOCK, 300)) {
            List<JournalEvent> seen = replayAll(j);
            assertEquals(20, seen.size());
            for (int i = 0; i < 20; i++) {
                assertEquals(i + 1, seen.get(i).seq());
                assertEquals("c" + i, seen.get(i).callId());
            }
            List<Long> fromSeven = new ArrayList<>();
            j.replay(7, e -> fromSeven.add(e.seq()));
            assertEquals(java.util.stream.LongStream.rangeClosed(7, 20).boxed().toList(), fromSeven);
            assertEquals(21, j.append("call.started", "c20", null, null, null));
        }
    }

    @Test
    void diskFullHoldsEventsInMemoryAndWritesThemWholeWhenSpaceReturns() throws IOException {
        FlakyChannel[] channel = new FlakyChannel[1];
        try (EventJournal j = EventJournal.open(dir, CLOCK, EventJournal.DEFAULT_SEGMENT_BYTES,
                segment -> channel[0] = new FlakyChannel(SegmentWriter.Opener.DEFAULT.open(segment)))) {
            j.append("call.started", "c1", null, null, null);
            j.flush();
            channel[0].full = true;
            j.append("call.answered", "c1", null, null, null);
            IOException e = assertThrows(IOException.class, j::flush);
            assertTrue(e.getMessage().contains("not durable"), e.getMessage());
            assertEquals(1, j.durableSeq());

            channel[0].full = false;
            j.append("call.ended", "c1", null, null, null);
            j.flush();
            assertEquals(3, j.durableSeq());
        }
        try (EventJournal j = EventJournal.open(dir, CLOCK)) {
            assertEquals(List.of("call.started", "call.answered", "call.ended"),
                    replayAll(j).stream().map(JournalEvent::type).toList());
        }
    }

    @Test
    void flushFromAListenerIsRefusedInsteadOfDeadlocking() throws IOException {
        try (EventJournal j = EventJournal.open(dir, CLOCK)) {
            List<Exception> seen = new CopyOnWriteArrayList<>();
            j.addListener(e -> {
                try {
                    j.flush();
                } catch (IOException | IllegalStateException ex) {
                    seen.add(ex);
                }
            });
            j.append("call.started", "c1", null, null, null);
            j.flush();
            assertEquals(1, seen.size());
            assertTrue(seen.get(0) instanceof IllegalStateException);
        }
    }

    @Test
    void listenersSeeEachEventOnceAfterItIsDurable() throws IOException {
        try (EventJournal j = EventJournal.open(dir, CLOCK)) {
            List<JournalEvent> seen = new CopyOnWriteArrayList<>();
            List<Boolean> onDisk = new CopyOnWriteArrayList<>();
            j.addListener(e -> {
                seen.add(e);
                onDisk.add(inFile(e));
            });
            j.append("call.started", "c1", null, null, null);
            j.append("call.ended", "c1", null, null, null);
            j.flush();
            assertEquals(List.of(1L, 2L), seen.stream().map(JournalEvent::seq).toList());
            assertEquals(List.of(true, true), onDisk);
        }
    }

    @Test
    void failingListenerDoesNotStopTheJournal() throws IOException {
        try (EventJournal j = EventJournal.open(dir, CLOCK)) {
            j.addListener(e -> {
                throw new IllegalStateException("projection bug");
            });
            j.append("call.started", "c1", null, null, null);
            j.flush();
            j.append("call.ended", "c1", null, null, null);
            j.flush();
            assertEquals(2, j.durableSeq());
        }
    }

    private boolean inFile(JournalEvent e) {
        try {
            List<JournalEvent> all = new ArrayList<>();
            for (Path s : JournalSegments.list(dir)) {
                SegmentScanner.scan(s, all::add);
            }
            return all.contains(e);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<JournalEvent> replayAll(EventJournal j) throws IOException {
        List<JournalEvent> out = new ArrayList<>();
        j.replay(out::add);
        return out;
    }

    private static int indexOf(byte[] b, byte v) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
