package io.branchbox.drivers.gpio;

import java.util.List;

/**
 * Where the box's header lines and seat-panel expanders are, as configuration (CB-1 host interface
 * section 6). A later board revision may move pins or addresses, so nothing else in the driver
 * hard-codes a pin number: everything is read from a {@code PinMap}.
 *
 * <p>All GPIO numbers are BCM numbers. Immutable; safe to share between threads.
 *
 * @param boardReset BOARD_RESET output, active low
 * @param boardPresent BOARD_PRESENT input, pull-up, active low
 * @param pwrLed PWR LED output
 * @param trunkLed TRUNK LED output
 * @param uplinkLed UPLINK LED output
 * @param recLed REC LED output
 * @param factoryButton FACTORY button input, pull-up, active low
 * @param seatExpanders the MCP23017 seat expanders in seat order (first holds seats 1..n)
 * @param seatsPerExpander seats wired to each expander (at most 4: two port-A pins per seat)
 */
public record PinMap(
        int boardReset,
        int boardPresent,
        int pwrLed,
        int trunkLed,
        int uplinkLed,
        int recLed,
        int factoryButton,
        List<SeatExpander> seatExpanders,
        int seatsPerExpander) {

    /** Seats one MCP23017 can carry: each seat needs two port-A inputs and two port-B outputs. */
    public static final int MAX_SEATS_PER_EXPANDER = 4;

    /**
     * One MCP23017 of the seat panels.
     *
     * @param i2cBus Linux I2C bus number ({@code /dev/i2c-N})
     * @param address 7-bit I2C address
     * @param intPin BCM number of the GPIO wired to the expander's INT output (pull-up, active low)
     */
    public record SeatExpander(int i2cBus, int address, int intPin) {
        public SeatExpander {
            if (address < 0x03 || address > 0x77) {
                throw new IllegalArgumentException("not a 7-bit I2C device address: 0x" + Integer.toHexString(address));
            }
            requireGpio("intPin", intPin);
        }
    }

    public PinMap {
        requireGpio("boardReset", boardReset);
        requireGpio("boardPresent", boardPresent);
        requireGpio("pwrLed", pwrLed);
        requireGpio("trunkLed", trunkLed);
        requireGpio("uplinkLed", uplinkLed);
        requireGpio("recLed", recLed);
        requireGpio("factoryButton", factoryButton);
        seatExpanders = List.copyOf(seatExpanders);
        if (seatsPerExpander < 1 || seatsPerExpander > MAX_SEATS_PER_EXPANDER) {
            throw new IllegalArgumentException("seatsPerExpander must be 1.." + MAX_SEATS_PER_EXPANDER + ": " + seatsPerExpander);
        }
    }

    /** The default board's map from the datasheet: seats 1-4 on 0x20 (INT GPIO23), 5-8 on 0x21 (INT GPIO24). */
    public static PinMap defaults() {
        return new PinMap(17, 27, 5, 6, 13, 19, 26,
                List.of(new SeatExpander(1, 0x20, 23), new SeatExpander(1, 0x21, 24)),
                MAX_SEATS_PER_EXPANDER);
    }

    /** Number of seats across all expanders; seats are numbered 1..seatCount(). */
    public int seatCount() {
        return seatExpanders.size() * seatsPerExpander;
    }

    private static void requireGpio(String name, int bcm) {
        if (bcm < 0 || bcm > 57) {
            throw new IllegalArgumentException(name + " is not a BCM GPIO number: " + bcm);
        }
    }
}
