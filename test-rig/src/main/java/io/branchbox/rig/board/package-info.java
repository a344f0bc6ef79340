/**
 * The CB-1 board simulator: the board's side of the host interface on a real pseudo-terminal,
 * real-time 20 ms audio ticks per open channel, spans, FXO ports and headsets, driven by the
 * simulated world through {@code SimCommands}.
 *
 * <p>Threads: {@code sim-core} (ticks and state), {@code sim-read-<pty>} (reads the host's frames).
 *
 * <p>May import: {@code drivers.cb1.frame}, {@code drivers.cb1.msg}, {@code rig.pty},
 * {@code io.branchbox.time}. Product code never imports the rig (ArchitectureTest).
 */
package io.branchbox.rig.board;
