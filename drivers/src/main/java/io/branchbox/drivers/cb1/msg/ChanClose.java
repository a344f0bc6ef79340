package io.branchbox.drivers.cb1.msg;

/** CHAN_CLOSE (H&rarr;B): stops audio on unit/chan. No body. */
public record ChanClose(int seq, int unit, int chan) implements Cb1Message {

    public ChanClose {
        Fields.header(seq, unit, chan);
    }

    @Override
    public MessageType type() {
        return MessageType.CHAN_CLOSE;
    }
}
