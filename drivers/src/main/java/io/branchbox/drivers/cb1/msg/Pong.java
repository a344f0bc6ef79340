package io.branchbox.drivers.cb1.msg;

/** PONG (B&rarr;H): answer to PING, {@code token} copied from it. */
public record Pong(int seq, int unit, int chan, long token) implements Cb1Message {

    public Pong {
        Fields.header(seq, unit, chan);
        Fields.u32("token", token);
    }

    @Override
    public MessageType type() {
        return MessageType.PONG;
    }

    /** The board's answer to {@code ping}: seq 0, same unit, chan and token. */
    public static Pong answering(Ping ping) {
        return new Pong(0, ping.unit(), ping.chan(), ping.token());
    }
}
