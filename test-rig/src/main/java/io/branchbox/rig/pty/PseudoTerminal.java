package io.branchbox.rig.pty;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Linux pseudo-terminal pair, the rig's stand-in for the board's {@code /dev/ttyACM0}.
 *
 * <p>The rig (a board simulator) holds the master side through this object; the code under test
 * opens {@link #devicePath()} like any serial device. The line is raw on creation (no echo, no
 * CR/LF translation, 8-bit clean). With a stable link path, unplugging the board is {@link #close}
 * (the link disappears with the tty) and plugging it back is a new {@code PseudoTerminal} behind
 * the same link path.
 *
 * <p>Threading: one thread may {@link #read} while another {@link #write}s; {@link #close} may be
 * called from any thread and wakes a blocked reader within about 50 ms. Pitfalls: while no one
 * has the slave open, Linux reports a hang-up on the master; {@code read} then just keeps waiting.
 * Writes never block longer than {@code writeTimeoutMillis}: bytes that do not fit in the kernel's
 * buffer in time are not written, which is how a full USB link behaves for the board.
 */
public final class PseudoTerminal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PseudoTerminal.class);
    private static final int POLL_SLICE_MILLIS = 50;
    private static final int BUFFER = 8192;

    private final int fd;
    private final Path slavePath;
    private final Optional<Path> linkPath;
    private final Object readLock = new Object();
    private final Object writeLock = new Object();
    private final Memory readBuf = new Memory(BUFFER);
    private final Memory writeBuf = new Memory(BUFFER);
    private final Memory readPoll = new Memory(8);
    private final Memory writePoll = new Memory(8);
    private volatile boolean closed;

    private PseudoTerminal(int fd, Path slavePath, Optional<Path> linkPath) {
        this.fd = fd;
        this.slavePath = slavePath;
        this.linkPath = linkPath;
    }

    /** Opens a raw pseudo-terminal without a stable link path. */
    public static PseudoTerminal open() throws IOException {
        return open(null);
    }

    /**
     * Opens a raw pseudo-terminal; when {@code link} is not null, (re)points that symbolic link at
     * the new slave, replacing whatever was there.
     */
    public static PseudoTerminal open(Path link) throws IOException {
        LibC c = LibC.INSTANCE;
        int fd = c.posix_openpt(LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_NONBLOCK);
        if (fd < 0) {
            throw new IOException("posix_openpt failed, errno " + Native.getLastError());
        }
        try {
            check(c.grantpt(fd), "grantpt");
            check(c.unlockpt(fd), "unlockpt");
            String name = c.ptsname(fd);
            if (name == null) {
                throw new IOException("ptsname failed, errno " + Native.getLastError());
            }
            makeRaw(fd);
            Path slave = Path.of(name);
            if (link != null) {
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, slave);
            }
            log.debug("pseudo-terminal {} opened{}", slave, link == null ? "" : " behind " + link);
            return new PseudoTerminal(fd, slave, Optional.ofNullable(link));
        } catch (IOException | RuntimeException e) {
            c.close(fd);
            throw e;
        }
    }

    private static void makeRaw(int fd) throws IOException {
        LibC c = LibC.INSTANCE;
        try (Memory termios = new Memory(LibC.TERMIOS_SIZE)) {
            termios.clear();
            check(c.tcgetattr(fd, termios), "tcgetattr");
            c.cfmakeraw(termios);
            check(c.tcsetattr(fd, LibC.TCSANOW, termios), "tcsetattr");
        }
    }

    private static void check(int rc, String call) throws IOException {
        if (rc != 0) {
            throw new IOException(call + " failed, errno " + Native.getLastError());
        }
    }

    /** The slave device, for example {@code /dev/pts/3}. */
    public Path slavePath() {
        return slavePath;
    }

    /** The stable symbolic link, if one was asked for. */
    public Optional<Path> linkPath() {
        return linkPath;
    }

    /** What the code under test should open: the link path if any, else the slave. */
    public Path devicePath() {
        return linkPath.orElse(slavePath);
    }

    public boolean isOpen() {
        return !closed;
    }

    /**
     * Reads at least one byte from the master, blocking until some arrive.
     *
     * @return the number of bytes read, or -1 once this terminal is closed
     */
    public int read(byte[] b, int off, int len) throws IOException {
        synchronized (readLock) {
            while (!closed) {
                int ready = pollOnce(readPoll, LibC.POLLIN);
                if (ready < 0) {
                    throw new IOException("poll failed, errno " + Native.getLastError());
                }
                short revents = readPoll.getShort(6);
                if ((revents & LibC.POLLIN) != 0) {
                    int n = (int) LibC.INSTANCE.read(fd, readBuf, new NativeLong(Math.min(len, BUFFER))).longValue();
                    if (n > 0) {
                        readBuf.read(0, b, off, n);
                        return n;
                    }
                }
                if ((revents & (LibC.POLLHUP | LibC.POLLERR)) != 0) {
                    // nobody has the slave open (host not started, or between reopen attempts)
                    pause();
                }
            }
            return -1;
        }
    }

    /** Writes all of {@code b[off, off+len)} to the master or throws if there is no room for 1 s. */
    public void write(byte[] b, int off, int len) throws IOException {
        int n = write(b, off, len, 1000);
        if (n < len) {
            throw new IOException("pty " + slavePath + " full: wrote " + n + " of " + len + " bytes");
        }
    }

    /**
     * Writes to the master, waiting at most {@code writeTimeoutMillis} for room.
     *
     * @return bytes written; fewer than {@code len} when the kernel buffer stayed full
     */
    public int write(byte[] b, int off, int len, int writeTimeoutMillis) throws IOException {
        synchronized (writeLock) {
            long deadline = System.nanoTime() + writeTimeoutMillis * 1_000_000L;
            int done = 0;
            while (done < len && !closed) {
                int chunk = Math.min(len - done, BUFFER);
                writeBuf.write(0, b, off + done, chunk);
                int n = (int) LibC.INSTANCE.write(fd, writeBuf, new NativeLong(chunk)).longValue();
                if (n > 0) {
                    done += n;
                    continue;
                }
                int errno = Native.getLastError();
                if (n < 0 && errno != LibC.EAGAIN && errno != LibC.EINTR) {
                    throw new IOException("write to pty master failed, errno " + errno);
                }
                if (System.nanoTime() >= deadline) {
                    break;
                }
                pollOnce(writePoll, LibC.POLLOUT);
            }
            return done;
        }
    }

    /** Closes the master; the slave side sees a hang-up and the link path is removed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (readLock) {
            synchronized (writeLock) {
                LibC.INSTANCE.close(fd);
            }
        }
        linkPath.ifPresent(this::removeLinkIfOurs);
        log.debug("pseudo-terminal {} closed", slavePath);
    }

    private void removeLinkIfOurs(Path link) {
        try {
            if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(slavePath)) {
                Files.delete(link);
            }
        } catch (IOException e) {
            log.warn("could not remove link {}: {}", link, e.toString());
        }
    }

    private int pollOnce(Memory pfd, short events) {
        pfd.setInt(0, fd);
        pfd.setShort(4, events);
        pfd.setShort(6, (short) 0);
        return LibC.INSTANCE.poll(pfd, 1, POLL_SLICE_MILLIS);
    }

    private static void pause() throws InterruptedIOException {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the slave side");
        }
    }
}
