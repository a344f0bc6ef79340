package io.branchbox.box.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.time.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily backup in virtual time: at the configured site hour, the newest N kept. */
class BackupScheduleTest {
    private static final ZoneId SITE = ZoneId.of("Asia/Shanghai");

    @Test
    void oneBackupADayAtTheSiteHourKeepingTheNewestN(@TempDir Path root) throws Exception {
        BoxDataFixture box = new BoxDataFixture(root);
        // 01:00 site time
        ManualScheduler time = new ManualScheduler(Instant.parse("2026-12-06T17:00:00Z"), SITE);
        BoxConfig.Backup settings = new BoxConfig.Backup(true, 3, 2, "backups", false);
        BackupSchedule schedule = new BackupSchedule(time, settings, SITE, box.data,
                new BackupWriter(box.files(), "1.2.3", time.clock()), DatabaseCopy.offline(box.data));
        schedule.start();
        Path dir = box.data.resolve("backups");

        time.advance(Duration.ofMinutes(119));
        assertEquals(List.of(), BackupSchedule.list(dir), "not before 03:00");
        time.advance(Duration.ofMinutes(1));
        assertEquals(1, BackupSchedule.list(dir).size());
        assertTrue(schedule.last().ok(), schedule.last().toString());
        time.advance(Duration.ofDays(3));
        List<Path> kept = BackupSchedule.list(dir);
        assertEquals(2, kept.size(), kept.toString());
        assertTrue(kept.get(1).getFileName().toString().endsWith("20261210-030000.tar"), kept.toString());
        schedule.close();
    }

    @Test
    void aFailedBackupIsReportedAndTriedAgainTheNextDay(@TempDir Path root) throws Exception {
        BoxDataFixture box = new BoxDataFixture(root);
        ManualScheduler time = new ManualScheduler(Instant.parse("2026-12-06T17:00:00Z"), SITE);
        BackupSchedule schedule = new BackupSchedule(time, new BoxConfig.Backup(true, 3, 7, "/proc/branchbox-no-such-usb", false),
                SITE, box.data, new BackupWriter(box.files(), "1.2.3", time.clock()), DatabaseCopy.offline(box.data));
        schedule.start();
        time.advance(Duration.ofHours(2));
        assertFalse(schedule.last().ok());
        time.advance(Duration.ofDays(1));
        assertEquals(Instant.parse("2026-12-07T19:00:00Z"), schedule.last().at().toInstant());
        schedule.close();
    }
}
