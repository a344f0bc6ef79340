package io.branchbox.rig.isdn;

import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.isdn.q931.BChannels;
import io.branchbox.firmware.isdn.q931.BChannels.ChannelState;
import io.branchbox.firmware.isdn.q931.CallKey;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.isdn.q931.ChannelPreference;
import io.branchbox.firmware.isdn.q931.IsdnCall;
import io.branchbox.firmware.trunk.PriSpan;
import io.branchbox.rig.carrier.CarrierListener;
import io.branchbox.rig.carrier.NetworkState;
import io.branchbox.rig.carrier.OfferedCall;
import io.branchbox.rig.carrier.OutgoingPolicy;
import io.branchbox.rig.isdn.CallLedger.Book;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Random call traffic through the box's {@link PriSpan} and the carrier simulator over LAPD, in
 * virtual time, with frame loss, wire cuts and glare; see {@link SoakSettings} for the knobs.
 *
 * <p>Call control on the box is a simple sink, not the CallManager: it answers each incoming call
 * after a random delay and hangs up after a random talk time; the carrier's caller also hangs up
 * after its own random talk time, so either side may clear first (and sometimes both at once). A
 * share of the traffic is outgoing ({@link PriSpan#placeCall}, preferred channel), a share of that
 * met by glare on purpose. Invariants are checked every virtual second while it runs.
 *
 * <p>Test thread only.
 */
final class PriSoak {
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration BACKSTOP = Duration.ofMinutes(5);

    private final SoakSettings settings;
    private final Random random;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final SpanOnWire wire;
    private final CallLedger ledger = new CallLedger();
    private final CarrierSupervision supervision;
    private final Set<TrunkCall> boxCallsUp = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<IsdnCall> outgoingUp = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> violations = new ArrayList<>();
    private int started;
    private int offeredToBox;
    private int placedByBox;
    private int networkFull;
    private int glaresArmed;
    private int movedByNetwork;
    private int cuts;
    private int backstops;
    private long serial;

    /** The box's real call control, when the soak runs through it instead of the simple sink. */
    interface BoxCallControl {
        void incoming(TrunkCall call);

        void cleared(TrunkCall call, int cause);
    }

    private final BoxCallControl boxCallControl;

    PriSoak(SoakSettings settings) {
        this(settings, s -> null);
    }

    /** A soak whose incoming calls go to the call control {@code box} builds on the soak's scheduler. */
    PriSoak(SoakSettings settings, java.util.function.Function<ManualScheduler, BoxCallControl> box) {
        this.settings = settings;
        this.boxCallControl = box.apply(scheduler);
        this.random = new Random(settings.seed());
        this.wire = new SpanOnWire(scheduler, settings.seed() ^ 0x5EED, 1024);
        this.supervision = new CarrierSupervision(wire.network);
        wire.callControl(this::onIncoming, (call, cause) -> {
            boxCallsUp.remove(call);
            ledger.end(Book.BOX_IN, call, cause);
            if (boxCallControl != null) {
                boxCallControl.cleared(call, cause);
            }
        });
        wire.network.setOutgoingPolicy(OutgoingPolicy.RING);
        wire.network.addListener(new CarrierListener() {
            @Override
            public void onCallFromBox(OfferedCall call) {
                noteCarrierCalls();
                carrierAnswersLater(call);
            }

            @Override
            public void onAnswered(OfferedCall call) {
                later(talkTime(), () -> {
                    if (call.state() == NetworkState.N10) {
                        call.hangup(Q850Cause.NORMAL_CLEARING.value());
                    }
                });
            }

            @Override
            public void onCleared(OfferedCall call, int cause) {
                ledger.open(Book.CARRIER, call, call.toString());
                ledger.end(Book.CARRIER, call, cause);
            }
        });
    }

    /** Runs the whole soak; returns what happened. Virtual time; takes a while of real time. */
    SoakResult run() {
        long wallStart = System.nanoTime();
        wire.bringUp();
        wire.loss(settings.loss());
        scheduler.scheduleAtFixedRate(TICK, TICK, this::everySecond);
        later(interArrival(), this::nextCall);
        later(nextCutIn(), this::cutTheWire);
        while (started < settings.calls()) {
            scheduler.advance(Duration.ofMinutes(1));
        }
        Duration trafficTime = scheduler.elapsed();
        wire.loss(0);
        // no new traffic; let every call clear and every timer (T309, T316 ...) run out
        for (int m = 0; m < 60 && !quiet(); m++) {
            scheduler.advance(Duration.ofMinutes(1));
        }
        scheduler.advance(Duration.ofMinutes(15));
        return new SoakResult(settings, started, offeredToBox, placedByBox, networkFull, glaresArmed, movedByNetwork,
                cuts, wire.span.lapd().counters().establishments() - 1, wire.lostToNetwork(), wire.lostToBox(),
                wire.framesToNetwork(), wire.framesToBox(), backstops, supervision.interventions(), ledger,
                List.copyOf(violations), wire.span.calls().size(), wire.network.calls().size(),
                wire.span.q931().channels().snapshot(), wire.span.q931().protocolErrors(), wire.network.faults(),
                wire.span.lapd().counters(), trafficTime, scheduler.elapsed(),
                Duration.ofNanos(System.nanoTime() - wallStart));
    }

    private boolean quiet() {
        return wire.span.calls().isEmpty() && wire.network.calls().isEmpty() && !wire.isCut();
    }

    private void nextCall() {
        if (started >= settings.calls()) {
            return;
        }
        started++;
        if (random.nextDouble() < settings.outgoingShare()) {
            placeCall();
        } else {
            offerCall();
        }
        later(interArrival(), this::nextCall);
    }

    private void offerCall() {
        int ts = 0;
        for (int t : BChannels.timeslots()) {
            if (!wire.network.isBusy(t)) {
                ts = t;
                break;
            }
        }
        if (ts == 0) {
            networkFull++;
            return;
        }
        offeredToBox++;
        wire.network.offerCall(String.format("138%08d", serial++), "95598", ts);
        noteCarrierCalls();
    }

    private void onIncoming(TrunkCall call) {
        ledger.open(Book.BOX_IN, call, call.toString());
        boxCallsUp.add(call);
        if (boxCallControl != null) {
            boxCallControl.incoming(call); // it answers; the carrier's caller hangs up after talking
            return;
        }
        Duration answerAfter = uniform(settings.answerDelayMin(), settings.answerDelayMax());
        later(answerAfter, () -> {
            if (boxCallsUp.contains(call)) {
                call.answer();
            }
        });
        hangUpLater(answerAfter.plus(talkTime()), call);
    }

    private void hangUpLater(Duration after, TrunkCall call) {
        later(after, () -> {
            if (boxCallsUp.contains(call)) {
                call.hangup(Q850Cause.NORMAL_CLEARING);
            }
        });
        later(after.plus(BACKSTOP), () -> {
            if (boxCallsUp.contains(call)) {
                backstops++;
                call.hangup(Q850Cause.NORMAL_CLEARING);
            }
        });
    }

    private void placeCall() {
        if (random.nextDouble() < settings.glareShare()) {
            glaresArmed++;
            wire.network.armGlare(String.format("880%08d", serial++), "95598");
        }
        placedByBox++;
        IsdnCall[] placed = new IsdnCall[1];
        int[] asked = new int[1];
        PriSpan.OutgoingListener listener = new PriSpan.OutgoingListener() {
            @Override
            public void onProceeding(IsdnCall call) {
                if (asked[0] != 0 && call.channel() != asked[0]) {
                    movedByNetwork++;
                }
            }

            @Override
            public void onAnswered(IsdnCall call) {
                outgoingUp.add(call);
                hangUpLater(talkTime(), wire.span.trunkCall(call), call);
            }

            @Override
            public void onCleared(IsdnCall call, Q850Cause q850, String location) {
                int cause = q850.value();
                outgoingUp.remove(call);
                ledger.end(Book.BOX_OUT, this, cause);
            }
        };
        ledger.open(Book.BOX_OUT, listener, "outgoing #" + placedByBox);
        placed[0] = wire.span.placeCall(String.format("0106%07d", serial++), "4200", ChannelPreference.preferred(), listener);
        asked[0] = placed[0].channel();
    }

    private void hangUpLater(Duration after, TrunkCall trunk, IsdnCall call) {
        later(after, () -> {
            if (outgoingUp.contains(call)) {
                trunk.hangup(Q850Cause.NORMAL_CLEARING);
            }
        });
        later(after.plus(BACKSTOP), () -> {
            if (outgoingUp.contains(call)) {
                backstops++;
                trunk.hangup(Q850Cause.NORMAL_CLEARING);
            }
        });
    }

    private void carrierAnswersLater(OfferedCall call) {
        later(uniform(settings.answerDelayMin(), settings.answerDelayMax()), () -> {
            if (call.state() == NetworkState.N4) {
                if (random.nextDouble() < settings.busyShare()) {
                    call.hangup(Q850Cause.USER_BUSY.value());
                } else {
                    call.answer();
                }
            }
        });
    }

    private void cutTheWire() {
        if (started >= settings.calls()) {
            return;
        }
        cuts++;
        wire.cut();
        later(uniform(settings.cutMin(), settings.cutMax()), () -> {
            wire.mend();
            later(nextCutIn(), this::cutTheWire);
        });
    }

    private void everySecond() {
        noteCarrierCalls();
        supervision.tick(scheduler.nowMillis());
        Set<CallKey> calls = wire.span.calls().stream().map(IsdnCall::key).collect(Collectors.toSet());
        BChannels channels = wire.span.q931().channels();
        for (int ts : BChannels.timeslots()) {
            if (channels.state(ts) == ChannelState.BUSY && channels.owner(ts).filter(calls::contains).isEmpty()) {
                violation("ts " + ts + " BUSY for " + channels.owner(ts) + " with no such call at " + scheduler.elapsed());
            }
        }
    }

    /** The carrier makes calls of its own too (glare); each goes in the books when first seen. */
    private void noteCarrierCalls() {
        wire.network.calls().forEach(c -> ledger.open(Book.CARRIER, c, c.toString()));
    }

    private void violation(String text) {
        if (violations.size() < 50) {
            violations.add(text);
        }
    }

    private void later(Duration d, Runnable r) {
        scheduler.schedule(d, r);
    }

    private Duration talkTime() {
        return uniform(settings.talkMin(), settings.talkMax());
    }

    private Duration interArrival() {
        return Duration.ofMillis((long) (-Math.log(1 - random.nextDouble()) * settings.meanInterArrival().toMillis()));
    }

    private Duration nextCutIn() {
        return Duration.ofMillis((long) (-Math.log(1 - random.nextDouble()) * settings.meanBetweenCuts().toMillis()));
    }

    private Duration uniform(Duration min, Duration max) {
        return min.plusMillis((long) (random.nextDouble() * (max.toMillis() - min.toMillis())));
    }
}
