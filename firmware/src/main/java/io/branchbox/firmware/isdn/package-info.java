/**
 * ISDN's layer boundary: {@link io.branchbox.firmware.isdn.DataLink} (what Q.931 needs of layer
 * 2) and {@link io.branchbox.firmware.isdn.DataLinkUser} (what layer 2 delivers up). LAPD is in
 * {@code isdn.lapd}, Q.931 in {@code isdn.q931}, D-channel captures in {@code isdn.capture}.
 *
 * <p>Thread: {@code signalling}.
 *
 * <p>May import: {@code io.branchbox.time} and the board's constants in {@code drivers.cb1.msg}; never {@code trunk} or
 * {@code call} (ArchitectureTest).
 */
package io.branchbox.firmware.isdn;
