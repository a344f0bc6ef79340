/**
 * The host's GPIO and I2C through Pi4J: the front panel's four lamps, the board's control lines
 * (reset, interrupt), the factory button, and the seat panels behind MCP23017 expanders (buttons
 * debounced, lamps blinking; {@link io.branchbox.drivers.gpio.SeatPanels}). Pin numbers come from
 * one {@link io.branchbox.drivers.gpio.PinMap}.
 *
 * <p>Threads: Pi4J's event threads deliver edges; the drivers post every decision to the
 * {@link io.branchbox.time.Scheduler} they were given ({@code signalling} in the box), and lamp and
 * expander writes run there too.
 *
 * <p>May import: {@code io.branchbox.time}, Pi4J, SLF4J. Nothing of firmware (no calls, no
 * configuration document): callers pass plain values.
 */
package io.branchbox.drivers.gpio;
