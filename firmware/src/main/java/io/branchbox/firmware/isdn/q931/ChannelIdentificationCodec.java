package io.branchbox.firmware.isdn.q931;

import io.branchbox.firmware.isdn.q931.ChannelIdentification.Selection;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Contents of the channel identification element, primary rate coding (Q.931 figure 4-15).
 *
 * <p>Channels are encoded by number. A received E1 slot map (4 octets) is read as one 32-bit
 * big-endian value whose bit n is timeslot n. An explicit interface identifier is refused as
 * invalid: the box has exactly one interface per D-channel.
 */
final class ChannelIdentificationCodec {
    private static final int INTERFACE_ID_PRESENT = 0x40;
    private static final int PRIMARY_RATE = 0x20;
    private static final int EXCLUSIVE = 0x08;
    private static final int D_CHANNEL = 0x04;
    private static final int NUMBER_MAP_BIT = 0x10;
    private static final int B_CHANNEL_UNITS = 0x03;

    private ChannelIdentificationCodec() {}

    static InformationElement decode(byte[] c) {
        if (c.length < 1 || (c[0] & 0x80) == 0 || (c[0] & INTERFACE_ID_PRESENT) != 0) {
            return UnknownIe.invalid(ChannelIdentification.ID, c);
        }
        boolean pri = (c[0] & PRIMARY_RATE) != 0;
        boolean exclusive = (c[0] & EXCLUSIVE) != 0;
        boolean dChannel = (c[0] & D_CHANNEL) != 0;
        int sel = c[0] & 0x03;
        if (!pri) {
            // basic-rate form: selection 01 = B1, 10 = B2, 11 = any
            Selection s = sel == 0 ? Selection.NO_CHANNEL : sel == 3 ? Selection.ANY : Selection.INDICATED;
            return new ChannelIdentification(false, exclusive, dChannel, s, s == Selection.INDICATED ? List.of(sel) : List.of());
        }
        if (sel == 0b00) {
            return new ChannelIdentification(true, exclusive, dChannel, Selection.NO_CHANNEL, List.of());
        }
        if (sel == 0b11) {
            return new ChannelIdentification(true, exclusive, dChannel, Selection.ANY, List.of());
        }
        if (sel != 0b01 || c.length < 3 || (c[1] & 0x0F) != B_CHANNEL_UNITS || (c[1] & 0x60) != 0) {
            return UnknownIe.invalid(ChannelIdentification.ID, c);
        }
        List<Integer> channels = (c[1] & NUMBER_MAP_BIT) != 0 ? readMap(c) : readNumbers(c);
        if (channels.isEmpty()) {
            return UnknownIe.invalid(ChannelIdentification.ID, c);
        }
        return new ChannelIdentification(true, exclusive, dChannel, Selection.INDICATED, channels);
    }

    private static List<Integer> readNumbers(byte[] c) {
        List<Integer> out = new ArrayList<>();
        for (int i = 2; i < c.length; i++) {
            out.add(c[i] & 0x7F);
            if ((c[i] & 0x80) != 0) {
                return i == c.length - 1 ? out : List.of();
            }
        }
        return List.of(); // last channel number lacked its extension bit
    }

    private static List<Integer> readMap(byte[] c) {
        if (c.length != 6) {
            return List.of();
        }
        long map = 0;
        for (int i = 2; i < 6; i++) {
            map = (map << 8) | (c[i] & 0xFF);
        }
        List<Integer> out = new ArrayList<>();
        for (int ts = 1; ts < 32; ts++) {
            if ((map & (1L << ts)) != 0) {
                out.add(ts);
            }
        }
        return out;
    }

    static void encode(ChannelIdentification ie, ByteArrayOutputStream out) {
        int octet3 = 0x80 | (ie.primaryRate() ? PRIMARY_RATE : 0) | (ie.exclusive() ? EXCLUSIVE : 0)
                | (ie.dChannel() ? D_CHANNEL : 0);
        if (!ie.primaryRate()) {
            out.write(octet3 | (ie.selection() == Selection.INDICATED ? ie.channel() & 0x03 : ie.selection().code()));
            return;
        }
        out.write(octet3 | ie.selection().code());
        if (ie.selection() != Selection.INDICATED) {
            return;
        }
        out.write(0x80 | B_CHANNEL_UNITS); // by number: the map form is only read, never needed to send
        List<Integer> chans = ie.channels();
        for (int i = 0; i < chans.size(); i++) {
            out.write((i == chans.size() - 1 ? 0x80 : 0x00) | (chans.get(i) & 0x7F));
        }
    }
}
