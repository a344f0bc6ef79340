package io.branchbox.drivers.cb1.msg;

/**
 * LOG (B&rarr;H): a line of text from the board's firmware, UTF-8 on the wire. The codec refuses
 * malformed UTF-8 and text longer than a frame can carry (1,096 bytes).
 */
public record Log(int seq, int unit, int chan, String text) implements Cb1Message {

    public Log {
        Fields.header(seq, unit, chan);
        Fields.required("text", text);
    }

    @Override
    public MessageType type() {
        return MessageType.LOG;
    }
}
