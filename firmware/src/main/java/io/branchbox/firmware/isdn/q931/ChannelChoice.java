package io.branchbox.firmware.isdn.q931;

/**
 * What the box does with the channel a network SETUP asks for: take a timeslot, or refuse the
 * call with a cause. Replaces the former "timeslot, or minus the cause" int. Immutable.
 */
sealed interface ChannelChoice {

    /** The call gets B-channel {@code timeslot} (1..31, never 16), already seized. */
    record Chosen(int timeslot) implements ChannelChoice {}

    /** The call is refused with RELEASE COMPLETE and {@code cause} (34, 44 or 82). */
    record Refused(Q850Cause cause) implements ChannelChoice {}
}
