package io.branchbox.drivers.cb1.link;

/**
 * Completes a command's future when the board never acknowledged it.
 *
 * <p>A rejected command is not this exception: it completes normally with its ACK status.
 */
public final class CommandFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the command got no ACK. */
    public enum Reason {
        /** No ACK after the first send and every resend: the board is being reset. */
        NO_ACK,
        /** The board sent HELLO while the command was in flight: its effect is gone anyway. */
        BOARD_RESTARTED,
        /** The link was not online, or went down while the command was in flight. */
        LINK_DOWN,
        /** 255 commands to the same unit are already waiting for an ACK. */
        TOO_MANY_PENDING,
        /** The link was stopped. */
        STOPPED
    }

    private final Reason reason;

    public CommandFailedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
