package io.branchbox.firmware.uplink;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of the uplink for the web admin and the front-panel UPLINK LED.
 *
 * @param state     current state
 * @param reason    why it is in that state, one short line ("connected", "retry in 8 s",
 *                  "disabled in settings", "invalid settings: ...")
 * @param queued    messages waiting in the outbox for the broker's confirmation
 * @param dropped   messages dropped per priority because the outbox was full, since first use
 * @param lastError the most recent failure, empty if none yet; never contains credentials
 * @param since     when the state last changed
 */
public record UplinkStatus(UplinkState state, String reason, int queued, Map<Priority, Long> dropped,
        String lastError, Instant since) {
    public UplinkStatus {
        dropped = Map.copyOf(dropped);
        lastError = lastError == null ? "" : lastError;
    }
}
