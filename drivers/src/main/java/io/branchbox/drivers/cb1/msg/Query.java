package io.branchbox.drivers.cb1.msg;

/** QUERY (H&rarr;B): asks the board for a HELLO. No body. */
public record Query(int seq, int unit, int chan) implements Cb1Message {

    public Query {
        Fields.header(seq, unit, chan);
    }

    @Override
    public MessageType type() {
        return MessageType.QUERY;
    }
}
