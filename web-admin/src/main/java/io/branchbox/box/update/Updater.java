package io.branchbox.box.update;

import io.branchbox.box.update.UpdateState.Step;
import io.branchbox.firmware.recording.FreeSpace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The update's state machine. The running version {@link #install}s a package: verify, then
 * STAGING (the jar copied beside the running version) → STAGED → SWITCHING (the {@code current}
 * link switched), after which its owner restarts the process. Every start calls {@link #atStart}
 * before the box starts, which resumes or rolls back from whatever step the file names:
 *
 * <pre>
 *   STAGING, STAGED   the switch never happened: the staged copy is deleted; FAILED, still on "from"
 *   SWITCHING         the link is (re)pointed at "to"; TRIAL; restart unless "to" is running
 *   TRIAL             "to" runs for the first time: on trial until {@link #commit} (healthy) or
 *                     {@link #rollBack} (the {@link HealthWatch}'s deadline); a second start on
 *                     trial means the first one died: roll back
 *   ROLLING_BACK      the link is (re)pointed at "from"; once "from" runs: ROLLED_BACK, done
 * </pre>
 *
 * Each state is written (atomically) before its action and each action is idempotent, so a kill at
 * any point leaves a box that starts (tested by killing at every point). Every attempt, refusal,
 * switch, success, failure and rollback is an {@link Outcome} for the journal and the office.
 *
 * <p>Threading: {@link #install} on any thread, one at a time (a second is BUSY); the rest on the
 * launcher's main thread or the health watch's scheduler.
 */
public final class Updater {
    /** How a package being received is named in the versions directory (a temporary file). */
    public static final String INCOMING_PREFIX = "incoming-";
    public static final String INCOMING_SUFFIX = ".bbu";

    private static final Logger log = LoggerFactory.getLogger(Updater.class);

    /** Room kept free beyond the new jar, so that an update never fills the data disk. */
    static final long MARGIN_BYTES = 32L << 20;
    /** Starts of the old version allowed to finish a rollback before the state is given up. */
    static final int MAX_ROLLBACK_STARTS = 3;

    /** Journal event types (docs/UPDATES.md). */
    public static final String ATTEMPT = "update.attempt";
    public static final String REFUSED = "update.refused";
    public static final String SWITCHED = "update.switched";
    public static final String TRIAL = "update.trial";
    public static final String SUCCEEDED = "update.succeeded";
    public static final String ROLLING_BACK = "update.rolling-back";
    public static final String ROLLED_BACK = "update.rolled-back";
    public static final String FAILED = "update.failed";

    /** What to do after {@link #atStart}. */
    public enum Start { CONTINUE, RESTART }

    /** One thing that happened, a journal event of {@code type} with its attributes. */
    public record Outcome(String type, Map<String, String> attrs) {
        public Outcome {
            attrs = Map.copyOf(attrs);
        }
    }

    /** Called after each state is written ({@code done} false) and after its action (true): crash tests. */
    @FunctionalInterface
    public interface StepHook {
        void at(Step step, boolean done);
    }

    /** Usable space of the versions directory's file system; tests pass a small one. */
    @FunctionalInterface
    public interface SpaceProbe {
        long usableBytes(Path dir) throws IOException;
    }

    private final VersionStore store;
    private final Path stateFile;
    private final String running;
    private final List<PublicKey> keys;
    private final SpaceProbe space;
    private final StepHook hook;
    private final ReentrantLock one = new ReentrantLock();
    private final List<Outcome> early = new ArrayList<>();
    private Consumer<Outcome> sink;
    private volatile boolean onTrial;

    public Updater(VersionStore store, String runningVersion, List<PublicKey> keys, SpaceProbe space, StepHook hook) {
        this.store = store;
        this.stateFile = store.dir().resolve(UpdateState.FILE);
        this.running = runningVersion;
        this.keys = List.copyOf(keys);
        this.space = space;
        this.hook = hook;
    }

    /** The box's updater: {@code <data>/versions}, the jar's release key, the real disk. */
    public static Updater forBox(Path dataDir, String runningVersion) {
        return new Updater(new VersionStore(dataDir.resolve("versions"), Files::newOutputStream), runningVersion,
                UpdateKeys.trusted(), Updater::usableSpace,
                (step, done) -> { });
    }

    /**
     * The usable space of {@code dir}'s file system, asked of the box's one free-space probe
     * ({@link FreeSpace}: statvfs, which also works in a chroot); used by updates and backups.
     */
    public static long usableSpace(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        return FreeSpace.of(dir).usableBytes();
    }

    public String running() {
        return running;
    }

    /** Where outcomes go (the journal and the office); those that happened before are handed over first. */
    public synchronized void onOutcome(Consumer<Outcome> c) {
        early.forEach(c);
        early.clear();
        sink = c;
    }

    /** Whether this start runs a version on trial (the health watch decides). */
    public boolean onTrial() {
        return onTrial;
    }

    /** The update under way, if any. */
    public Optional<UpdateState> state() throws IOException {
        return UpdateState.read(stateFile);
    }

    public VersionStore store() {
        return store;
    }

    /**
     * Verifies {@code pkg} and installs it beside the running version, then switches to it; the
     * caller restarts the process at once. On any refusal or failure nothing has changed: the
     * running version stays current.
     *
     * @param boardOnline whether the board is online now (then the new version must bring it online)
     */
    public UpdatePackage.Manifest install(Path pkg, String source, boolean boardOnline) throws UpdateException {
        if (!one.tryLock()) {
            throw new UpdateException(UpdateException.Kind.BUSY, "another update is being installed");
        }
        try {
            Optional<UpdateState> under;
            try {
                under = state();
            } catch (IOException e) {
                throw new UpdateException(UpdateException.Kind.IO, e.getMessage(), e);
            }
            if (under.isPresent()) {
                throw new UpdateException(UpdateException.Kind.BUSY, "the update to " + under.get().to() + " is under way ("
                        + under.get().step() + ")");
            }
            UpdatePackage.Manifest m;
            try {
                m = UpdatePackage.verify(pkg, keys, running);
            } catch (UpdateException e) {
                report(REFUSED, attrs("from", running, "source", source, "kind", e.kind().name(), "reason", e.getMessage()));
                throw e;
            }
            report(ATTEMPT, attrs("from", running, "to", m.version(), "source", source));
            try {
                return installVerified(pkg, m, source, boardOnline);
            } catch (UpdateException e) {
                report(FAILED, attrs("from", running, "to", m.version(), "source", source, "kind", e.kind().name(),
                        "reason", e.getMessage()));
                throw e;
            }
        } finally {
            one.unlock();
        }
    }

    private UpdatePackage.Manifest installVerified(Path pkg, UpdatePackage.Manifest m, String source, boolean boardOnline)
            throws UpdateException {
        UpdateState s;
        try {
            Files.createDirectories(store.dir());
            long free = space.usableBytes(store.dir());
            long needed = m.jarBytes() + MARGIN_BYTES;
            if (free < needed) {
                throw noSpace(needed, free);
            }
            s = new UpdateState(Step.STAGING, running, store.current().orElse(""), m.version(), 0, boardOnline, "", source);
            enter(s);
        } catch (IOException e) {
            throw new UpdateException(UpdateException.Kind.IO, "the update could not start: " + e.getMessage(), e);
        }
        try (ZipFile z = UpdatePackage.open(pkg); InputStream jar = z.getInputStream(z.getEntry(UpdatePackage.JAR))) {
            store.stage(m.version(), jar, m);
            hook.at(Step.STAGING, true);
        } catch (IOException | UpdateException e) {
            undoStaging(m.version());
            if (e instanceof UpdateException u) {
                throw u;
            }
            boolean full = String.valueOf(e.getMessage()).contains("No space left");
            throw full ? noSpace(-1, -1) : new UpdateException(UpdateException.Kind.IO, "the new version could not be"
                    + " written: " + e.getMessage() + "; nothing was changed", e);
        }
        try {
            enter(s.with(Step.STAGED, 0, ""));
            hook.at(Step.STAGED, true);
            enter(s.with(Step.SWITCHING, 0, ""));
            store.point(Optional.of(m.version()));
            hook.at(Step.SWITCHING, true);
        } catch (IOException e) {
            // before the link moved nothing runs differently: undo; after, the restart resumes
            throw new UpdateException(UpdateException.Kind.IO, "the switch to " + m.version() + " failed: " + e.getMessage()
                    + "; the next start finishes or undoes it", e);
        }
        report(SWITCHED, attrs("from", running, "to", m.version(), "source", source));
        log.warn("firmware {} installed beside {}: restarting into it (on trial until healthy)", m.version(), running);
        return m;
    }

    /**
     * Resumes or rolls back an update at start, before the box starts. RESTART: the process must
     * end at once (exit status for a restart) so that the launcher starts the version now linked.
     */
    public Start atStart() throws IOException {
        dropHalfReceived();
        Optional<UpdateState> o = state();
        if (o.isEmpty()) {
            return Start.CONTINUE;
        }
        UpdateState s = o.get();
        log.info("update state at start: {} from {} to {} (running {})", s.step(), s.from(), s.to(), running);
        return switch (s.step()) {
            case STAGING, STAGED -> {
                undoStaging(s.to());
                report(FAILED, attrs("from", s.from(), "to", s.to(), "source", s.source(), "kind", "INTERRUPTED",
                        "reason", "the box stopped before switching to " + s.to() + "; " + s.from() + " stays"));
                yield Start.CONTINUE;
            }
            case SWITCHING -> {
                store.point(Optional.of(s.to()));
                UpdateState t = s.with(Step.TRIAL, 0, "");
                enter(t);
                yield running.equals(s.to()) ? trial(t) : Start.RESTART;
            }
            case TRIAL -> trial(s);
            case ROLLING_BACK -> rollingBack(s);
        };
    }

    /**
     * Deletes packages whose receipt a stop cut short ({@link #INCOMING_PREFIX} files): at start
     * nothing is receiving, and each would otherwise keep up to a package's size of the data disk.
     */
    private void dropHalfReceived() throws IOException {
        if (!Files.isDirectory(store.dir())) {
            return;
        }
        try (var files = Files.newDirectoryStream(store.dir(), INCOMING_PREFIX + "*" + INCOMING_SUFFIX)) {
            for (Path p : files) {
                Files.deleteIfExists(p);
                log.info("deleted {}, a package whose receipt the last stop cut short", p.getFileName());
            }
        }
    }

    private Start trial(UpdateState s) throws IOException {
        if (!running.equals(s.to())) {
            return rollBack(s, "version " + s.to() + " was not the one started (" + running + " was)");
        }
        if (s.starts() >= 1) {
            return rollBack(s, "version " + s.to() + " stopped before it became healthy");
        }
        enter(s.with(Step.TRIAL, 1, ""));
        onTrial = true;
        report(TRIAL, attrs("from", s.from(), "to", s.to(), "source", s.source()));
        return Start.CONTINUE;
    }

    private Start rollingBack(UpdateState s) throws IOException {
        store.point(s.fromLink().isEmpty() ? Optional.empty() : Optional.of(s.fromLink()));
        hook.at(Step.ROLLING_BACK, true);
        if (running.equals(s.from())) {
            store.remove(s.to());
            UpdateState.clear(stateFile);
            report(ROLLED_BACK, attrs("from", s.to(), "to", s.from(), "source", s.source(), "reason", s.reason()));
            log.warn("update to {} rolled back to {}: {}", s.to(), s.from(), s.reason());
            return Start.CONTINUE;
        }
        if (s.starts() >= MAX_ROLLBACK_STARTS) {
            UpdateState.clear(stateFile);
            report(FAILED, attrs("from", s.from(), "to", s.to(), "source", s.source(), "kind", "ROLLBACK",
                    "reason", "could not return to " + s.from() + " (" + running + " starts instead); " + s.reason()));
            return Start.CONTINUE;
        }
        enter(s.with(Step.ROLLING_BACK, s.starts() + 1, s.reason()));
        return Start.RESTART;
    }

    /** The version on trial is healthy: it stays; the one before it is kept for a manual return. */
    public void commit() throws IOException {
        UpdateState s = state().orElseThrow(() -> new IOException("no update on trial"));
        UpdateState.clear(stateFile);
        onTrial = false;
        Set<String> keep = new HashSet<>(Set.of(s.to()));
        if (!s.fromLink().isEmpty()) {
            keep.add(s.fromLink());
        }
        store.prune(keep);
        report(SUCCEEDED, attrs("from", s.from(), "to", s.to(), "source", s.source()));
        log.info("update to {} succeeded: healthy", s.to());
    }

    /** The version on trial did not become healthy: switch back; the caller restarts at once. */
    public void rollBack(String reason) throws IOException {
        UpdateState s = state().orElseThrow(() -> new IOException("no update on trial"));
        onTrial = false;
        rollBack(s, reason);
    }

    private Start rollBack(UpdateState s, String reason) throws IOException {
        UpdateState r = s.with(Step.ROLLING_BACK, 0, reason);
        enter(r);
        report(ROLLING_BACK, attrs("from", s.to(), "to", s.from(), "source", s.source(), "reason", reason));
        return rollingBack(r);
    }

    private void enter(UpdateState s) throws IOException {
        s.write(stateFile);
        hook.at(s.step(), false);
    }

    private void undoStaging(String to) {
        try {
            store.remove(to);
            UpdateState.clear(stateFile);
        } catch (IOException e) {
            log.error("the staged copy of {} could not be removed: {}", to, e.getMessage());
        }
    }

    private UpdateException noSpace(long needed, long free) {
        String figures = needed < 0 ? "" : String.format(": it needs %d MB, %d MB are free", mb(needed), mb(free));
        return new UpdateException(UpdateException.Kind.NO_SPACE, "not enough space on the data disk to install the"
                + " update beside the running version" + figures + "; nothing was changed, " + running + " keeps running");
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    private synchronized void report(String type, Map<String, String> a) {
        Outcome o = new Outcome(type, a);
        if (sink == null) {
            early.add(o);
        } else {
            sink.accept(o);
        }
    }

    private static Map<String, String> attrs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
        }
        return m;
    }
}
