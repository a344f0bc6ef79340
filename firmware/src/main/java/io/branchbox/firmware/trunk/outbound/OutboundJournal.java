package io.branchbox.firmware.trunk.outbound;

import io.branchbox.firmware.journal.CallEvents;

/**
 * Where the dialer writes its {@code call.attempt} events: in the box, the event journal
 * ({@code EventJournal::append}).
 *
 * <p>Called on the signalling thread; must not block (the journal only queues).
 */
@FunctionalInterface
public interface OutboundJournal {
    void append(CallEvents.Attempt attempt);
}
