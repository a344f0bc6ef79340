package io.branchbox.firmware.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigRevisionsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC);

    @Test
    void aSaveIsANewRevisionWithAnAuditRecordOfWhatChanged(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("box.json");
        BoxConfig d = ConfigDocuments.defaults();
        ConfigDocuments.write(doc, d);
        ConfigRevisions r = ConfigRevisions.open(doc, d, CLOCK, 10);
        BoxConfig edited = d.withRecording(new BoxConfig.Recording("recordings", 90, d.recording().recordIvr()));
        ConfigRevisions.Saved s = r.save(edited, 1, "tech", ConfigRevisions.Action.SAVE);
        assertEquals(2, s.config().revision());
        assertEquals(s.config(), ConfigDocuments.read(doc));
        assertEquals(List.of(new ConfigDiff.Change("recording.retentionDays", "183", "90")), s.record().orElseThrow().changes());
        ConfigRevisions.AuditRecord a = r.history(10).get(0);
        assertEquals("tech", a.user());
        assertEquals(CLOCK.instant(), a.at());
        assertEquals("recording.retentionDays: 183 → 90", a.changes().get(0).toString());
        assertEquals(d, r.revision(1).orElseThrow().withRevision(1));
        assertEquals(List.of(2L, 1L), r.kept());
    }

    @Test
    void aStaleRevisionIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("box.json");
        BoxConfig d = ConfigDocuments.defaults();
        ConfigDocuments.write(doc, d);
        ConfigRevisions r = ConfigRevisions.open(doc, d, CLOCK, 10);
        r.save(d.withRecording(new BoxConfig.Recording("recordings", 90, false)), 1, "a", ConfigRevisions.Action.SAVE);
        String before = Files.readString(doc);
        ConfigRevisions.StaleRevisionException e = assertThrows(ConfigRevisions.StaleRevisionException.class,
                () -> r.save(d.withRecording(new BoxConfig.Recording("recordings", 30, false)), 1, "b",
                        ConfigRevisions.Action.SAVE));
        assertEquals(2, e.current());
        assertTrue(e.getMessage().startsWith("someone else changed"));
        assertEquals(before, Files.readString(doc));
        assertEquals(1, r.history(10).size());
    }

    @Test
    void anUnchangedSaveMakesNoRevisionAndOnlyTheNewestAreKept(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("box.json");
        BoxConfig d = ConfigDocuments.defaults();
        ConfigDocuments.write(doc, d);
        ConfigRevisions r = ConfigRevisions.open(doc, d, CLOCK, 3);
        assertTrue(r.save(d, 1, "a", ConfigRevisions.Action.SAVE).record().isEmpty());
        for (int days = 10; days < 15; days++) {
            BoxConfig live = r.current();
            r.save(live.withRecording(new BoxConfig.Recording("recordings", days, false)), live.revision(), "a",
                    ConfigRevisions.Action.SAVE);
        }
        assertEquals(List.of(6L, 5L, 4L), r.kept());
        assertEquals(5, r.history(50).size());
    }
}
