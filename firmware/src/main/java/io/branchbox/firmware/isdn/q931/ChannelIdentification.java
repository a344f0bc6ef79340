package io.branchbox.firmware.isdn.q931;

import java.util.List;

/**
 * Channel identification (identifier 0x18) for a primary rate interface.
 *
 * <p>{@code exclusive}: only the indicated channel is acceptable (false = preferred).
 * {@code dChannel}: the D-channel indicator. {@code selection}: no channel, the channels listed,
 * or any channel. On an E1 PRI a B-channel number is the timeslot number (1-15, 17-31).
 * {@code primaryRate} is false only when a peer wrongly sends the basic-rate form.
 */
public record ChannelIdentification(boolean primaryRate, boolean exclusive, boolean dChannel,
        Selection selection, List<Integer> channels) implements InformationElement {

    public static final int ID = 0x18;

    public ChannelIdentification {
        channels = List.copyOf(channels);
        if (selection == Selection.INDICATED && channels.isEmpty()) {
            throw new IllegalArgumentException("indicated selection needs at least one channel");
        }
    }

    public static ChannelIdentification exclusive(int timeslot) {
        return new ChannelIdentification(true, true, false, Selection.INDICATED, List.of(timeslot));
    }

    public static ChannelIdentification preferred(int timeslot) {
        return new ChannelIdentification(true, false, false, Selection.INDICATED, List.of(timeslot));
    }

    public static ChannelIdentification anyChannel() {
        return new ChannelIdentification(true, false, false, Selection.ANY, List.of());
    }

    /** Exclusive indication of several channels, as RESTART uses for "indicated channels". */
    public static ChannelIdentification exclusive(List<Integer> timeslots) {
        return new ChannelIdentification(true, true, false, Selection.INDICATED, timeslots);
    }

    /** The single channel indicated, or 0 if none or any. */
    public int channel() {
        return selection == Selection.INDICATED ? channels.get(0) : 0;
    }

    @Override
    public int identifier() {
        return ID;
    }

    /** Information channel selection, octet 3 bits 2-1 (PRI coding). */
    public enum Selection {
        NO_CHANNEL(0b00), INDICATED(0b01), ANY(0b11);

        private final int code;

        Selection(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }
}
