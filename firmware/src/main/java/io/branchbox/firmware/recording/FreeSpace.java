package io.branchbox.firmware.recording;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much room the recordings' file system has. Production asks the file system of the
 * recordings directory ({@code statvfs} through {@link File#getUsableSpace}); tests supply fixed
 * numbers to simulate a filling disk. Implementations must be thread-safe; reads may block
 * briefly.
 *
 * <p>Pitfall: not {@code Files.getFileStore}, which looks the mount up in /proc/self/mounts and
 * throws "Mount point not found" in a chroot or a container whose mount table does not list the
 * directory's file system (the box failed to start that way in deb-check's trixie root).
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
                return existing().getUsableSpace();
            }

            @Override
            public long totalBytes() throws IOException {
                return existing().getTotalSpace();
            }

            private File existing() throws IOException {
                Path p = dir.toAbsolutePath();
                while (p != null && !Files.exists(p)) {
                    p = p.getParent();
                }
                if (p == null) {
                    throw new IOException("no existing directory above " + dir);
                }
                return p.toFile();
            }
        };
    }
}
