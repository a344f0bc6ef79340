package io.branchbox.firmware.recording;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens a new recording file for writing. Production uses {@link #DEFAULT}; tests substitute
 * channels that fail like a full disk. Called on the recording writer thread.
 */
@FunctionalInterface
public interface ChannelOpener {
    FileChannel open(Path file) throws IOException;

    /** Creates the file, refusing to overwrite an existing recording. */
    ChannelOpener DEFAULT = file -> FileChannel.open(file,
            StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
}
