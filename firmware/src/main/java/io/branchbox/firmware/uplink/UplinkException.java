package io.branchbox.firmware.uplink;

/**
 * The one failure type of the uplink layer, carrying a {@link Reason} the status page can show.
 *
 * <p>Thrown by {@link Outbox} (storage) and by settings validation; caught in
 * {@link UplinkService}, which turns it into {@link UplinkStatus#lastError()}. Broker-side
 * failures (refused connect, lost connection) are not exceptions: they become status changes.
 */
public final class UplinkException extends Exception {

    /** Why the uplink failed. */
    public enum Reason {
        /** Outbox files cannot be read, written or forced to disk. */
        STORAGE,
        /** Settings are inconsistent (bad URI, missing TLS file, bad topic segment). */
        CONFIGURATION,
        /** TLS material could not be loaded. */
        TLS,
        /** A command from the office could not be carried out (thrown by a {@link CommandHandler}). */
        COMMAND
    }

    private final Reason reason;

    public UplinkException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public UplinkException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
