package io.branchbox.drivers.cb1.msg;

/** CHAN_OPEN (H&rarr;B): starts audio on unit/chan. No body. */
public record ChanOpen(int seq, int unit, int chan) implements Cb1Message {

    public ChanOpen {
        Fields.header(seq, unit, chan);
    }

    @Override
    public MessageType type() {
        return MessageType.CHAN_OPEN;
    }
}
