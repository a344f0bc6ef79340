package io.branchbox.firmware.isdn.q931;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Call control stand-in: records every event as text, keeps the last call offered. */
final class RecordingHandler implements TrunkCallHandler {
    final List<String> events = new ArrayList<>();
    IsdnCall incoming;
    Q850Cause clearedCause;
    Consumer<IsdnCall> onIncoming = c -> {};

    @Override
    public void onIncomingCall(IsdnCall call) {
        incoming = call;
        events.add("incoming " + call.callingNumber() + "->" + call.calledNumber() + " ts" + call.channel());
        onIncoming.accept(call);
    }

    @Override
    public void onProceeding(IsdnCall call) {
        events.add("proceeding ts" + call.channel());
    }

    @Override
    public void onAlerting(IsdnCall call) {
        events.add("alerting");
    }

    @Override
    public void onProgress(IsdnCall call, int description) {
        events.add("progress " + description);
    }

    @Override
    public void onAnswered(IsdnCall call) {
        events.add("answered");
    }

    @Override
    public void onConnected(IsdnCall call) {
        events.add("connected");
    }

    @Override
    public void onCleared(IsdnCall call, Q850Cause cause, String location) {
        clearedCause = cause;
        events.add("cleared " + cause);
    }

    final List<Refusal> refusals = new ArrayList<>();
    final List<RestartEvent> restartEvents = new ArrayList<>();

    @Override
    public void onRefused(Refusal refusal) {
        refusals.add(refusal);
        events.add("refused " + refusal.cause());
    }

    @Override
    public void onRestartEvent(RestartEvent event) {
        restartEvents.add(event);
    }
}
