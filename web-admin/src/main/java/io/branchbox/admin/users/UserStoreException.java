package io.branchbox.admin.users;

/**
 * The user database failed or refused a change (duplicate user, weak password, I/O error).
 *
 * <p>{@link #reason()} tells the web layer which answer to give; for REJECTED and CONFLICT the
 * message is a message catalogue key ({@code core.error.…}) that the web layer translates. It never
 * contains a password.
 */
public final class UserStoreException extends RuntimeException {

    /** Why the operation failed. */
    public enum Reason {
        /** The request itself is wrong (bad username, weak password, unknown user). */
        REJECTED,
        /** A user with that name already exists. */
        CONFLICT,
        /** Database or file system failure. */
        STORAGE
    }

    private final Reason reason;

    public UserStoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public UserStoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
