package io.branchbox.admin.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserStoreTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:30:00Z");

    @TempDir
    Path dataDir;

    private UserStore store;

    @BeforeEach
    void setUp() {
        store = new UserStore(TestDatabase.migrated(), TestDatabase.fastHasher(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void firstStartCreatesAdminWhosePasswordIsOnlyInAPrivateFile() throws Exception {
        Optional<Path> written = store.ensureInitialAdmin(dataDir);

        Path file = dataDir.resolve("initial-admin-password");
        assertEquals(Optional.of(file), written);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        String password = Files.readString(file).strip();
        assertTrue(password.length() >= PasswordPolicy.MIN_LENGTH, "generated password is long");
        User admin = store.authenticate("admin", password).orElseThrow();
        assertEquals(new User("admin", Set.of(Role.TECHNICIAN), NOW, false, true, io.branchbox.admin.i18n.Language.ZH_CN,
                Optional.empty(), false), admin);
        try (var leftovers = Files.list(dataDir)) {
            assertEquals(List.of(file), leftovers.toList(), "no temporary file left behind");
        }
    }

    @Test
    void secondStartLeavesTheExistingAdminAlone() throws Exception {
        store.ensureInitialAdmin(dataDir);
        String first = Files.readString(dataDir.resolve("initial-admin-password"));

        assertEquals(Optional.empty(), store.ensureInitialAdmin(dataDir));
        assertEquals(first, Files.readString(dataDir.resolve("initial-admin-password")));
        assertEquals(1, store.list().size());
    }

    @Test
    void changingTheInitialPasswordClearsTheFlagAndDeletesTheFile() throws Exception {
        store.ensureInitialAdmin(dataDir);
        Path file = dataDir.resolve("initial-admin-password");
        String initial = Files.readString(file).strip();

        assertTrue(store.changePassword("admin", initial, "a much better passphrase"));

        assertFalse(Files.exists(file));
        assertFalse(store.find("admin").orElseThrow().mustChangePassword());
        assertTrue(store.authenticate("admin", initial).isEmpty());
        assertTrue(store.authenticate("admin", "a much better passphrase").isPresent());
    }

    @Test
    void wrongCurrentPasswordChangesNothing() {
        store.create("ops", "correct horse battery", Role.SUPERVISOR);

        assertFalse(store.changePassword("ops", "wrong horse battery", "another long password"));
        assertTrue(store.authenticate("ops", "correct horse battery").isPresent());
    }

    @Test
    void weakOrUnchangedNewPasswordIsRejected() {
        store.create("ops", "correct horse battery", Role.SUPERVISOR);

        UserStoreException shortOne = assertThrows(UserStoreException.class,
                () -> store.changePassword("ops", "correct horse battery", "short"));
        assertEquals(UserStoreException.Reason.REJECTED, shortOne.reason());
        UserStoreException same = assertThrows(UserStoreException.class,
                () -> store.changePassword("ops", "correct horse battery", "correct horse battery"));
        assertEquals(UserStoreException.Reason.REJECTED, same.reason());
    }

    @Test
    void duplicateAndMalformedNamesAreRefused() {
        store.create("agent1", "long enough password", Role.AGENT);

        assertEquals(UserStoreException.Reason.CONFLICT, assertThrows(UserStoreException.class,
                () -> store.create("agent1", "long enough password", Role.AGENT)).reason());
        assertEquals(UserStoreException.Reason.REJECTED, assertThrows(UserStoreException.class,
                () -> store.create("bad name\n", "long enough password", Role.AGENT)).reason());
    }

    @Test
    void disabledUserCannotLogIn() {
        store.create("agent1", "long enough password", Role.AGENT, false);

        assertTrue(store.setDisabled("agent1", true));

        assertTrue(store.authenticate("agent1", "long enough password").isEmpty());
        assertFalse(store.setDisabled("nobody", true));
    }

    @Test
    void storedHashIsArgon2idNotThePassword() {
        PasswordHasher hasher = PasswordHasher.argon2id();
        String hash = hasher.hash("correct horse battery");

        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertFalse(hash.contains("correct horse battery"));
        assertTrue(hasher.verify("correct horse battery", hash));
        assertFalse(hasher.verify("correct horse batterY", hash));
    }

    @Test
    void aUserMayHoldSeveralRolesAndGetsTheUnionOfTheirPermissions() {
        store.create("lead", "long enough password", Set.of(Role.SHIFT_LEAD, Role.QUALITY_INSPECTOR), false);

        User lead = store.find("lead").orElseThrow();
        assertEquals(Set.of(Role.SHIFT_LEAD, Role.QUALITY_INSPECTOR), lead.roles());
        assertTrue(lead.may(Permission.WALLBOARD_VIEW));
        assertTrue(lead.may(Permission.RECORDINGS_LISTEN));
        assertFalse(lead.may(Permission.CONFIG_EDIT));
        assertEquals("/wallboard", lead.homePage());
    }

    @Test
    void rolesChangeResetForcesAChangeAndDeleteRemovesTheRoles() {
        store.create("tech2", "long enough password", Role.TECHNICIAN, false);
        assertFalse(store.find("tech2").orElseThrow().may(Permission.RECORDINGS_LISTEN), "technician hears nothing");

        assertTrue(store.setRoles("tech2", Set.of(Role.TECHNICIAN, Role.QUALITY_INSPECTOR)));
        assertTrue(store.find("tech2").orElseThrow().may(Permission.RECORDINGS_LISTEN));
        assertThrows(UserStoreException.class, () -> store.setRoles("tech2", Set.of()));

        assertTrue(store.resetPassword("tech2", "another long password"));
        assertTrue(store.find("tech2").orElseThrow().mustChangePassword());
        assertTrue(store.authenticate("tech2", "another long password").isPresent());

        assertTrue(store.delete("tech2"));
        assertTrue(store.find("tech2").isEmpty());
        assertFalse(store.delete("tech2"));
        store.create("tech2", "long enough password", Role.VIEWER, false);
        assertEquals(Set.of(Role.VIEWER), store.find("tech2").orElseThrow().roles(), "no roles left over");
    }

    @Test
    void aWebUserIsLinkedToAnAgentAndKeepsALanguage() {
        store.create("wang.fang", "long enough password", Role.AGENT, false);
        assertEquals("wang.fang", store.find("wang.fang").orElseThrow().consoleAgentId());

        assertTrue(store.linkAgent("wang.fang", Optional.of("a03")));
        assertTrue(store.setLanguage("wang.fang", io.branchbox.admin.i18n.Language.EN));

        User user = store.find("wang.fang").orElseThrow();
        assertEquals("a03", user.consoleAgentId());
        assertEquals(io.branchbox.admin.i18n.Language.EN, user.language());
        assertThrows(UserStoreException.class, () -> store.linkAgent("wang.fang", Optional.of("a 03; drop")));
    }
}
