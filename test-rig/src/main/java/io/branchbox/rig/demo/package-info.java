/**
 * The demo launcher ({@code ./box demo}): the real box with its web admin on the simulated site
 * and an embedded broker.
 *
 * <p>Thread: main, then the box's and the rig's threads.
 *
 * <p>May import: {@code io.branchbox.box}, firmware's runtime and configuration, {@code rig.sim},
 * {@code rig.mqtt}.
 */
package io.branchbox.rig.demo;
