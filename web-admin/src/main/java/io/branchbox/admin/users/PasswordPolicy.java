package io.branchbox.admin.users;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * What a new password must look like, and how the box makes random ones.
 *
 * <p>Length is what counts (NIST SP 800-63B): at least {@link #MIN_LENGTH} characters, at most
 * {@link #MAX_LENGTH} so that hashing cannot be abused with huge inputs, not all one character,
 * and not equal to the username. Thread-safe.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** No 0/O, 1/l/I: the initial password is read off a file and typed by a technician. */
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GENERATED_LENGTH = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {}

    /** Why {@code password} is not acceptable for {@code username} (a message catalogue key), or empty when it is. */
    public static Optional<String> problem(String username, String password) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("core.error.passwordShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("core.error.passwordLong");
        }
        if (password.chars().distinct().count() == 1) {
            return Optional.of("core.error.passwordRepeats");
        }
        if (password.equalsIgnoreCase(username)) {
            return Optional.of("core.error.passwordIsName");
        }
        return Optional.empty();
    }

    /** A random password of 20 characters from a 57-letter alphabet (about 116 bits). */
    public static String generate() {
        StringBuilder sb = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
