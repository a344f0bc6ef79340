package io.branchbox.firmware.trunk.outbound;

import java.util.Map;

/**
 * Where the dialer writes its {@code call.attempt} events: in the box, the event journal
 * ({@code (type, callId, attrs) -> events.append(type, callId, null, null, attrs)}).
 *
 * <p>Called on the signalling thread; must not block (the journal only queues).
 */
@FunctionalInterface
public interface OutboundJournal {
    void append(String type, String callId, Map<String, String> attrs);
}
