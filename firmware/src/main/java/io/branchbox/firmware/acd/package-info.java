/**
 * Automatic call distribution: queues ordered by priority and the time the wait began, skills
 * widening over time, agent states and the queues' strategies picking a ready agent
 * ({@link io.branchbox.firmware.acd.Acd}).
 *
 * <p>Thread: {@code signalling} only; no locks.
 *
 * <p>May import: {@code config}.
 */
package io.branchbox.firmware.acd;
