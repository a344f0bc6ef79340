package io.branchbox.rig.pty;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The few glibc calls a pseudo-terminal needs. termios and pollfd are passed as raw memory so
 * that no structure layout is copied into Java: {@code cfmakeraw} fills the termios itself.
 */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int O_RDWR = 0x2;
    int O_NOCTTY = 0x100;
    int O_NONBLOCK = 0x800;
    int TCSANOW = 0;
    short POLLIN = 0x1;
    short POLLOUT = 0x4;
    short POLLERR = 0x8;
    short POLLHUP = 0x10;
    int EAGAIN = 11;
    int EINTR = 4;
    int EIO = 5;
    /** Bytes for a termios; glibc's is 60 on the platforms the rig runs on. */
    int TERMIOS_SIZE = 256;

    int posix_openpt(int flags);

    int grantpt(int fd);

    int unlockpt(int fd);

    String ptsname(int fd);

    int tcgetattr(int fd, Pointer termios);

    int tcsetattr(int fd, int optionalActions, Pointer termios);

    void cfmakeraw(Pointer termios);

    int poll(Pointer fds, int nfds, int timeoutMillis);

    NativeLong read(int fd, Pointer buf, NativeLong count);

    NativeLong write(int fd, Pointer buf, NativeLong count);

    int close(int fd);
}
