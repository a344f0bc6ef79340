/**
 * The assembled simulated site: board simulator, carrier, local exchange and seat panels wired to
 * one box's {@code Hardware}, with callers and agents that act like people.
 *
 * <p>Threads: {@code rig} (agents, callers, panel presses), plus the simulators' own.
 *
 * <p>May import: every rig package, drivers, and firmware's runtime, configuration, audio and
 * ISDN types.
 */
package io.branchbox.rig.sim;
