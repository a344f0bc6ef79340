package io.branchbox.drivers.cb1.msg;

/** HEADSET_GAIN (H&rarr;B): receive and transmit gain of a headset port in dB, each &minus;12..+12. */
public record HeadsetGain(int seq, int unit, int chan, int rxDb, int txDb) implements Cb1Message {

    public HeadsetGain {
        Fields.header(seq, unit, chan);
        Fields.range("rxDb", rxDb, MIN_DB, MAX_DB);
        Fields.range("txDb", txDb, MIN_DB, MAX_DB);
    }

    @Override
    public MessageType type() {
        return MessageType.HEADSET_GAIN;
    }

    public static final int MIN_DB = -12;
    public static final int MAX_DB = 12;
}
