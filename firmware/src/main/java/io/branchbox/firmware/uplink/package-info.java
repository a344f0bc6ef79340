/**
 * The central office's link over MQTT (docs/MQTT.md): connect with backoff and TLS, a durable
 * outbox that survives power cuts and outages, periodic health, figures and alarms, commands from
 * the office.
 *
 * <p>Threads: {@code uplink} (connects, drains the outbox, publishes health) and Paho's own
 * threads (callbacks post back to {@code uplink}); {@code enqueue} from any thread.
 *
 * <p>May import: {@code io.branchbox.time}, Paho, Jackson. Nothing else of firmware: the runtime
 * hands it plain values (docs/MQTT.md's payloads).
 */
package io.branchbox.firmware.uplink;
