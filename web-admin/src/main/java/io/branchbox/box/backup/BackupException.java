package io.branchbox.box.backup;

/** A backup or restore that did not happen, with a sentence for the technician and its kind. */
public final class BackupException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why; the web admin maps these to HTTP statuses, the launcher to exit codes. */
    public enum Kind {
        /** Not enough space for the backup file: nothing was written. */
        NO_SPACE,
        /** Not a backup of this product, truncated, or a checksum does not match. */
        DAMAGED,
        /** A backup of this product but of another box or a newer firmware or schema. */
        FOREIGN,
        /** The box is running (restore and an offline backup need it stopped). */
        BOX_RUNNING,
        /** Any other I/O error. */
        IO
    }

    private final Kind kind;

    public BackupException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public BackupException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
