package io.branchbox.firmware.journal;

/**
 * A journal line that cannot be an event: bad CRC, no separator, malformed JSON, missing field.
 * Thrown by {@link JournalCodec#decode} and caught where segments are read, which cut a torn tail
 * or skip and count a corrupt line in the middle.
 */
public final class JournalFormatException extends Exception {
    public JournalFormatException(String message) {
        super(message, null, false, false);
    }

    public JournalFormatException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
