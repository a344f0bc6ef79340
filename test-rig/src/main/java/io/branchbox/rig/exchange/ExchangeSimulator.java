package io.branchbox.rig.exchange;

import io.branchbox.drivers.cb1.msg.FxoEventKind;
import io.branchbox.drivers.cb1.msg.HookState;
import io.branchbox.firmware.dsp.TonePlan;
import io.branchbox.rig.board.AudioEndpoint;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A local exchange seen from the box's FXO ports: it rings lines with a cadence, sends caller ID
 * (FSK between the first and second ring, DTMF before the first), connects callers who talk,
 * press digits and hang up (loop drop, polarity reversal, busy or congestion tone), gives dial
 * tone, listens to DTMF dialling and answers, rejects or ignores according to {@link #setCallee},
 * and can take a line down.
 *
 * <p>It speaks in the board's terms: FXO_EVENTs go to a {@link BoardSide}, line audio comes out of
 * {@link #endpoint} (an {@link AudioEndpoint}, so it plugs into the board simulator's channels or
 * into {@link ExchangeBoard}), and the host's relay comes in through {@link #onHook}.
 *
 * <p>Threading: everything on {@code scheduler}'s thread (a {@code ManualScheduler} in tests, the
 * board simulator's core in real time). Each line makes its audio on its own 20 ms tick, so on-hook
 * caller ID keeps real time whether or not the host has the channel open.
 */
public final class ExchangeSimulator {
    /** Where the exchange's line conditions go: the board's FXO_EVENT. */
    @FunctionalInterface
    public interface BoardSide {
        void fxoEvent(int port, FxoEventKind kind, int voltsTenths);
    }

    /** On-hook line voltage, ×10. */
    static final int ON_HOOK_VOLTS = 480;
    /** After the last dialled digit, the exchange waits this long for more before routing. */
    static final int INTERDIGIT_MS = 2000;

    private final Scheduler scheduler;
    private final BoardSide board;
    private final TonePlan plan;
    private final ExchangeLine[] lines;
    private final Map<String, Script.Callee> callees = new HashMap<>();
    private Script.Callee defaultCallee = Script.Callee.answers(3000, true, new Script.Talk(60_000));

    public ExchangeSimulator(Scheduler scheduler, BoardSide board, int ports) {
        this(scheduler, board, ports, TonePlan.china());
    }

    public ExchangeSimulator(Scheduler scheduler, BoardSide board, int ports, TonePlan plan) {
        this.scheduler = scheduler;
        this.board = board;
        this.plan = plan;
        this.lines = new ExchangeLine[ports];
        for (int p = 0; p < ports; p++) {
            lines[p] = new ExchangeLine(this, p);
        }
        scheduler.scheduleAtFixedRate(Duration.ofMillis(20), Duration.ofMillis(20), () -> {
            for (ExchangeLine l : lines) {
                l.tick();
            }
        });
    }

    /** The line audio of {@code port}, and the host audio sent to it. */
    public AudioEndpoint endpoint(int port) {
        return lines[port].endpoint();
    }

    /** The host switched the relay of {@code port} (what the board saw in FXO_HOOK). */
    public void onHook(int port, HookState state) {
        lines[port].onHook(state);
    }

    /** A call arrives for {@code port}: caller ID and ringing start now. */
    public void call(int port, Script.IncomingCall call) {
        lines[port].incoming(call);
    }

    /** What happens when a line dials {@code number}. */
    public void setCallee(String number, Script.Callee callee) {
        callees.put(number, callee);
    }

    /** What happens for numbers without their own {@link #setCallee}. */
    public void setDefaultCallee(Script.Callee callee) {
        this.defaultCallee = callee;
    }

    /** Whether {@code port} gets dial tone when it goes off-hook (a faulty line does not). */
    public void setDialTone(int port, boolean given) {
        lines[port].dialTone = given;
    }

    /** The far end of the call on {@code port} hangs up now. */
    public void farEndHangsUp(int port, Script.Disconnect how) {
        lines[port].hangUp(how);
    }

    /** The line of {@code port} goes dead (cable pulled): LINE_DOWN, everything on it stops. */
    public void lineDown(int port) {
        lines[port].down();
    }

    /** The line of {@code port} comes back: LINE_UP at 48 V. */
    public void lineUp(int port) {
        lines[port].up();
    }

    /** Digits the exchange heard dialled on {@code port} since it last went off-hook. */
    public String dialled(int port) {
        return lines[port].dialled.toString();
    }

    /** Hook flashes seen on {@code port}. */
    public int flashes(int port) {
        return lines[port].flashes;
    }

    /** The relay position of {@code port} as the exchange sees it. */
    public HookState hook(int port) {
        return lines[port].hook;
    }

    /** Rings sent to {@code port} for the current or last call. */
    public int rings(int port) {
        return lines[port].rings;
    }

    /** Whether the current call on {@code port} is connected (answered, nobody hung up yet). */
    public boolean connected(int port) {
        return lines[port].connected;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    TonePlan plan() {
        return plan;
    }

    void event(int port, FxoEventKind kind, int voltsTenths) {
        board.fxoEvent(port, kind, voltsTenths);
    }

    Script.Callee callee(String number) {
        return callees.getOrDefault(number, defaultCallee);
    }

    static List<Script> steps(Script... s) {
        return List.of(s);
    }
}
