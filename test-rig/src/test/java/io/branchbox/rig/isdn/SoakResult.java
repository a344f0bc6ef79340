package io.branchbox.rig.isdn;

import io.branchbox.firmware.isdn.lapd.LapdCounters;
import io.branchbox.firmware.isdn.q931.BChannels.ChannelState;
import io.branchbox.rig.isdn.CallLedger.Book;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a {@link PriSoak} did and what it left behind. */
record SoakResult(SoakSettings settings, int started, int offeredToBox, int placedByBox, int networkFull,
        int glaresArmed, int movedByNetwork, int cuts, long reestablishments, long lostToNetwork, long lostToBox,
        long framesToNetwork, long framesToBox, int backstops, long supervisionInterventions, CallLedger ledger,
        List<String> violations, int boxCallsLeft, int carrierCallsLeft, Map<Integer, ChannelState> channels,
        long boxProtocolErrors, long carrierFaults, LapdCounters boxLapd, Duration trafficTime,
        Duration virtualTime, Duration wallTime) {

    long channelsIn(ChannelState s) {
        return channels.values().stream().filter(s::equals).count();
    }

    /** Every figure on a few lines, for the log and the report. */
    String summary() {
        return String.format("""
                soak seed %d: %d call attempts (%d offered to the box, %d placed by the box, %d skipped: carrier \
                had no free channel) in %s of virtual time (%s with the clean-up), %s wall time
                box incoming: %d opened, %d ended, causes %s
                box outgoing: %d opened, %d ended, causes %s; %d moved to another channel by the network
                carrier: %d calls, %d ended, causes %s
                glare armed %d; wire cuts %d; LAPD re-establishments %d; frames lost %d of %d to the carrier, \
                %d of %d to the box; LAPD retransmissions %d, REJ sent %d, unacknowledged dropped by resets %d
                box hang-up backstops %d; carrier supervision interventions %d; protocol errors box %d carrier %d
                left: box calls %d, carrier calls %d, channels BUSY %d BLOCKED %d RESTARTING %d; \
                ledger anomalies %d; invariant violations %d""",
                settings.seed(), started, offeredToBox, placedByBox, networkFull, trafficTime, virtualTime, wallTime,
                ledger.opened(Book.BOX_IN), ledger.ended(Book.BOX_IN), ledger.causes(Book.BOX_IN),
                ledger.opened(Book.BOX_OUT), ledger.ended(Book.BOX_OUT), ledger.causes(Book.BOX_OUT), movedByNetwork,
                ledger.opened(Book.CARRIER), ledger.ended(Book.CARRIER), ledger.causes(Book.CARRIER),
                glaresArmed, cuts, reestablishments, lostToNetwork, framesToNetwork, lostToBox, framesToBox,
                boxLapd.retransmissions(), boxLapd.rejectsSent(), boxLapd.unacknowledgedDiscarded(),
                backstops, supervisionInterventions, boxProtocolErrors, carrierFaults,
                boxCallsLeft, carrierCallsLeft, channelsIn(ChannelState.BUSY), channelsIn(ChannelState.BLOCKED),
                channelsIn(ChannelState.RESTARTING), ledger.anomalyCount(), violations.size());
    }
}
