package io.branchbox.rig.sim;

/**
 * Sees every LAPD frame at the carrier's end of the simulated E1 line, stamped with
 * {@link System#nanoTime()}, so that a benchmark can time the box's answers where a carrier sees
 * them: from the moment a frame is handed to the line, not from when layer 3 asked for it (the
 * carrier's own LAPD may hold a message back while its window of k unacknowledged frames is full).
 *
 * <p>Threading: both on the board simulator's core thread ({@link #fromBox} before the hop to the
 * carrier's thread). Both must be quick and must not block;
 * the arrays must not be kept or changed.
 */
public interface LineWatch {
    /** Watches nothing. */
    LineWatch NONE = new LineWatch() {
        @Override
        public void toBox(byte[] lapd, long handedNanos, long relayedNanos, boolean relayed) {}

        @Override
        public void fromBox(byte[] lapd, long nanos) {}
    };

    /**
     * The carrier sent one frame towards the box: {@code handedNanos} when its LAPD handed the frame
     * to the line, {@code relayedNanos} when the board had written it to its serial link;
     * {@code relayed} is false when the board did not relay it (span down), which LAPD recovers.
     */
    void toBox(byte[] lapd, long handedNanos, long relayedNanos, boolean relayed);

    /** One frame from the box arrived at the carrier's end of the line. */
    void fromBox(byte[] lapd, long nanos);
}
