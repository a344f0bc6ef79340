package io.branchbox.firmware.qa;

import java.util.Objects;

/**
 * An inspector's mark at a time in the call ("00:42 did not confirm the address"). The text is
 * stored as typed; pages escape it when they show it.
 *
 * @param atMs milliseconds from the start of the recording
 * @param text the comment, at most {@link #MAX_TEXT} characters
 */
public record Mark(long atMs, String text) {
    public static final int MAX_TEXT = 500;

    public Mark {
        Objects.requireNonNull(text, "text");
        if (atMs < 0) {
            throw new IllegalArgumentException("a mark's time is not negative");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a mark's text is at most " + MAX_TEXT + " characters");
        }
    }
}
