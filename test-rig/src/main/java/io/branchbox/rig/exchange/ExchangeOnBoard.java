package io.branchbox.rig.exchange;

import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.rig.board.BoardSimulator;

/**
 * Puts an {@link ExchangeSimulator} behind the FXO ports of a {@link BoardSimulator}, in real
 * time: its FXO_EVENTs go out on the board link, its line audio feeds the FXO channels (on-hook
 * too, as the board delivers caller ID), the host's FXO_HOOK reaches it. The exchange runs on the
 * simulator's core thread.
 */
public final class ExchangeOnBoard {
    private ExchangeOnBoard() {}

    /** An exchange serving the first {@code ports} FXO ports of {@code sim}. */
    public static ExchangeSimulator attach(BoardSimulator sim, int ports) {
        ExchangeSimulator exchange = new ExchangeSimulator(sim.scheduler(), sim::fxoEvent, ports);
        for (int p = 0; p < ports; p++) {
            sim.setAudioEndpoint(Units.fxo(p), 0, exchange.endpoint(p));
        }
        sim.onFxoHook(exchange::onHook);
        return exchange;
    }
}
