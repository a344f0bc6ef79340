package io.branchbox.firmware.recording;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much room the recordings' file system has. Production reads the {@link FileStore} of the
 * recordings directory; tests supply fixed numbers to simulate a filling disk. Implementations
 * must be thread-safe; reads may block briefly (a {@code statvfs}).
 */
public interface FreeSpace {
    /** Bytes this process may still write. */
    long usableBytes() throws IOException;

    /** Size of the file system. */
    long totalBytes() throws IOException;

    /**
     * The file system holding {@code dir}, or holding its nearest existing ancestor while
     * {@code dir} does not exist yet (a new box before its first call).
     */
    static FreeSpace of(Path dir) {
        return new FreeSpace() {
            @Override
            public long usableBytes() throws IOException {
                return store().getUsableSpace();
            }

            @Override
            public long totalBytes() throws IOException {
                return store().getTotalSpace();
            }

            private FileStore store() throws IOException {
                Path p = dir.toAbsolutePath();
                while (p != null && !Files.exists(p)) {
                    p = p.getParent();
                }
                if (p == null) {
                    throw new IOException("no existing directory above " + dir);
                }
                return Files.getFileStore(p);
            }
        };
    }
}
