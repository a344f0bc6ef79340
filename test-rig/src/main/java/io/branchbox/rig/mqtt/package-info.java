/**
 * An embedded MQTT broker (Moquette) and a test subscriber, for the demo and tests that need a
 * central office without a mosquitto process.
 *
 * <p>Threads: Moquette's and Paho's own.
 *
 * <p>May import: Moquette, Paho.
 */
package io.branchbox.rig.mqtt;
