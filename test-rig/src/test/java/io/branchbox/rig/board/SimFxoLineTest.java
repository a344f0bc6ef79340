package io.branchbox.rig.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.drivers.cb1.msg.Ack;
import io.branchbox.drivers.cb1.msg.AckStatus;
import io.branchbox.drivers.cb1.msg.Audio;
import io.branchbox.drivers.cb1.msg.ChanOpen;
import io.branchbox.drivers.cb1.msg.FxoEvent;
import io.branchbox.drivers.cb1.msg.FxoEventKind;
import io.branchbox.drivers.cb1.msg.FxoHook;
import io.branchbox.drivers.cb1.msg.Hello;
import io.branchbox.drivers.cb1.msg.HookState;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.rig.exchange.ExchangeOnBoard;
import io.branchbox.rig.exchange.ExchangeSimulator;
import io.branchbox.rig.exchange.Script;
import io.branchbox.rig.pty.PseudoTerminal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exchange simulator behind the board simulator's FXO ports, over a real pty, in real time. */
class SimFxoLineTest {
    @TempDir
    Path dir;

    private BoardSimulator sim;
    private PseudoTerminal pty;
    private RawHost host;

    @BeforeEach
    void setUp() throws Exception {
        sim = new BoardSimulator(new BoardSimulator.Inventory("SIM-FXO", "fw", 0, 2, 0));
        pty = PseudoTerminal.open(dir.resolve("tty"));
        host = new RawHost(pty.devicePath());
        sim.attach(pty);
        assertNotNull(host.next(Hello.class));
    }

    @AfterEach
    void tearDown() {
        host.close();
        sim.close();
        pty.close();
    }

    @Test
    void ringsReachTheHostAndGoingOffHookConnectsTheCaller() throws Exception {
        ExchangeSimulator exchange = ExchangeOnBoard.attach(sim, 2);
        host.send(new ChanOpen(1, Units.fxo(1), 0));
        assertEquals(AckStatus.OK, host.next(Ack.class, a -> a.ackedSeq() == 1).status());
        sim.scheduler().execute(() -> exchange.call(1, Script.IncomingCall.of("13800000000",
                Script.CallerIdMethod.NONE, new Script.Talk(10_000)).withCadence(300, 300)));
        FxoEvent ring = host.next(FxoEvent.class, e -> e.event() == FxoEventKind.RING_START);
        assertNotNull(ring, "RING_START on the link");
        assertEquals(Units.fxo(1), ring.unit());
        assertNotNull(host.next(FxoEvent.class, e -> e.event() == FxoEventKind.RING_STOP));
        host.send(new FxoHook(2, Units.fxo(1), 0, HookState.OFF_HOOK, 0));
        assertEquals(AckStatus.OK, host.next(Ack.class, a -> a.ackedSeq() == 2).status());
        assertTrue(LinkRig.await(Duration.ofSeconds(2), () -> onCore(sim, () -> exchange.connected(1))));
        // the caller talks: line audio on the FXO channel is no longer silence
        assertNotNull(host.next(Audio.class, a -> a.unit() == Units.fxo(1) && a.alaw()[80] != (byte) 0xD5));
    }

    private static boolean onCore(BoardSimulator sim, java.util.function.BooleanSupplier q) {
        java.util.concurrent.CompletableFuture<Boolean> f = new java.util.concurrent.CompletableFuture<>();
        sim.scheduler().execute(() -> f.complete(q.getAsBoolean()));
        return f.join();
    }
}
