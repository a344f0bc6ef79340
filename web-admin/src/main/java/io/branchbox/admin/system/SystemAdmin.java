package io.branchbox.admin.system;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * What the system area may do to the box. Implementations block on disk (a backup takes seconds
 * to minutes); they are called on Jetty's request threads, one backup at a time.
 */
public interface SystemAdmin {

    /** A refused or failed operation: the HTTP status to answer and a sentence for the technician. */
    final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        public Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** One backup file on the box. */
    record BackupFile(String name, long bytes) {}

    /** Version, first boot report, last scheduled backup: a JSON-ready map. */
    Map<String, Object> status();

    /**
     * For the status page (any status viewer): box id, firmware, certificate fingerprint, what first
     * boot did with a provisioning file (applied, refused and why, none found), what the first-boot
     * wizard recorded, and whether a firmware update is under way.
     */
    Map<String, Object> firstBootReport();

    /** The backup files in the backup directory, oldest first. */
    List<BackupFile> backups() throws IOException;

    /** Makes a backup now (with or without the recordings). */
    BackupFile backupNow(boolean recordings) throws Refused;

    /** Writes backup {@code name} (one of {@link #backups()}) to {@code out}. */
    void download(String name, OutputStream out) throws Refused, IOException;

    /**
     * Installs the firmware update package read from {@code body} (verified first, docs/UPDATES.md)
     * and restarts into it a few seconds after the answer; the new version rolls itself back when
     * it does not become healthy. Refused (nothing changed): 422 bad or unsigned package, 409 an
     * update under way, 507 no space.
     */
    Map<String, Object> update(java.io.InputStream body, String byUser) throws Refused;

    /**
     * Resets the box to the factory state (see FactoryReset) and restarts it shortly after the
     * answer has gone out.
     */
    void factoryReset(boolean keepRecordings, String byUser);
}
