package io.branchbox.firmware.trunk.fxo;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.drivers.cb1.msg.FxoEvent;
import io.branchbox.drivers.cb1.msg.FxoEventKind;
import io.branchbox.drivers.cb1.msg.HookState;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.trunk.PriSpan;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** FxoLine driven by FXO_EVENTs alone (no audio): ring counting, loop supervision, line voltage. */
class FxoLineTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> board = new ArrayList<>();
    private final List<TrunkCall> offered = new ArrayList<>();
    private final List<Integer> cleared = new ArrayList<>();
    private final FxoBoard fake = new FxoBoard() {
        @Override
        public CompletableFuture<Void> sendHook(int port, HookState state, int flashMs) {
            board.add("hook " + state + (state == HookState.FLASH ? " " + flashMs : ""));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void openChannel(int port) {
            board.add("open");
        }

        @Override
        public void closeChannel(int port) {
            board.add("close");
        }

        @Override
        public void sendAudio(int port, byte[] frame160) {
            board.add("audio");
        }
    };
    private final PriSpan.Calls calls = new PriSpan.Calls() {
        @Override
        public void onIncoming(TrunkCall call) {
            offered.add(call);
        }

        @Override
        public void onTrunkCleared(TrunkCall call, Q850Cause cause) {
            cleared.add(cause.value());
        }
    };

    private FxoLine line(FxoConfig config) {
        FxoLine l = new FxoLine(config, scheduler, fake, calls);
        l.start();
        return l;
    }

    private void event(FxoLine l, FxoEventKind kind, int volts) {
        l.onEvent(new FxoEvent(0, Units.fxo(l.port()), 0, kind, volts));
    }

    private void ring(FxoLine l, int onMs, int offMs) {
        event(l, FxoEventKind.RING_START, 750);
        scheduler.advance(Duration.ofMillis(onMs));
        event(l, FxoEventKind.RING_STOP, 480);
        scheduler.advance(Duration.ofMillis(offMs));
    }

    private FxoLine connected() {
        FxoLine l = line(FxoConfig.defaults(3).withCallerId(FxoConfig.CallerIdMode.NONE).withRingsToAnswer(1));
        ring(l, 1000, 100);
        offered.get(0).answer();
        scheduler.runPending();
        assertEquals("connected", l.state());
        return l;
    }

    @Test
    void glitchesShorterThanARingAreNotCounted() {
        FxoLine l = line(FxoConfig.defaults(3).withCallerId(FxoConfig.CallerIdMode.NONE));
        ring(l, 60, 400);
        ring(l, 80, 400);
        ring(l, 1000, 4000);
        assertTrue(offered.isEmpty(), "two glitches and one ring are one ring");
        ring(l, 1000, 100);
        assertEquals(1, offered.size());
        assertEquals("fxo3", offered.get(0).trunk());
        assertEquals(Units.fxo(3), offered.get(0).audioUnit());
    }

    @Test
    void answerSendsOffHookAndLoopOpenClearsWithNormalClearing() {
        FxoLine l = connected();
        assertTrue(board.contains("hook OFF_HOOK"));
        event(l, FxoEventKind.LOOP_OPEN, 0);
        scheduler.runPending();
        assertEquals(List.of(16), cleared);
        assertEquals("hook ON_HOOK", board.get(board.size() - 2));
        assertEquals("idle", l.state());
    }

    @Test
    void loopOpenDuringAFlashIsNotAHangup() {
        FxoLine l = connected();
        l.flash();
        event(l, FxoEventKind.LOOP_OPEN, 0);
        scheduler.runPending();
        assertTrue(cleared.isEmpty());
        assertTrue(board.contains("hook FLASH 100"));
        scheduler.advance(Duration.ofMillis(500));
        event(l, FxoEventKind.LOOP_OPEN, 0);
        assertEquals(List.of(16), cleared);
    }

    @Test
    void polarityReversalOnAnAnsweredCallClearsIt() {
        FxoLine l = connected();
        event(l, FxoEventKind.POLARITY_REVERSAL, -80);
        assertEquals(List.of(16), cleared);
    }

    @Test
    void boardRestartClearsTheCallAndLeavesTheLineIdle() {
        FxoLine l = connected();
        board.clear();
        l.onBoardRestarted();
        assertEquals(List.of(41), cleared);
        assertEquals("idle", l.state());
        assertTrue(board.stream().noneMatch(b -> b.startsWith("hook")), "the board is on-hook already: " + board);
    }

    @Test
    void lineUpWithoutVoltageIsStillDown() {
        FxoLine l = line(FxoConfig.defaults(0));
        List<Boolean> status = new ArrayList<>();
        l.setStatusListener((port, up, volts) -> status.add(up));
        event(l, FxoEventKind.LINE_UP, 12);
        assertEquals(List.of(false), status);
        assertEquals("down", l.state());
        event(l, FxoEventKind.LINE_UP, 480);
        assertEquals(List.of(false, true), status);
        assertEquals("idle", l.state());
    }

    @Test
    void outgoingCallIsRefusedWhileRinging() {
        FxoLine l = line(FxoConfig.defaults(0));
        event(l, FxoEventKind.RING_START, 750);
        int[] cause = {0};
        l.placeCall("123", new FxoLine.OutgoingListener() {
            @Override
            public void onAnswered(TrunkCall call) {}

            @Override
            public void onFailed(Q850Cause c, String reason) {
                cause[0] = c.value();
            }
        });
        scheduler.runPending();
        assertEquals(34, cause[0]);
        assertEquals("ringing", l.state());
        event(l, FxoEventKind.LOOP_OPEN, 0);
        assertEquals(1, l.ignoredEvents(), "loop open while on-hook means nothing");
    }
}
