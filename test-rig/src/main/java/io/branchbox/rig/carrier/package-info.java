/**
 * The carrier's network side of a PRI span: LAPD in the NETWORK role and a network-side Q.931
 * that offers calls, answers SETUPs, acknowledges or ignores RESTART.
 *
 * <p>Thread: {@code carrier-span<n>}, one per span.
 *
 * <p>May import: {@code firmware.isdn..}, {@code io.branchbox.time}.
 */
package io.branchbox.rig.carrier;
