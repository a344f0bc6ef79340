package io.branchbox.firmware.isdn.q931;

/**
 * How an outgoing call asks for its B-channel. A timeslot of 0 means "the box picks an idle one".
 *
 * <p>Prefer {@link #preferred()}: when the network offers a call on the same channel at the same
 * moment (glare), it can then move our call to another channel instead of rejecting it with cause
 * 44.
 */
public sealed interface ChannelPreference {

    /** No channel indicated: the network chooses ("any channel"). */
    record NetworkChooses() implements ChannelPreference {}

    /** The channel is preferred; the network may assign another. */
    record Preferred(int timeslot) implements ChannelPreference {}

    /** Only this channel is acceptable; the network rejects with cause 44 if it is not free. */
    record Exclusive(int timeslot) implements ChannelPreference {}

    static ChannelPreference preferred() {
        return new Preferred(0);
    }

    static ChannelPreference exclusive(int timeslot) {
        return new Exclusive(timeslot);
    }

    static ChannelPreference networkChooses() {
        return new NetworkChooses();
    }
}
