package io.branchbox.drivers.cb1.link;

import io.branchbox.drivers.cb1.msg.BoardHealth;
import java.util.Optional;

/**
 * A snapshot of the board link's counters since it was created (they survive reconnects).
 *
 * @param framesIn              frames received with a good FCS
 * @param framesOut             frames written to the device
 * @param badFcs                received frames dropped for a bad FCS
 * @param otherDrops            other dropped frames: too short, too long, aborted, undecodable, or
 *                              an outgoing control frame that could not be written
 * @param resends               command resends after an ACK timeout
 * @param ackTimeouts           commands that got no ACK after every resend
 * @param resets                reset pulses sent to the board
 * @param pongLatencyLastMicros PING to PONG time of the last answered PING
 * @param pongLatencyMaxMicros  the largest such time seen
 * @param audioIn               AUDIO frames received
 * @param audioOut              AUDIO frames written
 * @param audioDrops            outgoing AUDIO frames dropped (queue full or link down)
 * @param lastHealth            the last BOARD_HEALTH report, if any arrived
 * @param pingsSent             PINGs sent
 * @param pongsLost             PINGs whose PONG did not come before the next PING (lost either way)
 * @param commandsLost          commands that got no ACK after every resend while the board was
 *                              still heard (failed, but the board was not reset)
 */
public record LinkCounters(
        long framesIn,
        long framesOut,
        long badFcs,
        long otherDrops,
        long resends,
        long ackTimeouts,
        long resets,
        long pongLatencyLastMicros,
        long pongLatencyMaxMicros,
        long audioIn,
        long audioOut,
        long audioDrops,
        Optional<BoardHealth> lastHealth,
        long pingsSent,
        long pongsLost,
        long commandsLost) {

    /** Counters without the link-quality figures (kept for callers written before they existed). */
    public LinkCounters(long framesIn, long framesOut, long badFcs, long otherDrops, long resends, long ackTimeouts,
            long resets, long pongLatencyLastMicros, long pongLatencyMaxMicros, long audioIn, long audioOut,
            long audioDrops, Optional<BoardHealth> lastHealth) {
        this(framesIn, framesOut, badFcs, otherDrops, resends, ackTimeouts, resets, pongLatencyLastMicros,
                pongLatencyMaxMicros, audioIn, audioOut, audioDrops, lastHealth, 0, 0, 0);
    }
}
