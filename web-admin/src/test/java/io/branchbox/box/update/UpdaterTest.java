package io.branchbox.box.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.box.update.UpdateState.Step;
import io.branchbox.time.ManualScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update's state machine on a real versions directory: what is refused, a healthy update, an
 * unhealthy one rolled back, a kill at every step, a full disk. A "restart" is what the launcher
 * does: start the version {@code current} names (the package's, 1.0.0, without a link).
 */
class UpdaterTest {
    private static final String OLD = "1.0.0";
    private static final String NEW = "1.1.0";

    @TempDir
    Path tmp;
    private Path versions;
    private KeyPair project;
    private Path jar;
    private final List<Updater.Outcome> journal = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        versions = tmp.resolve("data/versions");
        project = UpdateKeys.generate();
        jar = tmp.resolve("box.jar");
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        Files.write(jar, bytes);
    }

    private Path pkg(String version) throws Exception {
        Path p = tmp.resolve("branchbox-" + version + ".bbu");
        UpdatePackage.write(jar, version, project.getPrivate(), Instant.parse("2026-12-07T04:00:00Z"), p);
        return p;
    }

    private Updater updater(String running, Updater.StepHook hook, Updater.SpaceProbe space, VersionStore.Opener opener) {
        Updater u = new Updater(new VersionStore(versions, opener), running, List.of(project.getPublic()), space, hook);
        u.onOutcome(journal::add);
        return u;
    }

    private Updater updater(String running) {
        return updater(running, (s, d) -> { }, d -> Long.MAX_VALUE, Files::newOutputStream);
    }

    /** The version the launcher starts now. */
    private String launched() throws IOException {
        return new VersionStore(versions, Files::newOutputStream).current().orElse(OLD);
    }

    private List<String> types() {
        return journal.stream().map(Updater.Outcome::type).toList();
    }

    private void assertUntouched() throws IOException {
        assertEquals(OLD, launched(), "the running version stays current");
        assertFalse(Files.exists(versions.resolve(UpdateState.FILE)), "no update state left");
        assertEquals(List.of(), new VersionStore(versions, Files::newOutputStream).installed());
        try (var s = Files.list(Files.createDirectories(versions))) {
            assertTrue(s.map(p -> p.getFileName().toString()).noneMatch(n -> n.endsWith(".partial")), "no partial copy");
        }
    }

    private static UpdateException.Kind refused(Updater u, Path p) {
        return assertThrows(UpdateException.class, () -> u.install(p, "web:tech", true)).kind();
    }

    @Test
    void aPackageWhoseJarWasChangedIsRefusedAndNothingChanges() throws Exception {
        Path p = rewrite(pkg(NEW), UpdatePackage.JAR, b -> b[1000] ^= 1);
        UpdateException e = assertThrows(UpdateException.class, () -> updater(OLD).install(p, "web:tech", true));
        assertEquals(UpdateException.Kind.DAMAGED, e.kind());
        assertTrue(e.getMessage().contains("does not match the signed manifest"), e.getMessage());
        assertUntouched();
        assertEquals(List.of(Updater.REFUSED), types());
    }

    @Test
    void aPackageHalfReceivedWhenTheBoxStoppedIsDeletedAtTheNextStart() throws Exception {
        Path half = Files.write(Files.createDirectories(versions).resolve(Updater.INCOMING_PREFIX + "123" + Updater.INCOMING_SUFFIX),
                new byte[4096]);
        Path other = Files.writeString(versions.resolve("notes.txt"), "kept");
        assertEquals(Updater.Start.CONTINUE, updater(OLD).atStart());
        assertFalse(Files.exists(half), "the cut-short package is gone");
        assertTrue(Files.exists(other), "nothing else is touched");
    }

    @Test
    void aPackageWhoseManifestWasChangedIsRefused() throws Exception {
        Path p = rewrite(pkg(NEW), UpdatePackage.MANIFEST, b -> b[b.length - 5] ^= 1);
        assertEquals(UpdateException.Kind.BAD_SIGNATURE, refused(updater(OLD), p));
        assertUntouched();
    }

    @Test
    void anUnsignedPackageOrOneSignedWithAnotherKeyIsRefused() throws Exception {
        Path unsigned = rewrite(pkg(NEW), UpdatePackage.SIGNATURE, null);
        assertEquals(UpdateException.Kind.UNSIGNED, refused(updater(OLD), unsigned));
        KeyPair stranger = UpdateKeys.generate();
        Path other = tmp.resolve("other.bbu");
        UpdatePackage.write(jar, NEW, stranger.getPrivate(), Instant.now(), other);
        assertEquals(UpdateException.Kind.BAD_SIGNATURE, refused(updater(OLD), other));
        Path junk = Files.writeString(tmp.resolve("junk.bbu"), "not a zip at all");
        assertEquals(UpdateException.Kind.DAMAGED, refused(updater(OLD), junk));
        assertUntouched();
        assertEquals(List.of(Updater.REFUSED, Updater.REFUSED, Updater.REFUSED), types());
    }

    @Test
    void anOlderOrTheSameSignedVersionIsNotReplayed() throws Exception {
        assertEquals(UpdateException.Kind.NOT_NEWER, refused(updater(NEW), pkg(OLD)));
        assertEquals(UpdateException.Kind.NOT_NEWER, refused(updater(NEW), pkg(NEW)));
        assertTrue(UpdatePackage.compare("1.10.0", "1.9.3") > 0);
        assertTrue(UpdatePackage.compare("0.2.0-SNAPSHOT", "0.2.0") < 0);
        assertTrue(UpdatePackage.compare("0.2.0-SNAPSHOT", "0.1.0") > 0);
    }

    @Test
    void aHealthyNewVersionStaysAndTheOldOneIsKept() throws Exception {
        assertEquals(NEW, updater(OLD).install(pkg(NEW), "web:tech", true).version());
        assertEquals(NEW, launched());
        assertEquals(Step.SWITCHING, updater(OLD).state().orElseThrow().step());

        Updater next = updater(launched());
        assertEquals(Updater.Start.CONTINUE, next.atStart());
        assertTrue(next.onTrial());
        ManualScheduler clock = new ManualScheduler();
        AtomicBoolean restarted = new AtomicBoolean();
        AtomicInteger checks = new AtomicInteger();
        new HealthWatch(next, clock, Duration.ofSeconds(120), Duration.ofSeconds(2),
                () -> checks.incrementAndGet() < 5 ? List.of("board STARTING") : List.of(), () -> restarted.set(true)).start();
        clock.advance(Duration.ofSeconds(20));
        assertFalse(restarted.get());
        assertEquals(Optional.empty(), next.state());
        assertEquals(NEW, launched());
        assertTrue(Files.isRegularFile(versions.resolve(NEW).resolve("box.jar")));
        assertEquals(List.of(Updater.ATTEMPT, Updater.SWITCHED, Updater.TRIAL, Updater.SUCCEEDED), types());
        assertEquals(Updater.Start.CONTINUE, updater(NEW).atStart());
    }

    @Test
    void aNewVersionThatDoesNotBecomeHealthyIsRolledBackByItself() throws Exception {
        updater(OLD).install(pkg(NEW), "office:cmd-7", true);
        Updater next = updater(launched());
        assertEquals(Updater.Start.CONTINUE, next.atStart());
        ManualScheduler clock = new ManualScheduler();
        AtomicBoolean restarted = new AtomicBoolean();
        new HealthWatch(next, clock, Duration.ofSeconds(120), Duration.ofSeconds(2),
                () -> List.of("board OFFLINE (it was online before the update)"), () -> restarted.set(true)).start();
        clock.advance(Duration.ofSeconds(118));
        assertFalse(restarted.get(), "still within the deadline");
        clock.advance(Duration.ofSeconds(4));
        assertTrue(restarted.get(), "restarted after the deadline");
        assertEquals(OLD, launched());

        // the launcher starts the old version again, which finishes the rollback
        Updater back = updater(launched());
        assertEquals(Updater.Start.CONTINUE, back.atStart());
        assertEquals(Optional.empty(), back.state());
        assertFalse(back.onTrial());
        assertFalse(Files.exists(versions.resolve(NEW)));
        assertEquals(List.of(Updater.ATTEMPT, Updater.SWITCHED, Updater.TRIAL, Updater.ROLLING_BACK,
                Updater.ROLLED_BACK), types());
        var done = journal.get(4).attrs();
        assertEquals(OLD, done.get("to"));
        assertEquals("office:cmd-7", done.get("source"));
        assertTrue(done.get("reason").contains("board OFFLINE"), done.get("reason"));
    }

    /** A kill (simulated: an error thrown where the process would die) at each point of the update. */
    @Test
    void aKillAtEveryStepLeavesABoxThatStarts() throws Exception {
        Path p = pkg(NEW);
        List<String> endings = new ArrayList<>();
        int points = 0;
        for (int killAt = 0; killAt < 50; killAt++) {
            Files.createDirectories(versions);
            try (var s = Files.walk(versions)) {
                for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (!f.equals(versions)) {
                        Files.delete(f);
                    }
                }
            }
            AtomicInteger seen = new AtomicInteger();
            int k = killAt;
            Updater.StepHook hook = (step, done) -> {
                if (seen.getAndIncrement() == k) {
                    throw new Killed(step + (done ? " done" : " written"));
                }
            };
            boolean killed = false;
            try {
                updater(OLD, hook, d -> Long.MAX_VALUE, Files::newOutputStream).install(p, "web:tech", true);
            } catch (Killed e) {
                killed = true;
            }
            // boot until the box runs: each boot starts what the link names; a kill means boot again
            String ran = null;
            for (int boot = 0; boot < 8 && ran == null; boot++) {
                Updater u = updater(launched(), hook, d -> Long.MAX_VALUE, Files::newOutputStream);
                try {
                    if (u.atStart() == Updater.Start.RESTART) {
                        continue;
                    }
                    if (u.onTrial()) {
                        u.commit();
                    }
                    ran = u.running();
                } catch (Killed e) {
                    killed = true;
                }
            }
            assertNotNull(ran, "kill at point " + killAt + ": the box starts");
            assertEquals(Optional.empty(), updater(ran).state(), "kill at point " + killAt + ": nothing left hanging");
            assertTrue(ran.equals(OLD) || Files.isRegularFile(versions.resolve(ran).resolve("box.jar")));
            if (!killed) {
                points = killAt;
                break;
            }
            endings.add(killAt + ":" + ran);
        }
        // STAGING, STAGED, SWITCHING (written and done each), TRIAL (written), and the rollbacks' points
        assertTrue(points >= 7, "points: " + points + " " + endings);
        assertTrue(endings.stream().anyMatch(e -> e.endsWith(":" + OLD)), endings.toString());
        assertTrue(endings.stream().anyMatch(e -> e.endsWith(":" + NEW)), endings.toString());
    }

    /** A kill while the unhealthy version switches back: the next starts still end on the old version. */
    @Test
    void aKillDuringTheRollbackStillEndsOnTheOldVersion() throws Exception {
        Path p = pkg(NEW);
        for (int killAt = 0; killAt < 2; killAt++) {
            versions = tmp.resolve("data-" + killAt + "/versions");
            updater(OLD).install(p, "web:tech", true);
            AtomicInteger seen = new AtomicInteger();
            int k = killAt;
            Updater.StepHook hook = (step, done) -> {
                if (step == Step.ROLLING_BACK && seen.getAndIncrement() == k) {
                    throw new Killed(step + (done ? " done" : " written"));
                }
            };
            Updater onTrial = updater(launched(), hook, d -> Long.MAX_VALUE, Files::newOutputStream);
            assertEquals(Updater.Start.CONTINUE, onTrial.atStart());
            assertThrows(Killed.class, () -> onTrial.rollBack("web admin not answering"));
            String ran = null;
            for (int boot = 0; boot < 6 && ran == null; boot++) {
                Updater u = updater(launched());
                if (u.atStart() == Updater.Start.CONTINUE) {
                    ran = u.running();
                }
            }
            assertEquals(OLD, ran, "kill " + killAt + " during the rollback");
            assertEquals(Optional.empty(), updater(OLD).state());
            assertFalse(Files.exists(versions.resolve(NEW)));
        }
    }

    @Test
    void aFullDiskIsAClearErrorAndTheRunningBoxIsUntouched() throws Exception {
        Path p = pkg(NEW);
        UpdateException e = assertThrows(UpdateException.class, () -> updater(OLD, (s, d) -> { }, d -> 10L << 20,
                Files::newOutputStream).install(p, "web:tech", true));
        assertEquals(UpdateException.Kind.NO_SPACE, e.kind());
        assertTrue(e.getMessage().contains("MB are free") && e.getMessage().contains(OLD + " keeps running"), e.getMessage());
        assertUntouched();
        // the disk fills up while writing (another writer took the space)
        UpdateException mid = assertThrows(UpdateException.class, () -> updater(OLD, (s, d) -> { }, d -> Long.MAX_VALUE,
                f -> new io.branchbox.box.FullDisk(Files.newOutputStream(f), 100_000)).install(p, "web:tech", true));
        assertEquals(UpdateException.Kind.NO_SPACE, mid.kind());
        assertUntouched();
        assertEquals(List.of(Updater.ATTEMPT, Updater.FAILED, Updater.ATTEMPT, Updater.FAILED), types());
    }

    @Test
    void theShippedReleaseKeyIsAnEd25519Key() {
        List<java.security.PublicKey> keys = UpdateKeys.trusted();
        assertEquals(1, keys.size());
        assertTrue(List.of("Ed25519", "EdDSA").contains(keys.get(0).getAlgorithm()), keys.get(0).getAlgorithm());
    }

    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Killed(String where) {
            super("killed at " + where);
        }
    }

    /** A copy of the package with entry {@code name} changed by {@code edit} (null: left out). */
    private Path rewrite(Path p, String name, java.util.function.Consumer<byte[]> edit) throws IOException {
        Path out = tmp.resolve("changed-" + p.getFileName());
        try (ZipFile in = new ZipFile(p.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] b = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(name)) {
                    if (edit == null) {
                        continue;
                    }
                    edit.accept(b);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(b);
            }
        }
        return out;
    }

}
