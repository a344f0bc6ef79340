package io.branchbox.drivers.gpio;

/**
 * Receives debounced seat-panel button presses (not releases). Seats are numbered 1..8 across both
 * expanders. Called on the scheduler thread that {@link SeatPanels} was given; keep it short.
 */
public interface SeatListener {
    /** The ANSWER/HANG-UP button of {@code seat} was pressed. */
    void onAnswerButton(int seat);

    /** The READY/NOT-READY button of {@code seat} was pressed. */
    void onReadyButton(int seat);
}
