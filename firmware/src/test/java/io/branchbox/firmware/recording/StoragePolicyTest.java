package io.branchbox.firmware.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.time.ManualScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoragePolicyTest {
    private static final Instant NOW = Instant.parse("2026-09-01T03:00:00Z");
    private static final long GIB = 1L << 30;
    private static final long TOTAL = 100 * GIB;

    @TempDir
    Path dir;
    private CatalogFixture fx;
    private ManualScheduler scheduler;
    private AccessLog accessLog;
    private final SimulatedDisk disk = new SimulatedDisk();
    private final List<String> levelChanges = new ArrayList<>();

    /** A disk whose free space the test sets; deleting a recording frees what the test says. */
    static final class SimulatedDisk implements FreeSpace {
        volatile long free = 50 * GIB;
        volatile IOException failure;

        @Override
        public long usableBytes() throws IOException {
            if (failure != null) {
                throw failure;
            }
            return free;
        }

        @Override
        public long totalBytes() {
            return TOTAL;
        }
    }

    @BeforeEach
    void open() {
        fx = new CatalogFixture(dir);
        scheduler = new ManualScheduler(NOW, ZoneOffset.UTC);
        accessLog = new AccessLog(fx.db.dataSource(), scheduler.clock());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private StoragePolicy policy(StorageSettings s) {
        return new StoragePolicy(fx.catalog, accessLog, disk, s, scheduler.clock(),
                (from, now) -> levelChanges.add(from + "->" + now.level()));
    }

    @Test
    void retentionDeletesOnlyRecordingsBeyondItOldestFirstAndNeverOnHold() throws Exception {
        Path old1 = fx.addRecording("old1", NOW.minus(Duration.ofDays(200)), CatalogFixture.wav(320));
        Path old2 = fx.addRecording("old2", NOW.minus(Duration.ofDays(190)), CatalogFixture.wav(320));
        Path held = fx.addRecording("held", NOW.minus(Duration.ofDays(250)), CatalogFixture.wav(320));
        Path recent = fx.addRecording("recent", NOW.minus(Duration.ofDays(182)), CatalogFixture.wav(320));
        StoragePolicy p = policy(StorageSettings.DEFAULTS);
        assertTrue(p.setLegalHold("held", true, "auditor"));

        List<String> deleted = p.enforceRetention();

        assertEquals(List.of("old1", "old2"), deleted);
        assertFalse(Files.exists(old1));
        assertFalse(Files.exists(old2));
        assertTrue(Files.exists(held));
        assertTrue(Files.exists(recent));
        CatalogEntry e = fx.catalog.find("old1").orElseThrow();
        assertEquals(NOW, e.deletedAt());
        assertEquals("retention 183 days", e.deletedReason());
        List<AccessLog.Entry> log = accessLog.forCall("old1");
        assertEquals(1, log.size());
        assertEquals(AccessAction.DELETE, log.get(0).action());
        assertEquals(AccessLog.SYSTEM, log.get(0).user());
        assertEquals(AccessAction.HOLD, accessLog.forCall("held").get(0).action());
        assertEquals("auditor", accessLog.forCall("held").get(0).user());
    }

    @Test
    void recordingsAKeeperStillNeedsSurviveRetentionEvenInFrontOfMoreThanABatchOfOthers() throws Exception {
        // 250 kept ones are older than the one deletable: paging must look past them
        for (int i = 0; i < 250; i++) {
            fx.addRecording(String.format("kept%03d", i), NOW.minus(Duration.ofDays(300)).plusSeconds(i), CatalogFixture.wav(16));
        }
        Path gone = fx.addRecording("gone", NOW.minus(Duration.ofDays(200)), CatalogFixture.wav(16));
        StoragePolicy p = policy(StorageSettings.DEFAULTS);
        p.setKeeper((callId, now) -> callId.startsWith("kept") && now.equals(NOW));

        assertEquals(List.of("gone"), p.enforceRetention());

        assertFalse(Files.exists(gone));
        assertFalse(fx.catalog.find("kept000").orElseThrow().deleted());
        p.setKeeper(RetentionKeeper.NONE);
        assertEquals(250, p.enforceRetention().size(), "released by the keeper, they go at the next run");
    }

    @Test
    void releasedHoldMakesTheRecordingDeletableAgain() throws Exception {
        fx.addRecording("held", NOW.minus(Duration.ofDays(250)), CatalogFixture.wav(320));
        StoragePolicy p = policy(StorageSettings.DEFAULTS);
        p.setLegalHold("held", true, "auditor");
        assertTrue(p.enforceRetention().isEmpty());

        p.setLegalHold("held", false, "auditor");

        assertEquals(List.of("held"), p.enforceRetention());
        assertEquals(List.of(AccessAction.HOLD, AccessAction.RELEASE, AccessAction.DELETE),
                accessLog.forCall("held").stream().map(AccessLog.Entry::action).toList());
    }

    @Test
    void holdOnUnknownRecordingIsRefused() throws Exception {
        assertFalse(policy(StorageSettings.DEFAULTS).setLegalHold("nope", true, "auditor"));
        assertTrue(accessLog.forCall("nope").isEmpty());
    }

    @Test
    void levelsFollowFreeSpaceAndOnlyChangesAreReported() throws Exception {
        fx.addRecording("a", NOW.minus(Duration.ofDays(3)), CatalogFixture.wav(320));
        StoragePolicy p = policy(StorageSettings.DEFAULTS);

        StorageStatus ok = p.status();
        disk.free = 14 * GIB;
        StorageStatus warn = p.status();
        p.status();
        disk.free = 4 * GIB;
        StorageStatus critical = p.status();
        disk.free = 10L << 20;
        StorageStatus full = p.status();
        disk.free = 60 * GIB;
        p.status();

        assertEquals(StorageLevel.OK, ok.level());
        assertEquals(1, ok.recordings());
        assertEquals(NOW.minus(Duration.ofDays(3)), ok.oldest());
        assertFalse(ok.alarm());
        assertEquals(StorageLevel.WARN, warn.level());
        assertEquals(14.0, warn.freePercent(), 0.001);
        assertEquals(StorageLevel.CRITICAL, critical.level());
        assertEquals(StorageLevel.FULL, full.level());
        assertTrue(full.alarm());
        assertEquals(List.of("OK->WARN", "WARN->CRITICAL", "CRITICAL->FULL", "FULL->OK"), levelChanges);
    }

    @Test
    void lowSpaceDeletesNothingWithinRetentionUnlessAllowed() throws Exception {
        Path a = fx.addRecording("a", NOW.minus(Duration.ofDays(30)), CatalogFixture.wav(320));
        disk.free = 1 * GIB;
        StoragePolicy p = policy(StorageSettings.DEFAULTS);

        StorageStatus s = p.maintain();

        assertEquals(StorageLevel.CRITICAL, s.level());
        assertTrue(Files.exists(a));
        assertNull(fx.catalog.find("a").orElseThrow().deletedAt());
    }

    @Test
    void allowedEarlyDeletionFreesOldestUnheldUntilNoLongerCritical() throws Exception {
        List<Path> files = List.of(
                fx.addRecording("oldest", NOW.minus(Duration.ofDays(40)), CatalogFixture.wav(320)),
                fx.addRecording("held", NOW.minus(Duration.ofDays(35)), CatalogFixture.wav(320)),
                fx.addRecording("middle", NOW.minus(Duration.ofDays(30)), CatalogFixture.wav(320)),
                fx.addRecording("newest", NOW.minus(Duration.ofDays(1)), CatalogFixture.wav(320)));
        // 3 GiB free (3 %), and each deleted file frees 1.5 GiB: two deletions reach 6 %
        FreeSpace freeing = new FreeSpace() {
            @Override
            public long usableBytes() {
                long gone = files.stream().filter(f -> !Files.exists(f)).count();
                return 3 * GIB + gone * (3 * GIB / 2);
            }

            @Override
            public long totalBytes() {
                return TOTAL;
            }
        };
        StoragePolicy p = new StoragePolicy(fx.catalog, accessLog, freeing,
                new StorageSettings(183, 15, 5, 64L << 20, true), scheduler.clock(), StoragePolicy.Listener.NONE);
        p.setLegalHold("held", true, "auditor");

        List<String> deleted = p.relieveLowSpace();

        assertEquals(List.of("oldest", "middle"), deleted);
        assertNull(fx.catalog.find("held").orElseThrow().deletedAt());
        assertNull(fx.catalog.find("newest").orElseThrow().deletedAt());
        assertEquals("low space, early deletion allowed", fx.catalog.find("oldest").orElseThrow().deletedReason());
        assertEquals(StorageLevel.WARN, p.status().level());
    }

    @Test
    void unreadableFreeSpaceIsReportedAsFull() throws Exception {
        disk.failure = new IOException("device gone");
        StorageStatus s = policy(StorageSettings.DEFAULTS).status();

        assertEquals(StorageLevel.FULL, s.level());
        assertTrue(s.problem().contains("device gone"));
        assertEquals(List.of("OK->FULL"), levelChanges);
    }

    @Test
    void scheduledMaintenanceRunsAtOnceAndThenPeriodically() throws Exception {
        fx.addRecording("old", NOW.minus(Duration.ofDays(183)).plus(Duration.ofMinutes(30)), CatalogFixture.wav(320));
        List<StorageStatus> seen = new ArrayList<>();
        var timer = policy(StorageSettings.DEFAULTS).schedule(scheduler, Duration.ofHours(1), seen::add);

        scheduler.runPending();
        assertEquals(1, seen.size());
        assertEquals(1, seen.get(0).recordings());
        scheduler.advance(Duration.ofHours(1));
        timer.cancel();

        assertEquals(2, seen.size());
        assertEquals(0, seen.get(1).recordings());
    }

    @Test
    void inconsistentThresholdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StorageSettings(183, 5, 15, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new StorageSettings(0, 15, 5, 0, false));
    }
}
