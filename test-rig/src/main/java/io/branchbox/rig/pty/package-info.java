/**
 * A real pseudo-terminal (openpty through JNA), so the box's serial link runs unchanged against
 * the simulated board.
 *
 * <p>Thread: the caller's.
 *
 * <p>May import: JNA.
 */
package io.branchbox.rig.pty;
