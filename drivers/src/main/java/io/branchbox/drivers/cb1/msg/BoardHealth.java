package io.branchbox.drivers.cb1.msg;

/** BOARD_HEALTH (B&rarr;H): temperature in 0.1 &deg;C, input voltage in mV, uptime in s, frames the board dropped ({@code rxBad}) and frames it could not send because the link was full ({@code txOverruns}). */
public record BoardHealth(int seq, int unit, int chan, int tempTenths, int vinMv, long uptimeS, long rxBad, long txOverruns) implements Cb1Message {

    public BoardHealth {
        Fields.header(seq, unit, chan);
        Fields.s16("tempTenths", tempTenths);
        Fields.u16("vinMv", vinMv);
        Fields.u32("uptimeS", uptimeS);
        Fields.u32("rxBad", rxBad);
        Fields.u32("txOverruns", txOverruns);
    }

    @Override
    public MessageType type() {
        return MessageType.BOARD_HEALTH;
    }
}
