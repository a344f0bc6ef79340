package io.branchbox.firmware.isdn.q931;

/**
 * A network SETUP the box refused (RELEASE COMPLETE with {@code cause}), for the journal and the
 * statistics: the caller was offered to the box and lost. Immutable.
 *
 * @param cause    the Q.850 cause value sent back (34, 44, 82, 88, 96, ...)
 * @param timeslot the B-channel the network named, 0 when it named none or the SETUP was unreadable
 * @param calling  the caller's number as shown on screens, "" if unknown
 * @param called   the dialled number, "" if unknown
 * @param reason   the refusal in words, for a technician
 */
public record Refusal(Q850Cause cause, int timeslot, String calling, String called, String reason) {
    public Refusal {
        calling = calling == null ? "" : calling;
        called = called == null ? "" : called;
    }
}
