package io.branchbox.box.update;

/** An update that was refused or failed, with a sentence for the technician and its kind. */
public final class UpdateException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why; the web admin maps these to HTTP statuses, the office gets the name. */
    public enum Kind {
        /** The package carries no signature. */
        UNSIGNED,
        /** The signature is not the project's over this manifest (tampered, or signed by someone else). */
        BAD_SIGNATURE,
        /** Truncated, not a package, or a file does not match the signed manifest. */
        DAMAGED,
        /** Not an update of this product, or an unknown package format. */
        FOREIGN,
        /** Not newer than the running version (an old signed package must not be replayed). */
        NOT_NEWER,
        /** Not enough space to install it beside the running version: nothing was changed. */
        NO_SPACE,
        /** Another update is under way or on trial. */
        BUSY,
        /** Any other I/O error: nothing was changed. */
        IO
    }

    private final Kind kind;

    public UpdateException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public UpdateException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
