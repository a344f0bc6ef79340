package io.branchbox.admin.users;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.security.SecureRandom;

/**
 * Argon2id password hashing (password4j), stored as PHC strings that carry their own parameters.
 *
 * <p>Verification reads the parameters from the stored hash, so raising the cost later does not
 * lock out existing users. Thread-safe. Each call costs tens of milliseconds of CPU on purpose;
 * callers limit how often it runs (see {@link LoginRateLimiter}).
 */
public final class PasswordHasher {
    /** OWASP minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
    public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;

    private final Argon2Function function;
    private final String decoyHash;

    private PasswordHasher(int memoryKiB, int iterations, int parallelism) {
        this.function = Argon2Function.getInstance(memoryKiB, iterations, parallelism, HASH_BYTES, Argon2.ID);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.decoyHash = hash(java.util.HexFormat.of().formatHex(random));
    }

    /** The production cost ({@link #DEFAULT_MEMORY_KIB}, {@link #DEFAULT_ITERATIONS}, {@link #DEFAULT_PARALLELISM}). */
    public static PasswordHasher argon2id() {
        return new PasswordHasher(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /** A hasher with a chosen cost; tests use a small one to stay fast. */
    public static PasswordHasher argon2id(int memoryKiB, int iterations, int parallelism) {
        return new PasswordHasher(memoryKiB, iterations, parallelism);
    }

    /** Hashes {@code password} with a fresh random salt; returns the PHC string. */
    public String hash(CharSequence password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    /** Whether {@code password} matches {@code storedHash}; false for a malformed hash. */
    public boolean verify(CharSequence password, String storedHash) {
        if (!storedHash.startsWith("$argon2id$")) {
            return false;
        }
        return Argon2Function.getInstanceFromHash(storedHash).check(password, storedHash);
    }

    /**
     * Spends the same time as a real verification, for unknown users, so that response time does
     * not tell an attacker which usernames exist.
     */
    public void verifyDecoy(CharSequence password) {
        verify(password, decoyHash);
    }
}
