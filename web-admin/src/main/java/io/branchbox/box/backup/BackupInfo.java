package io.branchbox.box.backup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What a backup file says about itself. The header ({@link Header}) is the tar's first entry, so a
 * foreign or newer file is refused after reading a few hundred bytes; the manifest
 * ({@link Manifest}) is the last, because its checksums are of the bytes as written.
 */
public final class BackupInfo {
    /** The product a backup belongs to; anything else is refused as foreign. */
    public static final String PRODUCT = "branchbox";
    /** The layout of the tar this firmware writes; a newer one is refused. */
    public static final int FORMAT = 1;
    public static final String HEADER_ENTRY = "BACKUP-INFO.json";
    public static final String MANIFEST_ENTRY = "MANIFEST.json";
    /** Entry names inside the tar. */
    public static final String CONFIG_ENTRY = "config/box.json";
    public static final String DATABASE_ENTRY = "database/box.mv.db";
    public static final String JOURNAL_DIR = "journal/";
    public static final String RECORDINGS_DIR = "recordings/";

    private BackupInfo() {}

    /** The first entry. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Header(String product, int format, String firmwareVersion, int configSchema, String siteId,
            String boxId, String createdAt, boolean recordings) {}

    /** One file in the tar: its name, size and SHA-256 (lower-case hex). */
    public record Entry(String path, long size, String sha256) {}

    /** The last entry: every other entry but the header and itself. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Manifest(List<Entry> entries) {
        public Manifest {
            entries = List.copyOf(entries);
        }
    }
}
