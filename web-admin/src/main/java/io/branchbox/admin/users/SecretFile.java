package io.branchbox.admin.users;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a secret to a file that only the box's own user can read (mode 0600).
 *
 * <p>The file is created with its final permissions before any byte is written (no window in which
 * it is world-readable) and moved into place atomically, so a crash never leaves half a secret.
 * Requires a POSIX file system; the box runs Linux.
 */
public final class SecretFile {

    private SecretFile() {}

    public static void write(Path target, String secret) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".secret-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, secret + "\n", StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
