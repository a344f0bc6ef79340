package io.branchbox.firmware.uplink;

import java.util.Map;
import java.util.Objects;

/**
 * What the box does for verified commands from the central office that the uplink cannot do
 * itself: D-channel captures and the configuration snapshot. The integrator implements it over
 * the span capture rings and the configuration document and passes it to {@link UplinkService}.
 *
 * <p>Threading: called on the uplink's scheduler thread, one call at a time, only for commands
 * whose HMAC, age and id were checked. Keep each call short (writing one capture ring to a local
 * pcap file is fine); no network, and never block on the audio path's locks.
 *
 * <p>Pitfalls: the configuration snapshot goes to the broker, so it must not contain secrets
 * (passwords, key pass phrases, the command key). Throw {@link UplinkException} with
 * {@link UplinkException.Reason#COMMAND} for a request that cannot be met; the office gets the
 * message in a {@code failed} reply. Other runtime exceptions are reported the same way.
 */
public interface CommandHandler {

    /** Start or stop a D-channel capture. */
    enum CaptureAction { START, STOP }

    /** @param span the span whose D-channel to capture (0-based, as in the configuration) */
    record CaptureRequest(CaptureAction action, int span) {
        public CaptureRequest {
            Objects.requireNonNull(action, "action");
            if (span < 0) {
                throw new IllegalArgumentException("span must be >= 0: " + span);
            }
        }
    }

    /**
     * What became of a capture request.
     *
     * @param span      the span
     * @param running   whether a capture is running on it now
     * @param pcapPath  where the pcap file is on the box (absolute path, or a URL the web admin
     *                  serves it under); empty while nothing has been written yet
     * @param pcapBytes size of that file, 0 if none
     */
    record CaptureResult(int span, boolean running, String pcapPath, long pcapBytes) {
        public CaptureResult {
            pcapPath = pcapPath == null ? "" : pcapPath;
        }
    }

    /** Starts or stops the capture on one span; STOP writes the pcap and says where it is. */
    CaptureResult capture(CaptureRequest request) throws UplinkException;

    /** The configuration document as JSON-simple values, with every secret left out. */
    Map<String, ?> configuration() throws UplinkException;

    /**
     * Starts a firmware update from the signed package at {@code url} (docs/UPDATES.md) and returns
     * at once: downloading, verifying and installing run elsewhere, and their progress reaches the
     * office as the alarm {@code FIRMWARE_UPDATE} and in the journal. Throw
     * {@link IllegalArgumentException} for a request that cannot be met (the reply says why).
     */
    default Map<String, ?> update(java.net.URI url) throws UplinkException {
        throw new UplinkException(UplinkException.Reason.COMMAND, "updates are not available on this box");
    }

    /** A box without captures or configuration export: both commands fail with a clear reason. */
    CommandHandler NONE = new CommandHandler() {
        @Override
        public CaptureResult capture(CaptureRequest request) throws UplinkException {
            throw new UplinkException(UplinkException.Reason.COMMAND, "captures are not available on this box");
        }

        @Override
        public Map<String, ?> configuration() throws UplinkException {
            throw new UplinkException(UplinkException.Reason.COMMAND, "configuration export is not available on this box");
        }
    };
}
