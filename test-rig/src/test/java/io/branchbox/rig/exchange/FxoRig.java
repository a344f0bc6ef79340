package io.branchbox.rig.exchange;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.trunk.PriSpan;
import io.branchbox.firmware.trunk.fxo.FxoConfig;
import io.branchbox.firmware.trunk.fxo.FxoLine;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One FXO line on port 0 wired to the exchange simulator through the in-memory board, in virtual
 * time, with a call control that answers every offered call and records what it was told.
 */
final class FxoRig implements PriSpan.Calls, FxoLine.OutgoingListener, io.branchbox.firmware.trunk.fxo.LineObserver {
    final ManualScheduler scheduler = new ManualScheduler();
    final ExchangeBoard board = new ExchangeBoard(scheduler, 1);
    final ExchangeSimulator exchange = new ExchangeSimulator(scheduler, board, 1);
    final FxoLine line;
    final List<TrunkCall> incoming = new ArrayList<>();
    final List<Integer> ringsAtOffer = new ArrayList<>();
    final List<Integer> cleared = new ArrayList<>();
    final List<Boolean> status = new ArrayList<>();
    final List<String> detections = new ArrayList<>();
    TrunkCall answered;
    Integer failedCause;
    Integer outgoingCleared;
    boolean autoAnswer = true;

    FxoRig(FxoConfig config) {
        board.connect(exchange);
        line = new FxoLine(config, scheduler, board, this);
        line.setStatusListener((port, up, volts) -> status.add(up));
        line.setObserver(this);
        board.attach(0, line);
        line.start();
    }

    void advance(int ms) {
        scheduler.advance(Duration.ofMillis(ms));
    }

    @Override
    public void onIncoming(TrunkCall call) {
        incoming.add(call);
        ringsAtOffer.add(exchange.rings(0));
        if (autoAnswer) {
            // call control answers after opening the channel, later on the signalling thread
            scheduler.execute(call::answer);
        }
    }

    @Override
    public void onTrunkCleared(TrunkCall call, Q850Cause q850) {
        int cause = q850.value();
        cleared.add(cause);
    }

    @Override
    public void onAnswered(TrunkCall call) {
        answered = call;
    }

    @Override
    public void onFailed(Q850Cause q850, String reason) {
        int cause = q850.value();
        failedCause = cause;
    }

    @Override
    public void onCleared(TrunkCall call, Q850Cause q850) {
        int cause = q850.value();
        outgoingCleared = cause;
    }

    @Override
    public void onLineAudio(byte[] alaw, int off) {}

    @Override
    public void onDetection(String kind, Map<String, Object> fields) {
        detections.add(kind + " " + fields);
    }
}
