package io.branchbox.box.backup;

import io.branchbox.firmware.config.BoxConfig;
import java.nio.file.Path;

/**
 * Where one box keeps what a backup holds: the configuration document (in the package:
 * {@code /etc/branchbox/box.json}), the data directory (database {@code box.mv.db} and
 * {@code journal/}) and the recordings directory (the document's {@code recording.directory},
 * relative to the data directory unless absolute).
 */
public record BoxFiles(Path configFile, Path dataDir, Path recordingsDir) {
    /** The H2 database file's name in the data directory (firmware's {@code store.Database} names it "box"). */
    public static final String DATABASE_FILE = "box.mv.db";

    public static BoxFiles of(Path configFile, Path dataDir, BoxConfig config) {
        return new BoxFiles(configFile, dataDir, dataDir.resolve(config.recording().directory()));
    }

    public Path databaseFile() {
        return dataDir.resolve(DATABASE_FILE);
    }

    public Path journalDir() {
        return dataDir.resolve("journal");
    }
}
