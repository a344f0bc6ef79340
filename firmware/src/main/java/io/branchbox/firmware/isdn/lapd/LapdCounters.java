package io.branchbox.firmware.isdn.lapd;

import java.util.Map;

/**
 * A snapshot of one link's counters since it was created; for the status page and diagnostics.
 *
 * @param framesIn frames received from the D-channel, malformed ones included
 * @param framesOut frames handed to the D-channel
 * @param iFramesIn I frames accepted in sequence (each delivered one layer-3 message)
 * @param iFramesOut I frames sent, retransmissions included
 * @param retransmissions I frames sent again after REJ or a poll
 * @param rejectsSent REJ frames sent (a gap in the received sequence)
 * @param rejectsReceived REJ frames received
 * @param establishments times multiple-frame operation was (re-)established
 * @param discarded well-formed frames ignored: other SAPI/TEI, wrong C/R for the type, UI, XID,
 *     or received while the physical layer is down
 * @param queueDrops layer-3 messages refused because the queue held {@code maxQueued}
 * @param unacknowledgedDiscarded sent but unacknowledged messages dropped by a link reset
 * @param malformed malformed frames by reason
 * @param mdlErrors MDL-ERROR indications by code
 */
public record LapdCounters(
        long framesIn,
        long framesOut,
        long iFramesIn,
        long iFramesOut,
        long retransmissions,
        long rejectsSent,
        long rejectsReceived,
        long establishments,
        long discarded,
        long queueDrops,
        long unacknowledgedDiscarded,
        Map<LapdException.Reason, Long> malformed,
        Map<MdlError, Long> mdlErrors) {

    public LapdCounters {
        malformed = Map.copyOf(malformed);
        mdlErrors = Map.copyOf(mdlErrors);
    }

    /** Count of one MDL-ERROR code, 0 if never seen. */
    public long mdlErrors(MdlError code) {
        return mdlErrors.getOrDefault(code, 0L);
    }

    /** Count of malformed frames for one reason, 0 if never seen. */
    public long malformed(LapdException.Reason reason) {
        return malformed.getOrDefault(reason, 0L);
    }
}
