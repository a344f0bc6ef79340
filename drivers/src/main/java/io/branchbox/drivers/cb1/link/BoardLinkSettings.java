package io.branchbox.drivers.cb1.link;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Configuration of one board link.
 *
 * @param devicePath     the tty to open, e.g. {@code /dev/ttyACM0} or a stable symbolic link
 * @param baud           line speed: 3,000,000 for the header UART, ignored by CDC-ACM
 * @param rtsCts         hardware flow control (the header UART uses it)
 * @param pingInterval   PING period; the board enters host-lost after 3 s without one
 * @param pongTimeout    no PONG at all for this long means the board failed
 * @param ackTimeout     wait before resending an unacknowledged command
 * @param maxResends     resends before the board is treated as failed
 * @param helloTimeout   wait for HELLO after open or a reset pulse (doubles on each retry)
 * @param reopenInterval wait between attempts to open a device that is absent
 * @param audioSlots     preallocated outgoing audio frames; beyond that frames are dropped
 */
public record BoardLinkSettings(
        Path devicePath,
        int baud,
        boolean rtsCts,
        Duration pingInterval,
        Duration pongTimeout,
        Duration ackTimeout,
        int maxResends,
        Duration helloTimeout,
        Duration reopenInterval,
        int audioSlots) {

    /**
     * Datasheet timings for a device path: ACK 200 ms × 3 resends, HELLO 1 s; PING every 500 ms
     * (the datasheet asks for at least one a second) so that a noisy link needs six lost PINGs in a
     * row, not three, to put the board into host-lost.
     */
    public static BoardLinkSettings defaults(Path devicePath) {
        return new BoardLinkSettings(devicePath, 3_000_000, false, Duration.ofMillis(500),
                Duration.ofMillis(2500), Duration.ofMillis(200), 3, Duration.ofSeconds(1),
                Duration.ofMillis(500), 256);
    }

    public BoardLinkSettings withPongTimeout(Duration d) {
        return new BoardLinkSettings(devicePath, baud, rtsCts, pingInterval, d, ackTimeout, maxResends,
                helloTimeout, reopenInterval, audioSlots);
    }
}
