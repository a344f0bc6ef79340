package io.branchbox.drivers.gpio;

/**
 * MCP23017 register addresses in the IOCON.BANK = 0 map (the power-on map, which the set-up keeps),
 * and the seat-panel set-up values of the CB-1 host interface section 6.
 */
final class Mcp23017Registers {
    private Mcp23017Registers() {}

    static final int IODIRA = 0x00;
    static final int IODIRB = 0x01;
    static final int IPOLA = 0x02;
    static final int GPINTENA = 0x04;
    static final int INTCONA = 0x08;
    static final int IOCON = 0x0A;
    static final int GPPUA = 0x0C;
    static final int INTCAPA = 0x10;
    static final int GPIOA = 0x12;
    static final int OLATB = 0x15;

    /** IOCON: BANK=0, MIRROR=0, SEQOP=0, ODR=1 (INT open-drain, the host's pull-up makes it active low). */
    static final int IOCON_SETUP = 0x04;
    /** Port A all inputs (buttons). */
    static final int IODIRA_SETUP = 0xFF;
    /** Port A pull-ups on: an open button reads high. */
    static final int GPPUA_SETUP = 0xFF;
    /** Port A not inverted: pressed reads 0. */
    static final int IPOLA_SETUP = 0x00;
    /** Interrupt on every port A pin. */
    static final int GPINTENA_SETUP = 0xFF;
    /** Interrupt on any change rather than against DEFVAL. */
    static final int INTCONA_SETUP = 0x00;
    /** Port B all outputs (LEDs). */
    static final int IODIRB_SETUP = 0x00;
}
