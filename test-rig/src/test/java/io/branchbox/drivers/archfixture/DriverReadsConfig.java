package io.branchbox.drivers.archfixture;

import io.branchbox.firmware.config.BoxConfig;

/** Deliberately bad (ArchitectureTest): a driver that reads the box's configuration. */
public final class DriverReadsConfig {
    public BoxConfig config;
}
