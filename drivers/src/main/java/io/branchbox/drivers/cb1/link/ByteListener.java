package io.branchbox.drivers.cb1.link;

import java.io.IOException;

/**
 * Receives what a {@link ByteLink} reads.
 *
 * <p>Threading: both methods are called on the link's own reader thread, one call at a time.
 * Implementations must return quickly: while they run, no bytes are read.
 */
public interface ByteListener {

    /** Bytes just read; {@code b} is reused by the link, so it is valid only during the call. */
    void onBytes(byte[] b, int off, int len);

    /**
     * The link stopped delivering bytes: {@code cause} is the read error or vanished device, or
     * null when {@link ByteLink#close()} was called. Called at most once per {@code open}.
     */
    void onClosed(IOException cause);
}
