package io.branchbox.drivers.cb1.msg;

/**
 * HELLO (B&rarr;H): the board announces itself after power-up, reset, the end of host-lost, or in
 * answer to QUERY.
 *
 * <p>{@code serial} is at most 16 ASCII characters (NUL-padded to 16 on the wire, padding removed
 * here); {@code firmware} at most 255 ASCII characters. {@code spans}, {@code fxo} and {@code
 * headsets} are the counts fitted, at most 4, 8 and 16. The codec accepts any {@code proto}; a
 * host that speaks only revision 1 checks {@link #PROTO} itself.
 */
public record Hello(int seq, int unit, int chan, int proto, int spans, int fxo, int headsets, String serial,
        String firmware) implements Cb1Message {

    /** The protocol revision this document describes. */
    public static final int PROTO = 1;
    /** Bytes of the serial field on the wire. */
    public static final int SERIAL_LEN = 16;
    /** Longest firmware string ({@code fwlen} is a u8). */
    public static final int MAX_FIRMWARE_LEN = 255;

    public Hello {
        Fields.header(seq, unit, chan);
        Fields.u8("proto", proto);
        Fields.range("spans", spans, 0, Units.MAX_SPANS);
        Fields.range("fxo", fxo, 0, Units.MAX_FXO);
        Fields.range("headsets", headsets, 0, Units.MAX_HEADSETS);
        Fields.ascii("serial", serial, SERIAL_LEN);
        Fields.ascii("firmware", firmware, MAX_FIRMWARE_LEN);
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }
}
