package io.branchbox.drivers.cb1.msg;

/** SPAN_CONFIG (H&rarr;B): configures an E1 span; {@code dchan} must be 16. */
public record SpanConfig(int seq, int unit, int chan, Framing framing, ClockSource clock, int dchan) implements Cb1Message {

    public SpanConfig {
        Fields.header(seq, unit, chan);
        Fields.required("framing", framing);
        Fields.required("clock", clock);
        Fields.range("dchan", dchan, D_CHANNEL_TIMESLOT, D_CHANNEL_TIMESLOT);
    }

    @Override
    public MessageType type() {
        return MessageType.SPAN_CONFIG;
    }

    /** The only D-channel timeslot the datasheet allows. */
    public static final int D_CHANNEL_TIMESLOT = 16;

    /** A configuration with the D-channel on timeslot 16. */
    public SpanConfig(int seq, int unit, Framing framing, ClockSource clock) {
        this(seq, unit, 0, framing, clock, D_CHANNEL_TIMESLOT);
    }
}
