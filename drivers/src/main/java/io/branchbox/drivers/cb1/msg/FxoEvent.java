package io.branchbox.drivers.cb1.msg;

/** FXO_EVENT (B&rarr;H): something happened on an FXO line; {@code voltsTenths} is the tip-ring voltage &times; 10, signed. */
public record FxoEvent(int seq, int unit, int chan, FxoEventKind event, int voltsTenths) implements Cb1Message {

    public FxoEvent {
        Fields.header(seq, unit, chan);
        Fields.required("event", event);
        Fields.s16("voltsTenths", voltsTenths);
    }

    @Override
    public MessageType type() {
        return MessageType.FXO_EVENT;
    }
}
