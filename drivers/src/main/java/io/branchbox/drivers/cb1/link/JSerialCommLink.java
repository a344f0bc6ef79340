package io.branchbox.drivers.cb1.link;

import io.branchbox.time.ThreadNames;
import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ByteLink} over jSerialComm: the board's CDC-ACM device ({@code /dev/ttyACM0}), the
 * header UART, or any tty path such as a symbolic link to a pseudo-terminal.
 *
 * <p>The line is set to 8N1 at {@code baud} (the CDC-ACM board ignores it; the UART needs
 * 3,000,000) with optional RTS/CTS. Symbolic links are resolved before opening, because the
 * device that was opened is what must be watched: a {@code /dev/serial/by-id} style link that
 * later points elsewhere means the old device is gone.
 *
 * <p>Threading: {@link #open} starts a daemon reader thread named after the device, which blocks
 * in a read with a short timeout and calls the listener. A read error, a hang-up, or the device
 * file disappearing (USB unplug, re-enumeration) ends the thread with
 * {@code onClosed(cause)}. Writes come from the caller's thread and may block while the device
 * is flow-controlled.
 */
public final class JSerialCommLink implements ByteLink {
    private static final Logger log = LoggerFactory.getLogger(JSerialCommLink.class);
    private static final int READ_TIMEOUT_MILLIS = 100;
    private static final int READ_BUFFER = 4096;

    private final Path devicePath;
    private final int baud;
    private final boolean rtsCts;
    private volatile SerialPort port;
    private volatile Path openedPath;
    private volatile boolean closing;

    public JSerialCommLink(Path devicePath, int baud, boolean rtsCts) {
        this.devicePath = devicePath;
        this.baud = baud;
        this.rtsCts = rtsCts;
    }

    @Override
    public synchronized void open(ByteListener listener) throws IOException {
        if (port != null) {
            throw new IllegalStateException("already opened: " + devicePath);
        }
        Path real;
        try {
            real = devicePath.toRealPath();
        } catch (IOException e) {
            throw new IOException("device " + devicePath + " not present", e);
        }
        SerialPort p = SerialPort.getCommPort(real.toString());
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(rtsCts
                ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
                : SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MILLIS, 0);
        if (!p.openPort()) {
            throw new IOException("cannot open " + devicePath + " (" + real + "): error "
                    + p.getLastErrorCode() + " at " + p.getLastErrorLocation());
        }
        closing = false;
        openedPath = real;
        port = p;
        Thread reader = new Thread(() -> readLoop(p, listener), ThreadNames.CB1_READ + real.getFileName());
        reader.setDaemon(true);
        reader.start();
        log.info("opened {} ({}) at {} baud{}", devicePath, real, baud, rtsCts ? " with RTS/CTS" : "");
    }

    private void readLoop(SerialPort p, ByteListener listener) {
        byte[] buf = new byte[READ_BUFFER];
        IOException cause = null;
        try {
            while (!closing) {
                int n = p.readBytes(buf, buf.length);
                if (n > 0) {
                    listener.onBytes(buf, 0, n);
                } else if (n < 0) {
                    cause = new IOException("read from " + devicePath + " failed: error "
                            + p.getLastErrorCode());
                    break;
                } else if (!closing && vanished()) {
                    cause = new IOException("device " + devicePath + " vanished");
                    break;
                }
            }
        } catch (RuntimeException e) {
            cause = new IOException("reader of " + devicePath + " failed", e);
        } finally {
            p.closePort();
            port = null;
            if (cause != null && !closing) {
                log.warn("{}", cause.getMessage());
                listener.onClosed(cause);
            } else {
                listener.onClosed(null);
            }
        }
    }

    /** A silent read timeout is normal; it is also when an unplugged device is noticed. */
    private boolean vanished() {
        Path opened = openedPath;
        if (opened == null || !Files.exists(opened)) {
            return true;
        }
        try {
            return !devicePath.toRealPath().equals(opened);
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        SerialPort p = port;
        if (p == null) {
            throw new IOException("link to " + devicePath + " is not open");
        }
        int done = 0;
        while (done < len) {
            int n = p.writeBytes(b, len - done, off + done);
            if (n <= 0) {
                throw new IOException("write to " + devicePath + " failed: error " + p.getLastErrorCode());
            }
            done += n;
        }
    }

    @Override
    public void close() {
        closing = true;
        // the reader notices within one read timeout and closes the port itself, so close never
        // races a native read on the same handle
    }

    @Override
    public boolean isOpen() {
        return port != null && !closing;
    }
}
