package io.branchbox.rig.sim;

import io.branchbox.time.ThreadNames;
import io.branchbox.firmware.isdn.DataLinkRelay;
import io.branchbox.firmware.isdn.lapd.LapdLink;
import io.branchbox.firmware.isdn.lapd.LapdSettings;
import io.branchbox.firmware.isdn.lapd.Role;
import io.branchbox.rig.board.BoardSimulator;
import io.branchbox.rig.carrier.CarrierListener;
import io.branchbox.rig.carrier.CarrierNetworkSide;
import io.branchbox.rig.carrier.CallOffer;
import io.branchbox.rig.carrier.OfferedCall;
import io.branchbox.rig.carrier.RestartAnswer;
import java.util.ArrayList;
import java.util.List;
import io.branchbox.time.ExecutorScheduler;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The carrier's exchange at the far end of one E1 span: LAPD in the network role and Q.931's
 * network side, connected to the board simulator's span so that every frame crosses the real
 * path (simulated line → CB-1 link over the pseudo-terminal → the box's LAPD).
 *
 * <p>Threading: the carrier runs on its own scheduler thread; the methods here are safe from
 * any thread and hop onto it.
 */
public final class SimulatedCarrier implements AutoCloseable {
    private final ExecutorScheduler scheduler;
    private final LapdLink lapd;
    private final CarrierNetworkSide network;
    private volatile LineWatch watch = LineWatch.NONE;

    public SimulatedCarrier(BoardSimulator board, int span) {
        this.scheduler = new ExecutorScheduler(ThreadNames.CARRIER_SPAN + span, Clock.systemUTC());
        DataLinkRelay relay = new DataLinkRelay();
        this.network = new CarrierNetworkSide(relay);
        // the user side (the box) establishes; the network answers its SABME
        this.lapd = new LapdLink(Role.NETWORK, LapdSettings.DEFAULTS.withAutoEstablish(false), scheduler,
                frame -> toLine(board, span, frame), network, "carrier-span" + span);
        relay.connect(lapd);
        board.attachSpan(span, frame -> {
            watch.fromBox(frame, System.nanoTime());
            scheduler.execute(() -> lapd.receive(frame));
        });
        scheduler.execute(lapd::start);
    }

    private void toLine(BoardSimulator board, int span, byte[] frame) {
        LineWatch w = watch;
        long handed = w == LineWatch.NONE ? 0 : System.nanoTime();
        board.toHost(span, frame, relayed -> {
            if (w != LineWatch.NONE) {
                w.toBox(frame, handed, System.nanoTime(), relayed);
            }
        });
    }

    /** Every frame on the line from now on also goes to {@code w} (a benchmark's stopwatch). */
    public void watchLine(LineWatch w) {
        watch = w;
    }

    /**
     * Offers a call to the box on {@code timeslot}; completes at the box's first answer to the SETUP
     * (CALL PROCEEDING, ALERTING or CONNECT), or exceptionally if the box refuses it. The call's
     * {@link OfferedCall#answered()} completes at its CONNECT.
     */
    public CompletableFuture<OfferedCall> offerCall(String calling, String called, int timeslot) {
        CompletableFuture<OfferedCall> f = new CompletableFuture<>();
        scheduler.execute(() -> network.offerCall(calling, called, timeslot).whenComplete((c, e) -> {
            if (e != null) {
                f.completeExceptionally(e);
            } else {
                f.complete(c);
            }
        }));
        return f;
    }

    /** The caller hangs up (DISCONNECT with normal clearing). */
    public void hangup(OfferedCall call) {
        scheduler.execute(() -> call.hangup(16));
    }

    /** How the box's RESTART is answered (acknowledged, or ignored as some switches do). */
    public void setRestartAnswer(RestartAnswer answer) {
        scheduler.execute(() -> network.setRestartAnswer(answer));
    }

    /**
     * Offers these calls each time layer 2 comes up, before anything
     * else, as a busy E1 does; their futures complete when the box answers (CONNECT).
     */
    public List<CompletableFuture<OfferedCall>> offerAtLinkUp(List<CallOffer> calls) {
        List<CompletableFuture<OfferedCall>> answered = new ArrayList<>();
        calls.forEach(c -> answered.add(new CompletableFuture<>()));
        scheduler.execute(() -> network.atLinkUp(n -> {
            for (int i = 0; i < calls.size(); i++) {
                CompletableFuture<OfferedCall> f = answered.get(i);
                CallOffer c = calls.get(i);
                n.offerCall(c.calling(), c.called(), c.timeslot()).whenComplete((call, e) -> {
                    if (e != null) {
                        f.completeExceptionally(e);
                    } else {
                        call.answered().whenComplete((a, e2) -> f.complete(a));
                    }
                });
            }
        }));
        return answered;
    }

    /** Whether layer 2 to the box is up. */
    public boolean layer2Up() {
        return lapd.isUp();
    }

    public void addListener(CarrierListener l) {
        scheduler.execute(() -> network.addListener(l));
    }

    /** Runs {@code action} with the network side on the carrier's thread (for tests). */
    public void onCarrierThread(Consumer<CarrierNetworkSide> action) {
        scheduler.execute(() -> action.accept(network));
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
