package io.branchbox.rig.panel;

import com.pi4j.io.exception.IOException;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A register-level model of one MCP23017 I/O expander in the IOCON.BANK = 0 register map, for
 * running the real seat-panel driver against it through Pi4J's I2C API (see {@link PanelRig}).
 *
 * <p>Modelled: IODIR, IPOL, GPINTEN, DEFVAL, INTCON, IOCON, GPPU, INTF, INTCAP, GPIO and OLAT of
 * both ports; interrupt on change or against DEFVAL; INTCAP latched by the first interrupt and
 * kept until GPIO or INTCAP of that port is read, which clears it; the INTA output (open-drain or
 * push-pull, INTPOL, MIRROR) driving a Pi4J mock digital input. An input pin nobody pulls low reads
 * high whether or not its pull-up is on (a floating input is modelled as high).
 *
 * <p>Not modelled: the BANK = 1 map (writing BANK = 1 fails the transfer, so a driver that tries
 * it is caught), SEQOP/sequential reads beyond simple address increment, the separate INTB pin,
 * and I2C timing.
 *
 * <p>Fault injection: {@link #failNextTransfers} and {@link #setOffline} make transfers throw
 * Pi4J's {@link IOException}, as a NACK on real hardware does.
 *
 * <p>Thread-safe: register access (driver thread) and pin changes (test or rig thread) are
 * serialized; the INT line is driven outside the lock because Pi4J calls its listeners inline.
 */
public final class Mcp23017Simulator {
    public static final int IODIRA = 0x00;
    public static final int IODIRB = 0x01;
    public static final int IPOLA = 0x02;
    public static final int IPOLB = 0x03;
    public static final int GPINTENA = 0x04;
    public static final int GPINTENB = 0x05;
    public static final int DEFVALA = 0x06;
    public static final int DEFVALB = 0x07;
    public static final int INTCONA = 0x08;
    public static final int INTCONB = 0x09;
    public static final int IOCON = 0x0A;
    public static final int IOCON_ALT = 0x0B;
    public static final int GPPUA = 0x0C;
    public static final int GPPUB = 0x0D;
    public static final int INTFA = 0x0E;
    public static final int INTFB = 0x0F;
    public static final int INTCAPA = 0x10;
    public static final int INTCAPB = 0x11;
    public static final int GPIOA = 0x12;
    public static final int GPIOB = 0x13;
    public static final int OLATA = 0x14;
    public static final int OLATB = 0x15;
    private static final int REGISTER_COUNT = 0x16;

    private static final int IOCON_BANK = 0x80;
    private static final int IOCON_MIRROR = 0x40;
    private static final int IOCON_ODR = 0x04;
    private static final int IOCON_INTPOL = 0x02;

    /** One register write as the driver made it. */
    public record Write(int register, int value) {}

    private final int address;
    private final int[] reg = new int[REGISTER_COUNT];
    /** Per port: pins pulled low from outside (pressed buttons). */
    private final int[] pulledLow = new int[2];
    private final List<Write> writes = new ArrayList<>();
    private MockDigitalInput intLine;
    private DigitalState intLevel = DigitalState.HIGH;
    private int failNext;
    private boolean offline;
    private long reads;

    public Mcp23017Simulator(int address) {
        this.address = address;
        reg[IODIRA] = 0xFF;
        reg[IODIRB] = 0xFF;
    }

    public int address() {
        return address;
    }

    /** Connects the INT output to a mock input and drives it to the current level at once. */
    public void connectInt(MockDigitalInput line) {
        synchronized (this) {
            intLine = line;
        }
        driveInt();
    }

    // ---- I2C side (called through Pi4J by the driver) ----

    /** An I2C register read: the value, or Pi4J's IOException on an injected fault. */
    public int readRegister(int register) {
        int value;
        synchronized (this) {
            checkTransfer("read", register);
            reads++;
            int r = normalize(register);
            value = switch (r) {
                case GPIOA, GPIOB -> {
                    int port = r - GPIOA;
                    int v = portValue(port);
                    clearInterrupt(port);
                    yield v;
                }
                case INTCAPA, INTCAPB -> {
                    int port = r - INTCAPA;
                    int v = reg[r];
                    clearInterrupt(port);
                    yield v;
                }
                default -> reg[r];
            };
        }
        driveInt();
        return value;
    }

    /** An I2C register write; read-only registers ignore it as the chip does. */
    public void writeRegister(int register, int value) {
        synchronized (this) {
            checkTransfer("write", register);
            int v = value & 0xFF;
            int r = normalize(register);
            writes.add(new Write(register, v));
            switch (r) {
                case IOCON -> {
                    if ((v & IOCON_BANK) != 0) {
                        throw new IOException("MCP23017 simulator models the BANK=0 register map only");
                    }
                    reg[IOCON] = v;
                }
                case GPIOA, GPIOB -> reg[OLATA + (r - GPIOA)] = v;
                case INTFA, INTFB, INTCAPA, INTCAPB -> { /* read-only on the chip */ }
                default -> reg[r] = v;
            }
            compareInterrupts(0);
            compareInterrupts(1);
        }
        driveInt();
    }

    // ---- pin side (the outside world: buttons and LEDs) ----

    /** Pulls port-A pin {@code bit} low (a pressed button) or lets it go. */
    public void pullLowA(int bit, boolean low) {
        pullLow(0, bit, low);
    }

    /** As {@link #pullLowA} for port B. */
    public void pullLowB(int bit, boolean low) {
        pullLow(1, bit, low);
    }

    /** The levels port B drives on its output pins (input pins read 0 here). */
    public synchronized int outputsB() {
        return reg[OLATB] & ~reg[IODIRB] & 0xFF;
    }

    /** The raw value of a register, without the side effects of an I2C read. */
    public synchronized int register(int register) {
        return reg[normalize(register)];
    }

    /** The INT output as the host sees it. */
    public synchronized DigitalState intLevel() {
        return intLevel;
    }

    /** Register writes so far, in order. */
    public synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    public synchronized void clearWriteLog() {
        writes.clear();
    }

    /** Register reads so far. */
    public synchronized long reads() {
        return reads;
    }

    /** Makes the next {@code n} transfers fail. */
    public synchronized void failNextTransfers(int n) {
        failNext = n;
    }

    /** An offline chip fails every transfer (unplugged panel cable). */
    public synchronized void setOffline(boolean offline) {
        this.offline = offline;
    }

    /** Back to power-on state, as after a power cycle; pins pulled low stay pulled. */
    public void powerOnReset() {
        synchronized (this) {
            Arrays.fill(reg, 0);
            reg[IODIRA] = 0xFF;
            reg[IODIRB] = 0xFF;
        }
        driveInt();
    }

    private void pullLow(int port, int bit, boolean low) {
        if (bit < 0 || bit > 7) {
            throw new IllegalArgumentException("pin must be 0..7: " + bit);
        }
        synchronized (this) {
            int before = portValue(port);
            int mask = 1 << bit;
            pulledLow[port] = low ? pulledLow[port] | mask : pulledLow[port] & ~mask;
            int after = portValue(port);
            int changed = (before ^ after) & reg[IODIRA + port] & reg[GPINTENA + port] & ~reg[INTCONA + port];
            if (changed != 0) {
                interrupt(port, changed, after);
            }
            compareInterrupts(port);
        }
        driveInt();
    }

    /** GPIO as read: inputs show the pin (through IPOL), outputs show OLAT. */
    private int portValue(int port) {
        int dir = reg[IODIRA + port];
        int pins = ~pulledLow[port] & 0xFF;
        int inputs = (pins ^ reg[IPOLA + port]) & dir;
        int outputs = reg[OLATA + port] & ~dir;
        return (inputs | outputs) & 0xFF;
    }

    /** Interrupt-on-compare pins interrupt while they differ from DEFVAL, again after a clear. */
    private void compareInterrupts(int port) {
        int compare = reg[IODIRA + port] & reg[GPINTENA + port] & reg[INTCONA + port];
        int differing = (portValue(port) ^ reg[DEFVALA + port]) & compare;
        if (differing != 0) {
            interrupt(port, differing, portValue(port));
        }
    }

    private void interrupt(int port, int pins, int portValue) {
        // INTCAP and INTF hold the first interrupt until it is cleared
        if (reg[INTFA + port] == 0) {
            reg[INTFA + port] = pins & 0xFF;
            reg[INTCAPA + port] = portValue;
        }
    }

    private void clearInterrupt(int port) {
        reg[INTFA + port] = 0;
        compareInterrupts(port);
    }

    private void checkTransfer(String op, int register) {
        if (register < 0 || register >= REGISTER_COUNT) {
            throw new IOException("MCP23017 0x" + Integer.toHexString(address) + " has no register 0x" + Integer.toHexString(register));
        }
        if (offline || failNext > 0) {
            if (failNext > 0) {
                failNext--;
            }
            throw new IOException("MCP23017 0x" + Integer.toHexString(address) + " did not acknowledge " + op);
        }
    }

    private static int normalize(int register) {
        return register == IOCON_ALT ? IOCON : register;
    }

    private void driveInt() {
        MockDigitalInput line;
        DigitalState level;
        synchronized (this) {
            boolean active = reg[INTFA] != 0 || ((reg[IOCON] & IOCON_MIRROR) != 0 && reg[INTFB] != 0);
            int iocon = reg[IOCON];
            if ((iocon & IOCON_ODR) != 0) {
                level = active ? DigitalState.LOW : DigitalState.HIGH;
            } else {
                boolean activeHigh = (iocon & IOCON_INTPOL) != 0;
                level = active == activeHigh ? DigitalState.HIGH : DigitalState.LOW;
            }
            intLevel = level;
            line = intLine;
        }
        if (line != null && line.state() != level) {
            line.mockState(level);
        }
    }
}
