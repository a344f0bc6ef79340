/**
 * The central office's side of MQTT with a fleet of boxes: many real uplinks ({@code firmware.uplink})
 * against a real Mosquitto process, an office subscriber that de-duplicates by (site, box, id), a
 * broker restart in the middle. A measuring instrument for docs/FLEET.md and docs/BENCHMARKS.md
 * ({@code FleetBench}) with a short form in the suite; not part of the product.
 *
 * <p>Threads: the caller drives the run; the uplinks run on a few {@code bench-fleet-uplink-<n>}
 * schedulers and Paho's own threads.
 *
 * <p>May import: {@code firmware.uplink}, {@code rig.mqtt}, {@code rig.bench}, Paho, Jackson.
 */
package io.branchbox.rig.fleet;
