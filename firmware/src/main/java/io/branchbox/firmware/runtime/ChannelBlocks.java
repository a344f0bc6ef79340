package io.branchbox.firmware.runtime;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
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

    /** A technician's block in force: the B-channel and the reason given. */
    record Block(int span, int timeslot, String reason) {
        /** The block an event of type {@link #BLOCKED} or {@link #UNBLOCKED} names (reason empty for the latter). */
        static Block of(JournalEvent e) {
            String reason = e.attr("reason");
            return new Block(Integer.parseInt(e.attr("span")), Integer.parseInt(e.attr("timeslot")),
                    reason == null ? "" : reason);
        }

        Channel channel() {
            return new Channel(span, timeslot);
        }
    }

    /** A B-channel of a span. */
    record Channel(int span, int timeslot) {}

    /** Re-applies the blocks the journal says are in force; returns how many. */
    int restore() throws IOException {
        Map<Channel, Block> inForce = new LinkedHashMap<>();
        journal.replay(e -> {
            if (BLOCKED.equals(e.type())) {
                Block b = Block.of(e);
                inForce.put(b.channel(), b);
            } else if (UNBLOCKED.equals(e.type())) {
                inForce.remove(Block.of(e).channel());
            }
        });
        for (Block b : inForce.values()) {
            admin.block(b.span(), b.timeslot(), b.reason());
        }
        return inForce.size();
    }
}
