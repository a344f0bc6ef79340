package io.branchbox.firmware.console;

import java.time.Instant;

/**
 * A callback waiting to be made, as the callback list shows it: the request's id (the call that
 * asked for it, or the booking made by an agent), the number to call, the queue whose agents call
 * back, the caller's priority, since when the caller's place counts, and the attempts made so far.
 */
public record CallbackView(String requestId, String number, String queue, int priority, Instant placeSince,
        int attempts) {}
