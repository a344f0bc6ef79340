package io.branchbox.firmware.archcycleb;

import io.branchbox.firmware.archcyclea.CycleA;

/** Deliberately bad (ArchitectureTest): the other half of the cycle. */
public final class CycleB {
    public CycleA a;
}
