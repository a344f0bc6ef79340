package io.branchbox.rig.carrier;

/** The box refused a call the carrier offered; {@link #cause()} is the Q.931 cause it gave. */
public final class CallRejectedException extends RuntimeException {
    private final int cause;

    public CallRejectedException(int cause) {
        super("call rejected with cause " + cause, null, false, false);
        this.cause = cause;
    }

    public int cause() {
        return cause;
    }
}
