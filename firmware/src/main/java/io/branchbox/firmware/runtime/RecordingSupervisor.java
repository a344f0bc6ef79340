package io.branchbox.firmware.runtime;

import io.branchbox.time.ThreadNames;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.recording.AccessLog;
import io.branchbox.firmware.recording.CoverageReport;
import io.branchbox.firmware.recording.DiskReserve;
import io.branchbox.firmware.recording.FreeSpace;
import io.branchbox.firmware.recording.RecordingCatalog;
import io.branchbox.firmware.recording.RecordingProjector;
import io.branchbox.firmware.recording.RecordingVerifier;
import io.branchbox.firmware.recording.RetentionKeeper;
import io.branchbox.firmware.recording.StorageLevel;
import io.branchbox.firmware.recording.StoragePolicy;
import io.branchbox.firmware.recording.StorageSettings;
import io.branchbox.firmware.recording.StorageStatus;
import io.branchbox.time.ExecutorScheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the recordings trustworthy in the background: catalogues every finished recording from
 * the journal, re-checks checksums, computes today's coverage (answered calls with a complete
 * recording) and applies the storage policy (retention, low-space levels).
 *
 * <p>Threading: all of it runs on its own {@code recording-maintenance} thread, never on the
 * recording writer, call control or the audio path; results are published as volatile values for
 * the snapshot.
 */
final class RecordingSupervisor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RecordingSupervisor.class);
    private static final Duration STORAGE_PERIOD = Duration.ofMinutes(1);
    private static final Duration COVERAGE_PERIOD = Duration.ofMinutes(1);

    private final ExecutorScheduler maintenance;
    private final RecordingCatalog catalog;
    private final StoragePolicy policy;
    private final CoverageReport coverage;
    private final ZoneId zone;
    private final Clock clock;
    private final RecordingHealth writerHealth;
    private volatile StorageStatus storage;
    private volatile CoverageReport.Coverage today;
    private volatile DiskReserve reserve;

    /** The retention of a changed configuration, from the next storage check on. */
    void setRetentionDays(int days) {
        policy.setSettings(policy.settings().withRetentionDays(days));
    }

    RecordingSupervisor(DataSource ds, EventJournal journal, Path recordingsDir, int retentionDays, Clock clock,
            RecordingHealth writerHealth) throws IOException, SQLException {
        this.zone = clock.getZone();
        this.clock = clock;
        this.writerHealth = writerHealth;
        this.catalog = new RecordingCatalog(ds, recordingsDir);
        new RecordingProjector(ds, catalog).attach(journal);
        AccessLog access = new AccessLog(ds, clock);
        this.policy = new StoragePolicy(catalog, access, FreeSpace.of(recordingsDir),
                StorageSettings.DEFAULTS.withRetentionDays(retentionDays), clock, this::levelChanged);
        this.coverage = new CoverageReport(ds, clock);
        this.maintenance = new ExecutorScheduler(ThreadNames.RECORDING_MAINTENANCE, clock);
        RecordingVerifier verifier = new RecordingVerifier(catalog, clock);
        // the newest recordings first, and the whole catalogue within a day however full the disk
        verifier.schedule(maintenance, RecordingVerifier.Sweep.DEFAULT, report -> {
            if (!report.clean()) {
                log.error("recording verification found problems: {}; orphans {}", report.problems(), report.orphans());
            }
        });
        policy.schedule(maintenance, STORAGE_PERIOD, s -> {
            storage = s;
            DiskReserve r = reserve;
            if (r != null) {
                r.keepBallast();
            }
        });
        maintenance.scheduleAtFixedRate(Duration.ZERO, COVERAGE_PERIOD, this::updateCoverage);
        writerHealth.onDiskTrouble(() -> maintenance.execute(this::refreshStorage));
    }

    /**
     * Keeps {@code r}'s ballast written from the next storage check on. When the disk was full at
     * start ({@code fullAtStart}), first runs the storage policy here, on the calling (start-up)
     * thread, before the box takes calls, and returns the status after it; otherwise null.
     */
    StorageStatus keepReserve(DiskReserve r, boolean fullAtStart) throws SQLException {
        reserve = r;
        if (!fullAtStart) {
            return null;
        }
        StorageStatus after = policy.maintain();
        storage = after;
        r.keepBallast();
        return after;
    }

    /** The recording catalogue (QA reads which recordings are still there). */
    RecordingCatalog catalog() {
        return catalog;
    }

    /** Recordings {@code keeper} still needs survive retention (QA keeps what it scored). */
    void keepFor(RetentionKeeper keeper) {
        policy.setKeeper(keeper);
    }

    private void updateCoverage() {
        try {
            CoverageReport.Coverage c = coverage.forDay(LocalDate.now(clock), zone);
            if (!c.ok() && (today == null || today.gaps().size() != c.gaps().size())) {
                log.error("recording coverage below 100 %: {}", c.alarmText());
            }
            today = c;
        } catch (SQLException e) {
            log.error("recording coverage could not be computed: {}", e.getMessage());
        }
    }

    private void refreshStorage() {
        try {
            storage = policy.status();
        } catch (SQLException e) {
            log.error("storage status could not be read: {}", e.getMessage());
        }
    }

    private void levelChanged(StorageLevel from, StorageStatus now) {
        if (now.level().compareTo(from) > 0) {
            log.error("recording storage {} (was {}): {} bytes free", now.level(), from, now.freeBytes());
        } else {
            log.info("recording storage back to {} (was {})", now.level(), from);
        }
    }

    /** What the snapshot shows of recording. */
    BoxSnapshot.RecordingInfo info() {
        BoxSnapshot.RecordingInfo w = writerHealth.info();
        CoverageReport.Coverage c = today;
        StorageStatus s = storage;
        List<String> gaps = c == null ? List.of() : c.gaps().stream().map(CoverageReport.Gap::callId).limit(20).toList();
        String level = s == null ? "UNKNOWN" : s.level().name();
        boolean storageOk = s == null || s.level() == StorageLevel.OK;
        return new BoxSnapshot.RecordingInfo(w.healthy() && gaps.isEmpty() && storageOk, w.lastError(), w.framesLost(),
                c == null ? 100.0 : c.percent(), gaps, level, s == null ? -1 : s.freeBytes());
    }

    @Override
    public void close() {
        maintenance.close();
    }
}
