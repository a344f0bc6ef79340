package io.branchbox.firmware.archfixture;

import io.branchbox.rig.board.BoardSimulator;

/** Deliberately bad (ArchitectureTest): product code that needs the board simulator. */
public final class ProductUsesSimulator {
    public BoardSimulator board;
}
