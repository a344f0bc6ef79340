package io.branchbox.drivers.cb1.msg;

/** ACK (B&rarr;H): the board's answer to a command with seq &ne; 0; unit and chan are copied from the command. */
public record Ack(int seq, int unit, int chan, int ackedSeq, AckStatus status) implements Cb1Message {

    public Ack {
        Fields.header(seq, unit, chan);
        Fields.u8("ackedSeq", ackedSeq);
        Fields.required("status", status);
    }

    @Override
    public MessageType type() {
        return MessageType.ACK;
    }
}
