package io.branchbox.firmware.isdn.lapd;

import java.util.EnumMap;
import java.util.Map;

/** The live, mutable counters behind {@link LapdCounters}; touched only on the link's thread. */
final class CounterSet {
    long framesIn;
    long framesOut;
    long iFramesIn;
    long iFramesOut;
    long retransmissions;
    long rejectsSent;
    long rejectsReceived;
    long establishments;
    long discarded;
    long queueDrops;
    long unacknowledgedDiscarded;
    private final Map<LapdException.Reason, Long> malformed = new EnumMap<>(LapdException.Reason.class);
    private final Map<MdlError, Long> mdlErrors = new EnumMap<>(MdlError.class);

    void malformed(LapdException.Reason reason) {
        malformed.merge(reason, 1L, Long::sum);
    }

    void mdlError(MdlError code) {
        mdlErrors.merge(code, 1L, Long::sum);
    }

    LapdCounters snapshot() {
        return new LapdCounters(framesIn, framesOut, iFramesIn, iFramesOut, retransmissions,
                rejectsSent, rejectsReceived, establishments, discarded, queueDrops,
                unacknowledgedDiscarded, malformed, mdlErrors);
    }
}
