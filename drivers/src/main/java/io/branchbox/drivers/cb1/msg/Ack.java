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

    /** The board's answer to {@code command}: seq 0, unit and chan copied, {@code ackedSeq} its seq. */
    public static Ack answering(Cb1Message command, AckStatus status) {
        return new Ack(0, command.unit(), command.chan(), command.seq(), status);
    }

    /**
     * The board's answer to a command it could not decode but whose header it read; {@code status}
     * is typically {@link AckStatus#BAD_ARGUMENT}.
     *
     * @throws IllegalArgumentException if the exception carries no header
     */
    public static Ack answering(Cb1ProtocolException refused, AckStatus status) {
        if (!refused.hasHeader()) {
            throw new IllegalArgumentException("no header to answer: " + refused.getMessage());
        }
        return new Ack(0, refused.unit(), refused.chan(), refused.seq(), status);
    }
}
