package io.branchbox.firmware.trunk.archfixture;

import io.branchbox.firmware.store.CallDisposition;

/** Deliberately bad (ArchitectureTest): a trunk that reaches into the database layer. */
public final class TrunkWritesDatabase {
    public CallDisposition disposition;
}
