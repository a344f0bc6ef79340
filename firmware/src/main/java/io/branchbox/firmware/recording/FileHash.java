package io.branchbox.firmware.recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files, in lower-case hex as the recorder stores it. Stateless. */
final class FileHash {
    private static final int BUFFER = 64 * 1024;

    private FileHash() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java runtime must provide SHA-256
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The file's hash. */
    static String of(Path file) throws IOException {
        return copy(file, OutputStream.nullOutputStream());
    }

    /** Copies {@code file} to {@code out} and returns the hash of exactly the bytes copied. */
    static String copy(Path file, OutputStream out) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
