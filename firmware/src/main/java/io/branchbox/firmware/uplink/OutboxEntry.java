package io.branchbox.firmware.uplink;

/**
 * One message waiting in the {@link Outbox} for the broker's confirmation.
 *
 * @param id       box-unique, strictly increasing message id; also the {@code "id"} inside the
 *                 payload, so the central office can drop a duplicate after a resend
 * @param priority drain and drop class
 * @param payload  the JSON bytes exactly as they will be published; never modified (callers
 *                 must not change the array they passed in or received)
 */
public record OutboxEntry(long id, Priority priority, byte[] payload) {
    public OutboxEntry {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive: " + id);
        }
        if (priority == null || payload == null) {
            throw new IllegalArgumentException("priority and payload are required");
        }
    }
}
