package io.branchbox.admin.users;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (Bouncy Castle), stored as PHC strings that carry their own
 * parameters: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (Base64 without padding).
 *
 * <p>Memory: Argon2's work area ({@code m} KiB) exists only while one hash runs and is dropped
 * after it; nothing is kept between logins. Concurrency: at most {@code maxConcurrent} hashes run
 * at once; further callers wait their turn (fairly) instead of failing, so simultaneous logins
 * are queued and the peak memory is {@code maxConcurrent × m} KiB.
 *
 * <p>Verification reads the parameters from the stored hash, so raising the cost later does not
 * lock out existing users; hashes written by earlier releases (password4j, same PHC format)
 * verify unchanged. Thread-safe. Each call costs tens of milliseconds of CPU on purpose.
 */
public final class PasswordHasher {
    /** OWASP minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
    public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;
    /** One hash at a time: a Pi-class box has few cores, and each hash needs its memory. */
    public static final int DEFAULT_MAX_CONCURRENT = 1;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final Semaphore permits;
    private final String decoyHash;

    private PasswordHasher(int memoryKiB, int iterations, int parallelism, int maxConcurrent) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.permits = new Semaphore(maxConcurrent, true);
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        this.decoyHash = hash(HexFormat.of().formatHex(random));
    }

    /** The production cost ({@link #DEFAULT_MEMORY_KIB}, {@link #DEFAULT_ITERATIONS}, {@link #DEFAULT_PARALLELISM}). */
    public static PasswordHasher argon2id() {
        return new PasswordHasher(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM, DEFAULT_MAX_CONCURRENT);
    }

    /** A hasher with a chosen cost; tests use a small one to stay fast. */
    public static PasswordHasher argon2id(int memoryKiB, int iterations, int parallelism) {
        return new PasswordHasher(memoryKiB, iterations, parallelism, DEFAULT_MAX_CONCURRENT);
    }

    /** Hashes {@code password} with a fresh random salt; returns the PHC string. */
    public String hash(CharSequence password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKiB, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code storedHash}; false for a malformed hash. */
    public boolean verify(CharSequence password, String storedHash) {
        Matcher m = PHC.matcher(storedHash);
        if (!m.matches()) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(m.group(4));
            expected = Base64.getDecoder().decode(m.group(5));
        } catch (IllegalArgumentException e) {
            return false;
        }
        int memory = Integer.parseInt(m.group(1));
        int passes = Integer.parseInt(m.group(2));
        int lanes = Integer.parseInt(m.group(3));
        if (memory < 8 * lanes || passes < 1 || lanes < 1) {
            return false;
        }
        return MessageDigest.isEqual(expected, derive(password, salt, memory, passes, lanes, expected.length));
    }

    /**
     * Spends the same time as a real verification, for unknown users, so that response time does
     * not tell an attacker which usernames exist.
     */
    public void verifyDecoy(CharSequence password) {
        verify(password, decoyHash);
    }

    private byte[] derive(CharSequence password, byte[] salt, int memory, int passes, int lanes, int length) {
        byte[] secret = utf8(password);
        byte[] out = new byte[length];
        permits.acquireUninterruptibly();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(memory).withIterations(passes).withParallelism(lanes).withSalt(salt).build());
            generator.generateBytes(secret, out);
            // the generator and its work area become garbage here: nothing outlives the hash
        } finally {
            permits.release();
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }

    private static byte[] utf8(CharSequence password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
