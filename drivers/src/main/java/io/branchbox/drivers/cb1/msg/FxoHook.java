package io.branchbox.drivers.cb1.msg;

/** FXO_HOOK (H&rarr;B): sets the hook relay; {@code flashMs} is used with {@link HookState#FLASH}. Acknowledged when the relay has switched. */
public record FxoHook(int seq, int unit, int chan, HookState state, int flashMs) implements Cb1Message {

    public FxoHook {
        Fields.header(seq, unit, chan);
        Fields.required("state", state);
        Fields.u16("flashMs", flashMs);
    }

    @Override
    public MessageType type() {
        return MessageType.FXO_HOOK;
    }
}
