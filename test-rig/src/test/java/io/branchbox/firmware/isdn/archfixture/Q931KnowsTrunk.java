package io.branchbox.firmware.isdn.archfixture;

import io.branchbox.firmware.trunk.PriSpan;

/** Deliberately bad (ArchitectureTest): a protocol layer that knows its trunk adapter. */
public final class Q931KnowsTrunk {
    public PriSpan span;
}
