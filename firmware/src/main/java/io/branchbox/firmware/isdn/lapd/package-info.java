/**
 * Q.921 LAPD for an ISDN PRI D-channel (ETSI EN 300 125): SAPI 0, fixed TEI 0, point-to-point,
 * modulo 128, for the box (USER) and the carrier simulator (NETWORK).
 *
 * <p>Layers: {@link io.branchbox.firmware.isdn.lapd.LapdCodec} turns a CB-1 DCHAN payload (address
 * through information field, no flags, no FCS) into an immutable
 * {@link io.branchbox.firmware.isdn.lapd.LapdFrame} or a
 * {@link io.branchbox.firmware.isdn.lapd.LapdException} with its Q.921 condition;
 * {@link io.branchbox.firmware.isdn.lapd.LapdLink} runs the multiple-frame state machine (states 4
 * to 8 of Q.921 annex B, one small class each) and implements
 * {@link io.branchbox.firmware.isdn.DataLink} for Q.931.
 *
 * <p>C/R bit (Q.921 table 1): the user side sends commands with C/R = 0 and responses with
 * C/R = 1; the network side the opposite. See {@link io.branchbox.firmware.isdn.lapd.Role}.
 *
 * <p>Threading: everything runs on the signalling {@link io.branchbox.time.Scheduler}'s thread.
 */
package io.branchbox.firmware.isdn.lapd;
