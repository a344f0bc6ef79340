package io.branchbox.drivers.cb1.msg;

/** PING (H&rarr;B): keepalive, at least once a second; answered by PONG with the same token. */
public record Ping(int seq, int unit, int chan, long token) implements Cb1Message {

    public Ping {
        Fields.header(seq, unit, chan);
        Fields.u32("token", token);
    }

    @Override
    public MessageType type() {
        return MessageType.PING;
    }
}
