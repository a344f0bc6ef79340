package io.branchbox.rig.panel;

import com.pi4j.io.exception.IOException;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProviderImpl;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Pi4J I2C provider whose devices route register reads and writes to {@link Mcp23017Simulator}s
 * by bus and address, so driver code runs unchanged over Pi4J's I2C API. It takes the place of
 * Pi4J's mock I2C provider (same provider id) in a context built by {@link PanelRig}.
 *
 * <p>A device with no simulator at its address fails every register transfer with Pi4J's
 * {@link IOException}, as an unanswered address does on a real bus. Raw (non-register) transfers
 * keep the mock's behaviour; the seat-panel driver does not use them.
 */
public final class SimulatedI2CProvider extends MockI2CProviderImpl {
    private final Map<Long, Mcp23017Simulator> devices = new ConcurrentHashMap<>();

    /** Puts {@code chip} on {@code bus} at its address. */
    public void attach(int bus, Mcp23017Simulator chip) {
        devices.put(key(bus, chip.address()), chip);
    }

    @Override
    public I2C create(I2CConfig config) {
        I2C i2c = new SimulatedI2C(this, config);
        context.registry().add(i2c);
        return i2c;
    }

    private Mcp23017Simulator chipAt(int bus, int address) {
        Mcp23017Simulator chip = devices.get(key(bus, address));
        if (chip == null) {
            throw new IOException("no device acknowledges at 0x" + Integer.toHexString(address) + " on bus " + bus);
        }
        return chip;
    }

    private static long key(int bus, int address) {
        return ((long) bus << 8) | address;
    }

    /** One opened device: register transfers go to the simulator. */
    private final class SimulatedI2C extends MockI2C {
        SimulatedI2C(I2CProvider provider, I2CConfig config) {
            super(provider, config);
        }

        private Mcp23017Simulator chip() {
            return chipAt(bus(), device());
        }

        @Override
        public int readRegister(int register) {
            return chip().readRegister(register);
        }

        @Override
        public int readRegister(int register, byte[] buffer, int offset, int length) {
            Mcp23017Simulator chip = chip();
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = (byte) chip.readRegister(register + i);
            }
            return length;
        }

        @Override
        public int writeRegister(int register, byte b) {
            chip().writeRegister(register, b & 0xFF);
            return 1;
        }

        @Override
        public int writeRegister(int register, byte[] data, int offset, int length) {
            Mcp23017Simulator chip = chip();
            for (int i = 0; i < length; i++) {
                chip.writeRegister(register + i, data[offset + i] & 0xFF);
            }
            return length;
        }
    }
}
