package io.branchbox.drivers.cb1.msg;

/** RESET (H&rarr;B, unit {@code 0x00}): the board resets and sends HELLO within 500 ms. No body. */
public record Reset(int seq, int unit, int chan) implements Cb1Message {

    public Reset {
        Fields.header(seq, unit, chan);
    }

    @Override
    public MessageType type() {
        return MessageType.RESET;
    }
}
