package io.branchbox.firmware.call.archfixture;

import io.branchbox.drivers.cb1.link.BoardLink;

/** Deliberately bad (ArchitectureTest): call control talking to the board link directly. */
public final class CallDrivesBoard {
    public BoardLink link;
}
