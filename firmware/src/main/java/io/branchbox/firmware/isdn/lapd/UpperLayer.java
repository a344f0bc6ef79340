package io.branchbox.firmware.isdn.lapd;

import io.branchbox.firmware.isdn.DataLinkUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What layer 3 hears from one link, and when: DL-ESTABLISH and DL-RELEASE indications as
 * {@link DataLinkUser} calls, received data after its frame is fully processed, and the INFO log
 * lines that go with them. Not thread-safe: the link's thread only.
 */
final class UpperLayer {
    private static final Logger log = LoggerFactory.getLogger(LapdLink.class);

    private final DataLinkUser user;
    private final String name;
    private boolean reportedUp;
    private int failedAttempts;
    private byte[] delivery;

    UpperLayer(DataLinkUser user, String name) {
        this.user = user;
        this.name = name;
    }

    /** Multiple-frame operation (re-)established. */
    void up(String reason) {
        reportedUp = true;
        failedAttempts = 0;
        log.info("{}: link up: {}", name, reason);
        call(user::onDataLinkUp, "onDataLinkUp");
    }

    /** The link left the up states for good (not a re-establishment), or an attempt failed. */
    void down(String reason, boolean attemptFailed, String retryNote) {
        if (reportedUp) {
            reportedUp = false;
            log.info("{}: link down: {}{}", name, reason, retryNote);
            call(() -> user.onDataLinkDown(reason), "onDataLinkDown");
        } else if (attemptFailed && failedAttempts++ == 0) {
            log.info("{}: link not established: {}{}", name, reason, retryNote);
        } else if (attemptFailed) {
            // A dead line would otherwise log a failure every few seconds for hours.
            log.debug("{}: link not established (attempt {}): {}", name, failedAttempts, reason);
        }
    }

    /** Whether establishment keeps failing, so repeated errors go to DEBUG. */
    boolean failing() {
        return failedAttempts > 0;
    }

    /** Holds an in-sequence information field until the frame that carried it is processed. */
    void deliverLater(byte[] info) {
        delivery = info;
    }

    void deliverHeld() {
        byte[] data = delivery;
        if (data != null) {
            delivery = null;
            call(() -> user.onData(data), "onData");
        }
    }

    private void call(Runnable callback, String what) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            // Layer 3's failure must not leave layer 2 half-way through a state change.
            log.error("{}: layer 3 failed in {}", name, what, e);
        }
    }
}
