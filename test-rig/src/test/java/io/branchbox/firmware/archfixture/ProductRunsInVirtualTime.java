package io.branchbox.firmware.archfixture;

import io.branchbox.time.ManualScheduler;

/** Deliberately bad (ArchitectureTest): product code that runs on the tests' virtual time. */
public final class ProductRunsInVirtualTime {
    public ManualScheduler scheduler;
}
