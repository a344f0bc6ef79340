package io.branchbox.firmware.recording;

import io.branchbox.time.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the recordings' disk from filling up, and says so loudly when it does.
 *
 * <ul>
 *   <li><b>Retention.</b> {@link #enforceRetention} deletes recordings finished more than
 *       {@link StorageSettings#retentionDays} ago, oldest first, never one under legal hold.
 *   <li><b>Alarms before deletion.</b> {@link #status} turns free space into a
 *       {@link StorageLevel}; the {@link Listener} hears every change. Nothing within retention
 *       is deleted because space runs low, unless the technician set
 *       {@link StorageSettings#deleteEarlyWhenCritical}; then {@link #relieveLowSpace} deletes
 *       the oldest unheld recordings until the level is better than CRITICAL.
 *   <li><b>Full disk.</b> The recorder keeps the calls going and only loses their audio; this
 *       class reports {@link StorageLevel#FULL} so the box shows it on the REC LED and MQTT.
 * </ul>
 *
 * <p>Each deletion removes the file first and then marks its catalog row deleted, logs it and
 * adds a {@link AccessAction#DELETE} entry under {@link AccessLog#SYSTEM}; a file that cannot be
 * removed keeps its row live (logged, retried next run). A power cut between the two steps
 * leaves a live row without its file, which the verifier reports as MISSING.
 *
 * <p>Threading: blocking (disk, database). Run {@link #maintain} periodically on the maintenance
 * scheduler ({@link #schedule}), not on the recording writer or call control; {@link #status}
 * and {@link #setLegalHold} may be called from the web admin's threads. Methods are synchronized
 * so a deletion run and a hold never interleave.
 */
public final class StoragePolicy {
    private static final Logger log = LoggerFactory.getLogger(StoragePolicy.class);
    private static final int DELETE_BATCH = 200;

    /** Hears storage level changes, on the thread that noticed them; must not block. */
    public interface Listener {
        void onLevelChanged(StorageLevel from, StorageStatus now);

        Listener NONE = (from, now) -> { };
    }

    private final RecordingCatalog catalog;
    private final AccessLog accessLog;
    private final FreeSpace freeSpace;
    private final Clock clock;
    private final Listener listener;
    private volatile StorageSettings settings;
    private volatile RetentionKeeper keeper = RetentionKeeper.NONE;
    private StorageLevel lastLevel = StorageLevel.OK;

    public StoragePolicy(RecordingCatalog catalog, AccessLog accessLog, FreeSpace freeSpace,
            StorageSettings settings, Clock clock, Listener listener) {
        this.catalog = catalog;
        this.accessLog = accessLog;
        this.freeSpace = freeSpace;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = clock;
        this.listener = listener;
    }

    /** Replaces the settings (config reload); applies from the next call. */
    public void setSettings(StorageSettings s) {
        settings = Objects.requireNonNull(s, "settings");
    }

    public StorageSettings settings() {
        return settings;
    }

    /** Who may keep recordings past retention (QA); applies from the next run. */
    public void setKeeper(RetentionKeeper k) {
        keeper = Objects.requireNonNull(k, "keeper");
    }

    /** Reads free space and the catalog's totals; tells the listener if the level changed. */
    public synchronized StorageStatus status() throws SQLException {
        RecordingCatalog.Totals t = catalog.totals();
        Instant now = clock.instant();
        StorageStatus s;
        try {
            long free = freeSpace.usableBytes();
            long total = freeSpace.totalBytes();
            s = new StorageStatus(now, free, total, settings.levelFor(free, total), t.live(), t.onHold(), t.oldest(), null);
        } catch (IOException e) {
            log.error("cannot read the free space of {}", catalog.recordingsDir(), e);
            s = new StorageStatus(now, 0, 0, StorageLevel.FULL, t.live(), t.onHold(), t.oldest(), e.toString());
        }
        if (s.level() != lastLevel) {
            StorageLevel from = lastLevel;
            lastLevel = s.level();
            logLevel(from, s);
            listener.onLevelChanged(from, s);
        }
        return s;
    }

    /**
     * Deletes every unheld recording beyond retention, oldest first, except those the
     * {@link RetentionKeeper} still needs. Returns their call ids.
     */
    public synchronized List<String> enforceRetention() throws SQLException {
        Instant cutoff = clock.instant().minus(Duration.ofDays(settings.retentionDays()));
        List<String> deleted = new ArrayList<>();
        for (CatalogEntry e : deletable(cutoff, Integer.MAX_VALUE)) {
            if (delete(e, "retention " + settings.retentionDays() + " days")) {
                deleted.add(e.callId());
            }
        }
        if (!deleted.isEmpty()) {
            log.info("retention: deleted {} recording(s) finished before {}", deleted.size(), cutoff);
        }
        return deleted;
    }

    /**
     * Up to {@code limit} unheld recordings finished before {@code cutoff} that the keeper does not
     * need, oldest first. Pages through the catalogue by finish time, so recordings kept for QA at
     * the front never hide the deletable ones behind them.
     */
    private List<CatalogEntry> deletable(Instant cutoff, int limit) throws SQLException {
        List<CatalogEntry> out = new ArrayList<>();
        Instant from = Instant.EPOCH;
        java.util.Set<String> seen = new java.util.HashSet<>();
        Instant now = clock.instant();
        while (out.size() < limit) {
            List<CatalogEntry> page = catalog.deletableBetween(from, cutoff, DELETE_BATCH);
            boolean progressed = false;
            for (CatalogEntry e : page) {
                if (seen.add(e.callId())) {
                    progressed = true;
                    if (!keeper.mustKeep(e.callId(), now) && out.size() < limit) {
                        out.add(e);
                    }
                }
            }
            if (page.size() < DELETE_BATCH || !progressed) {
                break;
            }
            from = page.get(page.size() - 1).finishedAt();
        }
        return out;
    }

    /**
     * When the technician allowed it and the level is CRITICAL or FULL, deletes the oldest unheld
     * recordings (even within retention) one at a time until the level is better than CRITICAL
     * or nothing deletable is left. Otherwise does nothing. Returns the deleted call ids.
     */
    public synchronized List<String> relieveLowSpace() throws SQLException {
        List<String> deleted = new ArrayList<>();
        if (!settings.deleteEarlyWhenCritical()) {
            return deleted;
        }
        while (status().level().compareTo(StorageLevel.CRITICAL) >= 0) {
            List<CatalogEntry> oldest = deletable(clock.instant(), 1);
            if (oldest.isEmpty() || !delete(oldest.get(0), "low space, early deletion allowed")) {
                log.error("storage still {} and nothing more may be deleted", lastLevel);
                break;
            }
            deleted.add(oldest.get(0).callId());
        }
        if (!deleted.isEmpty()) {
            log.warn("low space: deleted {} recording(s) within retention, as the technician allowed", deleted.size());
        }
        return deleted;
    }

    /** One maintenance run: retention, early deletion if allowed, then the status. */
    public synchronized StorageStatus maintain() throws SQLException {
        enforceRetention();
        relieveLowSpace();
        return status();
    }

    /**
     * Puts {@code callId}'s recording on legal hold (never deleted) or releases it, logged under
     * {@code user}. Returns false if the catalog has no such recording.
     */
    public synchronized boolean setLegalHold(String callId, boolean hold, String user) throws SQLException {
        if (!catalog.setLegalHold(callId, hold)) {
            return false;
        }
        accessLog.record(user, callId, hold ? AccessAction.HOLD : AccessAction.RELEASE);
        log.info("recording of call {} {} legal hold by {}", callId, hold ? "put on" : "released from", user);
        return true;
    }

    /**
     * Runs {@link #maintain} every {@code period} on {@code scheduler} (the maintenance one) and
     * hands the status to {@code sink} on that thread. Errors are logged; the next run retries.
     */
    public Scheduler.Timer schedule(Scheduler scheduler, Duration period, Consumer<StorageStatus> sink) {
        return scheduler.scheduleAtFixedRate(Duration.ZERO, period, () -> {
            try {
                sink.accept(maintain());
            } catch (SQLException e) {
                log.error("storage maintenance failed; retried in {}", period, e);
            }
        });
    }

    private boolean delete(CatalogEntry e, String reason) throws SQLException {
        Path file = catalog.resolve(e);
        try {
            if (!Files.deleteIfExists(file)) {
                log.warn("recording of call {}: {} was already gone", e.callId(), e.file());
            }
        } catch (IOException ex) {
            log.error("recording of call {}: cannot delete {}; kept in the catalog", e.callId(), file, ex);
            return false;
        }
        catalog.markDeleted(e.callId(), clock.instant(), reason);
        accessLog.record(AccessLog.SYSTEM, e.callId(), AccessAction.DELETE, reason + "; finished " + e.finishedAt());
        log.info("recording of call {} deleted ({}), finished {}: {}", e.callId(), reason, e.finishedAt(), e.file());
        return true;
    }

    private void logLevel(StorageLevel from, StorageStatus s) {
        String msg = "recording storage {} -> {}: {} MiB free ({} %), {} recording(s), oldest {}";
        Object[] args = {from, s.level(), s.freeBytes() >> 20, Math.round(s.freePercent()), s.recordings(), s.oldest()};
        if (s.level().compareTo(StorageLevel.CRITICAL) >= 0) {
            log.error(msg, args);
        } else if (s.level() == StorageLevel.WARN) {
            log.warn(msg, args);
        } else {
            log.info(msg, args);
        }
    }
}
