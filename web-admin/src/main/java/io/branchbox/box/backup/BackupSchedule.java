package io.branchbox.box.backup;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.time.Scheduler;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One backup a day at the configured hour (site time), into the configured directory (on the
 * data disk, or a mounted USB disk), keeping the newest {@code keep} backup files there.
 *
 * <p>Threading: everything runs on {@code scheduler}'s thread (the box's {@code backup} thread;
 * tests use virtual time), which may block on disk for minutes. A failed backup (a full disk, the
 * USB disk not mounted) is logged and shown in {@link #last()}; the next day's is tried again.
 */
public final class BackupSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

    /** How the last scheduled backup went, for the status page. */
    public record Result(ZonedDateTime at, boolean ok, String detail) {}

    private final Scheduler scheduler;
    private final BoxConfig.Backup settings;
    private final ZoneId zone;
    private final Path directory;
    private final BackupWriter writer;
    private final DatabaseCopy database;
    private final AtomicReference<Result> last = new AtomicReference<>();
    private volatile Scheduler.Timer next = Scheduler.Timer.NONE;
    private volatile boolean closed;

    public BackupSchedule(Scheduler scheduler, BoxConfig.Backup settings, ZoneId zone, Path dataDir, BackupWriter writer,
            DatabaseCopy database) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.zone = zone;
        this.directory = directory(dataDir, settings);
        this.writer = writer;
        this.database = database;
    }

    /** The backup directory: absolute as configured, else under the data directory. */
    public static Path directory(Path dataDir, BoxConfig.Backup settings) {
        Path d = Path.of(settings.directory());
        return d.isAbsolute() ? d : dataDir.resolve(d);
    }

    /** Schedules the next backup (nothing when the schedule is off). */
    public void start() {
        if (settings.enabled()) {
            scheduleNext();
        }
    }

    /** The last scheduled backup's outcome; null before the first. */
    public Result last() {
        return last.get();
    }

    private void scheduleNext() {
        if (closed) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(scheduler.clock().withZone(zone));
        ZonedDateTime at = now.toLocalDate().atTime(settings.hour(), 0).atZone(zone);
        if (!at.isAfter(now)) {
            at = at.plusDays(1);
        }
        next = scheduler.schedule(Duration.between(now, at), this::runOnce);
    }

    private void runOnce() {
        ZonedDateTime at = ZonedDateTime.now(scheduler.clock().withZone(zone));
        try {
            Path file = writer.write(directory, settings.recordings(), database);
            List<Path> removed = prune(directory, settings.keep());
            last.set(new Result(at, true, file.getFileName() + (removed.isEmpty() ? "" : ", " + removed.size() + " old removed")));
        } catch (BackupException e) {
            log.error("scheduled backup failed: {}", e.getMessage());
            last.set(new Result(at, false, e.getMessage()));
        } catch (IOException e) {
            log.error("old backups in {} could not be removed: {}", directory, e.getMessage());
            last.set(new Result(at, false, e.getMessage()));
        } finally {
            scheduleNext();
        }
    }

    /** Removes all but the newest {@code keep} backup files in {@code dir}; returns the removed ones. */
    public static List<Path> prune(Path dir, int keep) throws IOException {
        List<Path> backups = list(dir);
        List<Path> removed = new ArrayList<>();
        for (int i = 0; i < backups.size() - keep; i++) {
            Files.delete(backups.get(i));
            removed.add(backups.get(i));
        }
        return removed;
    }

    /** The backup files in {@code dir}, oldest first (their names end in the time they were made). */
    public static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, BackupWriter.PREFIX + "*" + BackupWriter.SUFFIX)) {
            ds.forEach(out::add);
        }
        out.sort(Comparator.comparing((Path p) -> stamp(p.getFileName().toString())));
        return out;
    }

    /** The {@code yyyyMMdd-HHmmss} at the end of a backup's name. */
    private static String stamp(String name) {
        String base = name.substring(0, name.length() - BackupWriter.SUFFIX.length());
        return base.length() >= 15 ? base.substring(base.length() - 15) : base;
    }

    @Override
    public void close() {
        closed = true;
        next.cancel();
    }
}
