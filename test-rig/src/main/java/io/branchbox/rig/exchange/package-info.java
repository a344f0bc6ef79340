/**
 * A simulated local exchange behind the box's FXO ports: ring cadence, FSK and DTMF caller ID,
 * callers who talk, press digits and hang up in each way an exchange signals it, dial tone and
 * number routing for outgoing calls, line faults.
 *
 * <p>{@link io.branchbox.rig.exchange.ExchangeSimulator} speaks in board terms (FXO_EVENT, line audio,
 * hook relay). Put it behind the real-time board simulator with
 * {@link io.branchbox.rig.exchange.ExchangeOnBoard}, or behind {@code FxoLine}s directly in virtual
 * time with {@link io.branchbox.rig.exchange.ExchangeBoard}, an in-memory FXO side of the board.
 * {@link io.branchbox.rig.exchange.LineSignals} makes the audio.
 */
package io.branchbox.rig.exchange;
