/**
 * Seat panels on Pi4J's mock platform: presses buttons and reads lamps through the same MCP23017
 * registers the box's driver uses.
 *
 * <p>Thread: {@code rig}.
 *
 * <p>May import: {@code drivers.gpio}, {@code io.branchbox.time}, Pi4J.
 */
package io.branchbox.rig.panel;
