package io.branchbox.rig.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalState;
import io.branchbox.drivers.gpio.ExpanderStatus;
import io.branchbox.drivers.gpio.PinMap;
import io.branchbox.drivers.gpio.SeatListener;
import io.branchbox.drivers.gpio.SeatPanels;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real SeatPanels driver against simulated MCP23017s, through Pi4J's I2C and GPIO APIs. */
class SeatPanelsRigTest {
    /** CB-1 host interface section 6, "Suggested expander set-up" (IOCON.BANK = 0 map). */
    private static final Map<Integer, Integer> DATASHEET_SETUP = Map.of(
            Mcp23017Simulator.IODIRA, 0xFF,   // port A: all inputs (buttons)
            Mcp23017Simulator.GPPUA, 0xFF,    // port A: pull-ups on
            Mcp23017Simulator.IPOLA, 0x00,    // port A: not inverted, pressed reads 0
            Mcp23017Simulator.GPINTENA, 0xFF, // port A: interrupt enabled on every pin
            Mcp23017Simulator.INTCONA, 0x00,  // port A: interrupt on any change
            Mcp23017Simulator.IOCON, 0x04,    // BANK=0, ODR=1: INT open-drain
            Mcp23017Simulator.IODIRB, 0x00);  // port B: all outputs (LEDs)

    private final ManualScheduler scheduler = new ManualScheduler();
    private final PanelRig rig = PanelRig.create(PinMap.defaults());
    private final List<String> events = new ArrayList<>();
    private final SeatPanels panels = new SeatPanels(rig.context(), PinMap.defaults(), scheduler, new SeatListener() {
        @Override
        public void onAnswerButton(int seat) {
            events.add("answer " + seat);
        }

        @Override
        public void onReadyButton(int seat) {
            events.add("ready " + seat);
        }
    });
    private final SimulatedSeatPanel desk = rig.panel(scheduler);

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void setUpWritesTheDatasheetRegisters() {
        start();

        for (Mcp23017Simulator chip : rig.expanders()) {
            DATASHEET_SETUP.forEach((register, value) ->
                    assertEquals(value, chip.register(register), "register 0x" + Integer.toHexString(register)));
            assertEquals(0x00, chip.register(Mcp23017Simulator.OLATB), "LEDs start dark");
        }
        assertTrue(panels.healthy());
        assertEquals(List.of(0x20, 0x21), panels.status().stream().map(ExpanderStatus::address).toList());
    }

    @Test
    void everyButtonOfEverySeatReportsItsSeatNumber() {
        start();

        for (int seat = 1; seat <= 8; seat++) {
            for (SeatButton b : SeatButton.values()) {
                events.clear();
                desk.press(seat, b);
                scheduler.advance(Duration.ofMillis(30));
                desk.release(seat, b);
                scheduler.advance(Duration.ofMillis(30));
                String expected = (b == SeatButton.ANSWER ? "answer " : "ready ") + seat;
                assertEquals(List.of(expected), events, seat + " " + b);
            }
        }
    }

    @Test
    void aPressCountsAfter25MsStableAndTheReleaseIsNotReported() {
        start();

        desk.press(3, SeatButton.ANSWER);
        scheduler.advance(Duration.ofMillis(24));
        assertEquals(List.of(), events);
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(List.of("answer 3"), events);

        desk.release(3, SeatButton.ANSWER);
        scheduler.advance(Duration.ofMillis(100));
        assertEquals(List.of("answer 3"), events);
    }

    @Test
    void aBouncingPressIsOneEvent() {
        start();
        Random random = new Random(20261123L);

        for (int round = 0; round < 50; round++) {
            events.clear();
            int seat = 1 + random.nextInt(8);
            SeatButton b = random.nextBoolean() ? SeatButton.ANSWER : SeatButton.READY;
            desk.pressWithBounce(seat, b, random);
            scheduler.advance(Duration.ofMillis(100));
            desk.release(seat, b);
            scheduler.advance(Duration.ofMillis(100));
            assertEquals(1, events.size(), "round " + round + " " + events);
        }
    }

    @Test
    void theIntLineIsReleasedAfterEachPress() {
        start();
        desk.press(6, SeatButton.READY);
        assertEquals(DigitalState.LOW, rig.expanders().get(1).intLevel());

        scheduler.runPending();

        assertEquals(DigitalState.HIGH, rig.expanders().get(1).intLevel());
    }

    @Test
    void ledsFollowSetLeds() {
        start();

        panels.setLeds(1, true, false);
        panels.setLeds(4, false, true);
        panels.setLeds(8, true, true);
        scheduler.runPending();

        assertTrue(desk.readyLed(1));
        assertFalse(desk.callLed(1));
        assertFalse(desk.readyLed(4));
        assertTrue(desk.callLed(4));
        assertTrue(desk.readyLed(8));
        assertTrue(desk.callLed(8));
        assertFalse(desk.readyLed(5));
        assertEquals(0b1000_0001, rig.expanders().get(0).register(Mcp23017Simulator.OLATB));

        panels.setLeds(8, false, false);
        scheduler.runPending();
        assertFalse(desk.readyLed(8));
        assertFalse(desk.callLed(8));
    }

    @Test
    void oneI2cWritePerLedChangeAndNoneWithoutChange() {
        start();
        Mcp23017Simulator chip = rig.expanders().get(0);
        chip.clearWriteLog();

        panels.setLeds(2, true, false);
        panels.setLeds(2, true, false);
        panels.setLeds(2, true, true);
        scheduler.runPending();

        assertEquals(List.of(new Mcp23017Simulator.Write(Mcp23017Simulator.OLATB, 0b0000_0100),
                new Mcp23017Simulator.Write(Mcp23017Simulator.OLATB, 0b0000_1100)), chip.writes());
    }

    @Test
    void i2cFailureIsReportedNotThrownAndSetUpIsRetriedOnNextUse() {
        Mcp23017Simulator chip = rig.expanders().get(1);
        chip.setOffline(true);
        start();

        ExpanderStatus failed = panels.status().get(1);
        assertFalse(failed.ok());
        assertTrue(failed.reason().contains("set-up failed"), failed.reason());
        assertTrue(failed.errors() > 0);
        assertFalse(panels.healthy());
        assertTrue(panels.status().get(0).ok());

        panels.setLeds(5, true, false);
        scheduler.runPending();
        assertFalse(desk.readyLed(5));

        chip.setOffline(false);
        panels.setLeds(6, false, true);
        scheduler.runPending();

        assertTrue(panels.healthy());
        assertTrue(desk.readyLed(5), "shadow written at re-set-up");
        assertTrue(desk.callLed(6));
        assertEquals(0x04, chip.register(Mcp23017Simulator.IOCON));
    }

    @Test
    void aFailedExpanderIsRetriedByTimerWithoutAnyUse() {
        Mcp23017Simulator chip = rig.expanders().get(0);
        chip.failNextTransfers(1);
        start();
        assertFalse(panels.status().get(0).ok());

        scheduler.advance(Duration.ofSeconds(5));

        assertTrue(panels.status().get(0).ok());
        desk.press(1, SeatButton.READY);
        scheduler.advance(Duration.ofMillis(30));
        assertEquals(List.of("ready 1"), events);
    }

    @Test
    void aPowerCycledExpanderIsSetUpAgainAfterAFailedLedWrite() {
        start();
        Mcp23017Simulator chip = rig.expanders().get(0);
        panels.setLeds(1, true, false);
        scheduler.runPending();

        chip.powerOnReset();
        chip.failNextTransfers(1);
        panels.setLeds(2, true, false);
        scheduler.runPending();
        assertFalse(panels.status().get(0).ok());

        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(0xFF, chip.register(Mcp23017Simulator.GPINTENA));
        assertTrue(desk.readyLed(1));
        assertTrue(desk.readyLed(2));
    }

    private void start() {
        panels.start();
        scheduler.runPending();
    }
}
