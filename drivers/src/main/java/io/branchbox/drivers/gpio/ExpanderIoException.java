package io.branchbox.drivers.gpio;

/**
 * An I2C transfer with a seat expander failed. Carries the register so the status names what
 * failed; caught at one boundary in {@link SeatPanels}, never thrown to its callers.
 */
final class ExpanderIoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExpanderIoException(String operation, int register, Throwable cause) {
        super(operation + " register 0x" + Integer.toHexString(register) + ": " + cause, cause);
    }

    ExpanderIoException(String operation, int register, int result) {
        super(operation + " register 0x" + Integer.toHexString(register) + " returned " + result);
    }
}
