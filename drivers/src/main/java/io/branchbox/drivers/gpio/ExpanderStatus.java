package io.branchbox.drivers.gpio;

/**
 * Health of one seat expander, for the web admin and logs.
 *
 * @param i2cBus bus number
 * @param address 7-bit I2C address
 * @param ok whether the last I2C operation (set-up, read, LED write) succeeded
 * @param reason why it is not ok (operation and cause); empty when ok
 * @param errors I2C failures since start
 */
public record ExpanderStatus(int i2cBus, int address, boolean ok, String reason, long errors) {}
