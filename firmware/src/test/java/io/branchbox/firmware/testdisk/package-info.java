/**
 * Test disks shared by the journal, recording, store and runtime tests: {@link
 * io.branchbox.firmware.testdisk.PowerCutFiles}, a file layer that loses every write not forced
 * to the device when the power is cut, and {@link io.branchbox.firmware.testdisk.PowerCutH2Path},
 * the same layer under H2's file system so the database file goes through it too.
 *
 * <p>Threading: the layer is safe from any thread (one lock orders writes, forces and the cut).
 * May import {@code java.nio}, H2's {@code org.h2.store.fs} and the firmware's {@code
 * recording.ForwardingChannel}; nothing else of the box.
 */
package io.branchbox.firmware.testdisk;
