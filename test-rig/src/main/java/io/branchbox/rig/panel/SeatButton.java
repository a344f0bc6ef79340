package io.branchbox.rig.panel;

/** The two buttons of a seat panel and their port-A pin offset within the seat (datasheet). */
public enum SeatButton {
    /** ANSWER/HANG-UP: GPA(2s). */
    ANSWER(0),
    /** READY/NOT-READY: GPA(2s+1). */
    READY(1);

    private final int offset;

    SeatButton(int offset) {
        this.offset = offset;
    }

    int pin(int seatInExpander) {
        return 2 * seatInExpander + offset;
    }
}
