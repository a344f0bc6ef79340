package io.branchbox.rig.panel;

import static io.branchbox.rig.panel.Mcp23017Simulator.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pi4j.io.exception.IOException;
import com.pi4j.io.gpio.digital.DigitalState;
import org.junit.jupiter.api.Test;

class Mcp23017SimulatorTest {
    private final Mcp23017Simulator chip = new Mcp23017Simulator(0x20);

    @Test
    void powerOnStateIsAllInputsNoInterrupt() {
        assertEquals(0xFF, chip.register(IODIRA));
        assertEquals(0xFF, chip.register(IODIRB));
        assertEquals(0x00, chip.register(GPINTENA));
        assertEquals(DigitalState.HIGH, chip.intLevel());
    }

    @Test
    void interruptOnChangeLatchesIntcapUntilGpioIsRead() {
        setUpOpenDrainInterruptOnChange();

        chip.pullLowA(2, true);
        assertEquals(DigitalState.LOW, chip.intLevel());
        assertEquals(0b0000_0100, chip.register(INTFA));
        assertEquals(0b1111_1011, chip.register(INTCAPA));

        // a second change while pending neither moves INTCAP nor adds to INTF
        chip.pullLowA(5, true);
        assertEquals(0b1111_1011, chip.register(INTCAPA));
        assertEquals(0b0000_0100, chip.register(INTFA));

        assertEquals(0b1101_1011, chip.readRegister(GPIOA));
        assertEquals(DigitalState.HIGH, chip.intLevel());
        assertEquals(0, chip.register(INTFA));
    }

    @Test
    void readingIntcapAlsoClearsTheInterrupt() {
        setUpOpenDrainInterruptOnChange();
        chip.pullLowA(0, true);

        assertEquals(0b1111_1110, chip.readRegister(INTCAPA));

        assertEquals(DigitalState.HIGH, chip.intLevel());
    }

    @Test
    void compareModeInterruptReassertsWhileThePinDiffersFromDefval() {
        chip.writeRegister(IOCON, 0x04);
        chip.writeRegister(DEFVALA, 0xFF);
        chip.writeRegister(INTCONA, 0x01);
        chip.writeRegister(GPINTENA, 0x01);

        chip.pullLowA(0, true);
        chip.readRegister(GPIOA);
        assertEquals(DigitalState.LOW, chip.intLevel());

        chip.pullLowA(0, false);
        chip.readRegister(GPIOA);
        assertEquals(DigitalState.HIGH, chip.intLevel());
    }

    @Test
    void ipolInvertsInputsAndOutputsReadBackOlat() {
        chip.writeRegister(IPOLA, 0x0F);
        chip.writeRegister(IODIRB, 0x00);
        chip.writeRegister(OLATB, 0xA5);

        assertEquals(0xF0, chip.readRegister(GPIOA));
        assertEquals(0xA5, chip.readRegister(GPIOB));
        assertEquals(0xA5, chip.outputsB());
    }

    @Test
    void pushPullIntFollowsIntpol() {
        chip.writeRegister(IOCON, 0x02);
        assertEquals(DigitalState.LOW, chip.intLevel());
        chip.writeRegister(IOCON, 0x00);
        assertEquals(DigitalState.HIGH, chip.intLevel());
    }

    @Test
    void ioconIsReachableAtBothAddressesAndBank1IsRefused() {
        chip.writeRegister(IOCON_ALT, 0x04);
        assertEquals(0x04, chip.register(IOCON));
        assertThrows(IOException.class, () -> chip.writeRegister(IOCON, 0x80));
    }

    @Test
    void injectedFaultsFailTransfersWithPi4jIoException() {
        chip.failNextTransfers(1);
        assertThrows(IOException.class, () -> chip.readRegister(GPIOA));
        assertEquals(0xFF, chip.readRegister(GPIOA));

        chip.setOffline(true);
        assertThrows(IOException.class, () -> chip.writeRegister(OLATB, 1));
    }

    private void setUpOpenDrainInterruptOnChange() {
        chip.writeRegister(IOCON, 0x04);
        chip.writeRegister(GPPUA, 0xFF);
        chip.writeRegister(INTCONA, 0x00);
        chip.writeRegister(GPINTENA, 0xFF);
    }
}
