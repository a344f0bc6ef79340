package io.branchbox.firmware.runtime;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.trunk.outbound.ChannelAdmin;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Technician channel blocks that survive a restart: each block and unblock is journaled, and at
 * start-up the journal is replayed to put back the blocks that were still in force.
 *
 * <p>Threading: {@link #block} and {@link #unblock} on the signalling thread (they touch the
 * channel admin); {@link #restore} once at start-up before calls are taken.
 */
final class ChannelBlocks {
    static final String BLOCKED = "channel.blocked";
    static final String UNBLOCKED = "channel.unblocked";

    private final EventJournal journal;
    private final ChannelAdmin admin;

    ChannelBlocks(EventJournal journal, ChannelAdmin admin) {
        this.journal = journal;
        this.admin = admin;
    }

    void block(int span, int timeslot, String reason) {
        admin.block(span, timeslot, reason);
        journal.append(BLOCKED, null, null, null, Map.of("span", String.valueOf(span), "timeslot",
                String.valueOf(timeslot), "reason", reason));
    }

    void unblock(int span, int timeslot) {
        admin.unblock(span, timeslot);
        journal.append(UNBLOCKED, null, null, null, Map.of("span", String.valueOf(span), "timeslot",
                String.valueOf(timeslot)));
    }

    /** Re-applies the blocks the journal says are in force; returns how many. */
    int restore() throws IOException {
        Map<String, String[]> inForce = new LinkedHashMap<>();
        journal.replay(e -> {
            if (BLOCKED.equals(e.type())) {
                inForce.put(e.attr("span") + "/" + e.attr("timeslot"),
                        new String[] {e.attr("span"), e.attr("timeslot"), e.attr("reason")});
            } else if (UNBLOCKED.equals(e.type())) {
                inForce.remove(e.attr("span") + "/" + e.attr("timeslot"));
            }
        });
        for (String[] b : inForce.values()) {
            admin.block(Integer.parseInt(b[0]), Integer.parseInt(b[1]), b[2]);
        }
        return inForce.size();
    }
}
