package io.branchbox.drivers.cb1.link;

import java.io.IOException;

/**
 * A raw byte pipe to the board: a serial port, a USB CDC-ACM device or a test fake.
 *
 * <p>Deliberately narrow (open, write, close and a listener), so that the board link above it
 * does not depend on any serial library. One instance is opened once; to reconnect, the caller
 * makes a new instance.
 *
 * <p>Threading: {@link #open} starts a reader thread owned by the link that calls the
 * {@link ByteListener}. {@link #write} may be called from one writer thread at a time while the
 * reader runs. {@link #close} is safe from any thread and returns quickly.
 */
public interface ByteLink {

    /**
     * Opens the device and starts delivering received bytes to {@code listener}.
     *
     * @throws IOException when the device is absent, busy or cannot be configured
     */
    void open(ByteListener listener) throws IOException;

    /** Writes all of {@code b[off, off+len)} or throws; may block while the device is full. */
    void write(byte[] b, int off, int len) throws IOException;

    /** Closes the device; the listener then gets {@code onClosed(null)}. Idempotent. */
    void close();

    boolean isOpen();
}
