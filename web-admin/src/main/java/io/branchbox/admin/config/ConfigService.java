package io.branchbox.admin.config;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigApplyPlan;
import io.branchbox.firmware.config.ConfigDiff;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ConfigError;
import io.branchbox.firmware.config.ConfigException;
import io.branchbox.firmware.config.ConfigRevisions;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration document as the web admin edits it: check a draft (every problem, by path
 * and code), save it as a new revision when it was edited from the live one, apply it live, list,
 * compare and roll back revisions, and restart the box for the sections that need it.
 *
 * <p>A save is whole or nothing: the draft is parsed and validated as a whole before anything is
 * written; {@link ConfigRevisions} writes the revision, the live document and the audit record;
 * then the box applies it ({@link Applier}). Thread-safe: saves and rollbacks are serialized.
 */
public final class ConfigService {
    private static final Logger log = LoggerFactory.getLogger(ConfigService.class);

    /** Applies a saved document to the running box; completes when the live part is in effect. */
    @FunctionalInterface
    public interface Applier {
        CompletableFuture<ConfigApplyPlan> apply(BoxConfig next);
    }

    /**
     * Restarts the box (the service manager brings it back with the saved document); false when
     * this box cannot restart itself (a test or a demo without a service manager).
     */
    @FunctionalInterface
    public interface Restarter {
        boolean restart(String user);
    }

    /** A draft checked: its problems (empty: it could be saved) and what saving it would apply. */
    public record Check(List<ConfigError> errors, Optional<ConfigApplyPlan> plan) {}

    /** A saved (or unchanged) document, what changed and what was applied live or awaits a restart. */
    public record Outcome(BoxConfig config, List<ConfigDiff.Change> changes, ConfigApplyPlan plan,
            List<String> pendingRestart) {}

    private final ConfigRevisions revisions;
    private final BoxConfig started;
    private final Applier applier;
    private final Restarter restarter;
    private final UplinkTester uplinkTester;

    /**
     * @param started the document the box started with: sections changed since then that need a
     *     restart stay "pending" until the box restarts
     */
    public ConfigService(ConfigRevisions revisions, BoxConfig started, Applier applier, Restarter restarter,
            UplinkTester uplinkTester) {
        this.uplinkTester = uplinkTester;
        this.revisions = revisions;
        this.started = started;
        this.applier = applier;
        this.restarter = restarter;
    }

    public BoxConfig current() {
        return revisions.current();
    }

    /** Sections saved since the start that take effect only after a restart. */
    public List<String> pendingRestart() {
        return ConfigApplyPlan.between(started, revisions.current()).restart();
    }

    /** Checks a draft as it would be saved, without saving anything. */
    public Check check(byte[] draft) {
        try {
            BoxConfig c = ConfigDocuments.parse(draft);
            return new Check(List.of(), Optional.of(ConfigApplyPlan.between(revisions.current(), c)));
        } catch (ConfigException e) {
            return new Check(e.errors(), Optional.empty());
        }
    }

    /** Saves {@code draft}, edited from revision {@code base}, as {@code user}. */
    public synchronized Outcome save(byte[] draft, long base, String user)
            throws ConfigException, ConfigRevisions.StaleRevisionException, IOException {
        BoxConfig c = ConfigDocuments.parse(draft);
        return store(c, base, user, ConfigRevisions.Action.SAVE);
    }

    /** Makes the document of {@code revision} live again, as a new revision. */
    public synchronized Outcome rollback(long revision, long base, String user)
            throws ConfigRevisions.StaleRevisionException, IOException, NoSuchRevisionException {
        BoxConfig old = revisions.revision(revision).orElseThrow(() -> new NoSuchRevisionException(revision));
        return store(old, base, user, ConfigRevisions.Action.ROLLBACK);
    }

    /** The stored document of {@code revision}, if still kept. */
    public Optional<BoxConfig> revision(long revision) throws IOException {
        return revisions.revision(revision);
    }

    /** The changes from revision {@code from} to revision {@code to}. */
    public List<ConfigDiff.Change> diff(long from, long to) throws IOException, NoSuchRevisionException {
        BoxConfig a = revisions.revision(from).orElseThrow(() -> new NoSuchRevisionException(from));
        BoxConfig b = revisions.revision(to).orElseThrow(() -> new NoSuchRevisionException(to));
        return ConfigDiff.between(a, b);
    }

    /** The newest {@code max} audit records, newest first. */
    public List<ConfigRevisions.AuditRecord> history(int max) throws IOException {
        return revisions.history(max);
    }

    /** The revisions that can be compared and rolled back to, newest first. */
    public List<Long> kept() throws IOException {
        return revisions.kept();
    }

    /** Tries uplink settings once (see {@link UplinkTester}). */
    public UplinkTester.Result testUplink(BoxConfig.Uplink u) {
        return uplinkTester.test(u);
    }

    /** Restarts the box on behalf of {@code user}; false when this box cannot restart itself. */
    public boolean restart(String user) {
        log.warn("{} restarts the box to apply {}", user, pendingRestart());
        return restarter.restart(user);
    }

    private Outcome store(BoxConfig c, long base, String user, ConfigRevisions.Action action)
            throws ConfigRevisions.StaleRevisionException, IOException {
        BoxConfig before = revisions.current();
        ConfigRevisions.Saved saved = revisions.save(c, base, user, action);
        if (saved.record().isEmpty()) {
            return new Outcome(before, List.of(), new ConfigApplyPlan(List.of(), List.of()), pendingRestart());
        }
        ConfigApplyPlan plan = ConfigApplyPlan.between(before, saved.config());
        log.info("{} saved configuration revision {} ({}): {} change(s)", user, saved.config().revision(), action,
                saved.record().get().changes().size());
        try {
            plan = applier.apply(saved.config()).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // saved and audited; the box takes it whole at the next start
            log.error("configuration revision {} saved but not applied live: {}", saved.config().revision(), e.toString());
            plan = new ConfigApplyPlan(List.of(), concat(plan.live(), plan.restart()));
        }
        return new Outcome(saved.config(), saved.record().get().changes(), plan, pendingRestart());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }

    /** A revision that is not (or no longer) kept. */
    public static final class NoSuchRevisionException extends Exception {
        public NoSuchRevisionException(long revision) {
            super("revision " + revision + " is not kept", null, false, false);
        }
    }
}
