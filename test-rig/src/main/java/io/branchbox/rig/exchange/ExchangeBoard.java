package io.branchbox.rig.exchange;

import io.branchbox.drivers.cb1.msg.FxoEvent;
import io.branchbox.drivers.cb1.msg.FxoEventKind;
import io.branchbox.drivers.cb1.msg.HookState;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.firmware.trunk.fxo.FxoBoard;
import io.branchbox.firmware.trunk.fxo.FxoLine;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The FXO side of a CB-1 board in memory, between {@link FxoLine}s and an
 * {@link ExchangeSimulator}, on one scheduler: FXO_HOOK acknowledged after a relay time (or
 * refused, for failure tests), channels opened and closed, line audio delivered every 20 ms to
 * lines whose channel is open (on-hook too), host audio passed to the exchange only off-hook, as
 * datasheet section 5 says.
 *
 * <p>It lets FxoLine tests run in virtual time without the byte-level board simulator.
 * Threading: the scheduler's thread; the audio delivery stands in for the board link's reader thread.
 */
public final class ExchangeBoard implements FxoBoard, ExchangeSimulator.BoardSide {
    /** How long the hook relay takes to switch before the ACK. */
    static final int RELAY_MS = 10;

    private final Scheduler scheduler;
    private final FxoLine[] lines;
    private final boolean[] open;
    private final HookState[] hooks;
    private final byte[] frame = new byte[160];
    private ExchangeSimulator exchange;
    private boolean refuseHooks;

    public ExchangeBoard(Scheduler scheduler, int ports) {
        this.scheduler = scheduler;
        this.lines = new FxoLine[ports];
        this.open = new boolean[ports];
        this.hooks = new HookState[ports];
        java.util.Arrays.fill(hooks, HookState.ON_HOOK);
        scheduler.scheduleAtFixedRate(Duration.ofMillis(20), Duration.ofMillis(20), this::audioTick);
    }

    /** Connects the exchange whose lines this board's ports are. */
    public void connect(ExchangeSimulator exchange) {
        this.exchange = exchange;
    }

    /** The line served by {@code port}. */
    public void attach(int port, FxoLine line) {
        lines[port] = line;
    }

    /** From now on FXO_HOOK is answered with a failure (a board that lost its relay driver). */
    public void refuseHooks(boolean refuse) {
        this.refuseHooks = refuse;
    }

    public boolean channelOpen(int port) {
        return open[port];
    }

    public HookState hook(int port) {
        return hooks[port];
    }

    @Override
    public CompletableFuture<Void> sendHook(int port, HookState state, int flashMs) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        if (refuseHooks) {
            scheduler.schedule(Duration.ofMillis(RELAY_MS), () -> ack.completeExceptionally(
                    new IllegalStateException("ACK BAD_STATE for FXO_HOOK on fxo" + port)));
            return ack;
        }
        int ms = state == HookState.FLASH ? flashMs : RELAY_MS;
        scheduler.schedule(Duration.ofMillis(ms), () -> {
            if (state != HookState.FLASH) {
                hooks[port] = state;
            }
            exchange.onHook(port, state);
            ack.complete(null);
        });
        return ack;
    }

    @Override
    public void openChannel(int port) {
        open[port] = true;
    }

    @Override
    public void closeChannel(int port) {
        open[port] = false;
    }

    @Override
    public void sendAudio(int port, byte[] frame160) {
        if (open[port] && hooks[port] == HookState.OFF_HOOK) {
            exchange.endpoint(port).fromHost(frame160);
        }
    }

    @Override
    public void fxoEvent(int port, FxoEventKind kind, int voltsTenths) {
        FxoLine l = lines[port];
        if (l != null) {
            l.onEvent(new FxoEvent(0, Units.fxo(port), 0, kind, voltsTenths));
        }
    }

    private void audioTick() {
        for (int p = 0; p < lines.length; p++) {
            if (open[p] && lines[p] != null && exchange != null) {
                exchange.endpoint(p).nextToHost(frame);
                lines[p].onLineAudio(frame, 0);
            }
        }
    }
}
