package io.branchbox.firmware.archcyclea;

import io.branchbox.firmware.archcycleb.CycleB;

/** Deliberately bad (ArchitectureTest): half of a cycle between two subsystems. */
public final class CycleA {
    public CycleB b;
}
