/**
 * Benchmarks (JMH and load mains, docs/BENCHMARKS.md): the audio path, link latency, recording
 * capacity, offer-to-ring, uplink drain, KPI and report folds.
 *
 * <p>Threads: {@code bench-<what>} and the simulators'.
 *
 * <p>May import: anything of the box and the rig; nothing imports it.
 */
package io.branchbox.rig.bench;
