/**
 * Call control: trunk and seat entry points, IVR flow, queueing and offers, agent actions
 * (hold, transfer, monitor), outbound and internal calls, callbacks, survey, announcements and the
 * agent console's contract (docs/ARCHITECTURE.md, "Call handling"). Every change of a call's state
 * goes through the transition table {@code CallTransitions}.
 *
 * <p>Thread: {@code signalling} only; disk and network results come back as futures.
 *
 * <p>May import: {@code acd}, {@code audio}, {@code config}, {@code console}, {@code dsp},
 * {@code ivr}, {@code journal}, {@code io.branchbox.time}, and {@code isdn.q931.Q850Cause} (the one
 * cause type; nothing else of {@code isdn}). Reaches the board, recorder, journal and
 * lamps only through {@code CallControlPorts}; never {@code io.branchbox.drivers} (ArchitectureTest).
 */
package io.branchbox.firmware.call;
