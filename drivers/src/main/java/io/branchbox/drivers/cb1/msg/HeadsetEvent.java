package io.branchbox.drivers.cb1.msg;

/** HEADSET_EVENT (B&rarr;H): a headset was plugged or unplugged. */
public record HeadsetEvent(int seq, int unit, int chan, HeadsetEventKind event) implements Cb1Message {

    public HeadsetEvent {
        Fields.header(seq, unit, chan);
        Fields.required("event", event);
    }

    @Override
    public MessageType type() {
        return MessageType.HEADSET_EVENT;
    }
}
