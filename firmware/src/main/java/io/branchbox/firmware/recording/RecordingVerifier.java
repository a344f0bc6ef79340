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
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves that recordings are still what was recorded: re-reads each catalogued file, compares its
 * SHA-256 with the stored one and stores the outcome ({@link VerifyStatus}) with the time; and
 * finds orphan {@code .wav} files that no live catalog row claims, and recordings whose call has
 * no call record.
 *
 * <p><b>Threading and load.</b> Every method blocks on the disk and the database and reads whole
 * files (an hour of a call is about 58 MB). Run it on a scheduler of its own, e.g. an
 * {@code ExecutorScheduler(ThreadNames.RECORDING_MAINTENANCE)}: never on the recording writer's (a long hash
 * there would stall the drains and overflow the rings), never on call control's. Work comes in
 * batches: {@link #verifyBatch} checks the {@code n} recordings verified longest ago, so calling
 * it every few minutes ({@link #schedule}) walks round the whole catalog continuously with bounded
 * disk load; {@link #verifyAll} (all rows plus the orphan scan) suits a nightly run. Not
 * reentrant: run one job at a time, which a single-thread scheduler guarantees.
 *
 * <p><b>Orphans.</b> A file being recorded has no catalog row yet; the recorder touches it at
 * least every second, so files modified within {@code orphanGrace} are not reported.
 */
public final class RecordingVerifier {
    private static final Logger log = LoggerFactory.getLogger(RecordingVerifier.class);
    /** Default for files younger than this are never orphans. */
    public static final Duration DEFAULT_ORPHAN_GRACE = Duration.ofMinutes(10);
    private static final int ALL_BATCH = 200;
    private static final int MAX_LISTED = 1000;

    /** The outcome for one recording. {@code bytes} is the file size, null when it is missing or unreadable. */
    public record Check(String callId, String file, VerifyStatus status, Long bytes) {}

    /**
     * One run's findings. {@code orphans} are catalog-style names (relative to the recordings
     * directory) of files no live row claims; {@code withoutCallRecord} are call ids of live
     * recordings whose call has no call record (at most 1000). Both are empty for a batch run,
     * which does not look for them.
     */
    public record Report(Instant at, List<Check> checks, List<String> orphans, List<String> withoutCallRecord) {
        public Report {
            checks = List.copyOf(checks);
            orphans = List.copyOf(orphans);
            withoutCallRecord = List.copyOf(withoutCallRecord);
        }

        /** The checks that are not {@link VerifyStatus#OK}. */
        public List<Check> problems() {
            return checks.stream().filter(c -> c.status() != VerifyStatus.OK).toList();
        }

        /** Whether everything checked is fine and every file belongs to a call and vice versa. */
        public boolean clean() {
            return orphans.isEmpty() && withoutCallRecord.isEmpty() && problems().isEmpty();
        }

        public long count(VerifyStatus status) {
            return checks.stream().filter(c -> c.status() == status).count();
        }
    }

    private final RecordingCatalog catalog;
    private final Clock clock;
    private final Duration orphanGrace;

    public RecordingVerifier(RecordingCatalog catalog, Clock clock) {
        this(catalog, clock, DEFAULT_ORPHAN_GRACE);
    }

    public RecordingVerifier(RecordingCatalog catalog, Clock clock, Duration orphanGrace) {
        this.catalog = catalog;
        this.clock = clock;
        this.orphanGrace = orphanGrace;
    }

    /** Checks one recording's file and stores the outcome. */
    public Check verify(CatalogEntry e) throws SQLException {
        Check c = inspect(e);
        catalog.markVerified(e.callId(), c.status(), clock.instant(), c.bytes());
        if (c.status() != VerifyStatus.OK && c.status() != e.verifyStatus()) {
            log.error("recording of call {} ({}) is {} (was {})", e.callId(), e.file(), c.status(),
                    e.verifyStatus() == null ? "not verified yet" : e.verifyStatus());
        } else if (c.status() == VerifyStatus.OK && e.verifyStatus() != null && e.verifyStatus() != VerifyStatus.OK) {
            log.warn("recording of call {} ({}) is OK again (was {})", e.callId(), e.file(), e.verifyStatus());
        }
        return c;
    }

    /**
     * How the background sweep is paced (issue 13): every {@code period} it first checks up to
     * {@code newestFirst} recordings never verified, newest first (a damaged new file is found
     * within one period), then enough of those verified longest ago that the whole catalogue is
     * checked within {@code cycle}, however full the disk ({@link #batchFor}), at least
     * {@code minBatch}.
     */
    public record Sweep(Duration period, Duration cycle, int minBatch, int newestFirst) {
        /** Every 5 minutes; the whole catalogue within a day; 20 newest first. */
        public static final Sweep DEFAULT = new Sweep(Duration.ofMinutes(5), Duration.ofDays(1), 20, 20);

        public Sweep {
            if (period.isNegative() || period.isZero() || cycle.compareTo(period) < 0 || minBatch < 1 || newestFirst < 0) {
                throw new IllegalArgumentException("sweep needs 0 < period <= cycle, minBatch >= 1, newestFirst >= 0");
            }
        }

        /** Recordings to check per run so that {@code live} of them take one cycle. */
        public int batchFor(long live) {
            long runs = Math.max(1, cycle.toMillis() / period.toMillis());
            return (int) Math.min(Integer.MAX_VALUE, Math.max(minBatch, (live + runs - 1) / runs));
        }
    }

    /** One sweep run: the newest unverified first, then the cycle's share of those verified longest ago. */
    public Report sweepOnce(Sweep sweep) throws SQLException {
        Instant at = clock.instant();
        List<Check> checks = new ArrayList<>();
        for (CatalogEntry e : catalog.newestUnverified(sweep.newestFirst())) {
            checks.add(verify(e));
        }
        int share = sweep.batchFor(catalog.totals().live());
        for (CatalogEntry e : catalog.dueForVerification(share)) {
            if (e.lastVerifiedAt() == null || e.lastVerifiedAt().isBefore(at)) {
                checks.add(verify(e));
            }
        }
        return report(at, checks, List.of(), List.of());
    }

    /** Runs {@link #sweepOnce} every {@link Sweep#period} on {@code scheduler} (the verifier's own); as {@link #schedule}. */
    public Scheduler.Timer schedule(Scheduler scheduler, Sweep sweep, Consumer<Report> sink) {
        return scheduler.scheduleAtFixedRate(sweep.period(), sweep.period(), () -> {
            try {
                sink.accept(sweepOnce(sweep));
            } catch (SQLException e) {
                log.error("recording verification sweep failed; retried in {}", sweep.period(), e);
            }
        });
    }

    /** Checks up to {@code max} live recordings, those verified longest ago first. No orphan scan. */
    public Report verifyBatch(int max) throws SQLException {
        Instant at = clock.instant();
        List<Check> checks = new ArrayList<>();
        for (CatalogEntry e : catalog.dueForVerification(max)) {
            checks.add(verify(e));
        }
        return report(at, checks, List.of(), List.of());
    }

    /** Checks every live recording once and scans for orphans. */
    public Report verifyAll() throws SQLException, IOException {
        Instant at = clock.instant();
        List<Check> checks = new ArrayList<>();
        while (true) {
            List<CatalogEntry> due = catalog.dueForVerification(ALL_BATCH);
            // rows verified during this run come back last; reaching them means everything was seen
            List<CatalogEntry> fresh = due.stream()
                    .filter(e -> e.lastVerifiedAt() == null || e.lastVerifiedAt().isBefore(at)).toList();
            for (CatalogEntry e : fresh) {
                checks.add(verify(e));
            }
            if (fresh.size() < due.size() || due.size() < ALL_BATCH) {
                break;
            }
        }
        List<String> unclaimed = catalog.withoutCallRecord(MAX_LISTED);
        if (!unclaimed.isEmpty()) {
            log.warn("{} recording(s) have no call record, first of call {}", unclaimed.size(), unclaimed.get(0));
        }
        return report(at, checks, findOrphans(), unclaimed);
    }

    /**
     * Names of {@code .wav} files below the recordings directory that no live catalog row claims
     * and that were last modified before the orphan grace period. Sorted.
     */
    public List<String> findOrphans() throws SQLException, IOException {
        Path dir = catalog.recordingsDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Set<String> claimed = catalog.liveFiles();
        Instant settledBefore = clock.instant().minus(orphanGrace);
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!p.getFileName().toString().endsWith(".wav") || !Files.isRegularFile(p)) {
                    continue;
                }
                String name = catalog.nameOf(p);
                if (!claimed.contains(name) && Files.getLastModifiedTime(p).toInstant().isBefore(settledBefore)) {
                    out.add(name);
                }
            }
        }
        out.sort(null);
        if (!out.isEmpty()) {
            log.warn("{} recording file(s) belong to no call record, first {}", out.size(), out.get(0));
        }
        return out;
    }

    /**
     * Runs {@link #verifyBatch verifyBatch(batchSize)} every {@code period} on {@code scheduler}
     * (which must be the verifier's own) and hands each report to {@code sink} on that thread. A
     * database error is logged and the next run tries again.
     */
    public Scheduler.Timer schedule(Scheduler scheduler, Duration period, int batchSize, Consumer<Report> sink) {
        return scheduler.scheduleAtFixedRate(period, period, () -> {
            try {
                sink.accept(verifyBatch(batchSize));
            } catch (SQLException e) {
                log.error("recording verification batch failed; retried in {}", period, e);
            }
        });
    }

    private Check inspect(CatalogEntry e) {
        Path file = catalog.resolve(e);
        long size;
        try {
            if (!Files.exists(file)) {
                return new Check(e.callId(), e.file(), VerifyStatus.MISSING, null);
            }
            size = Files.size(file);
            if (size <= AlawWav.HEADER_BYTES) {
                return new Check(e.callId(), e.file(), VerifyStatus.ZERO_LENGTH, size);
            }
            if (e.sha256() == null) {
                return new Check(e.callId(), e.file(), VerifyStatus.NO_CHECKSUM, size);
            }
            String actual = FileHash.of(file);
            return new Check(e.callId(), e.file(),
                    actual.equals(e.sha256()) ? VerifyStatus.OK : VerifyStatus.CHANGED, size);
        } catch (IOException ex) {
            log.error("recording of call {}: cannot read {}", e.callId(), file, ex);
            return new Check(e.callId(), e.file(), VerifyStatus.UNREADABLE, null);
        }
    }

    private static Report report(Instant at, List<Check> checks, List<String> orphans, List<String> unclaimed) {
        Report r = new Report(at, checks, orphans, unclaimed);
        if (!checks.isEmpty()) {
            log.info("verified {} recording(s): {} OK, {} problem(s), {} orphan(s)",
                    checks.size(), r.count(VerifyStatus.OK), r.problems().size(), orphans.size());
        }
        return r;
    }
}
