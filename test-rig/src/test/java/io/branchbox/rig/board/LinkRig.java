package io.branchbox.rig.board;

import io.branchbox.drivers.cb1.link.BoardIdentity;
import io.branchbox.drivers.cb1.link.BoardLink;
import io.branchbox.drivers.cb1.link.BoardLinkSettings;
import io.branchbox.drivers.cb1.link.BoardListener;
import io.branchbox.drivers.cb1.link.JSerialCommLink;
import io.branchbox.drivers.cb1.msg.Cb1Message;
import io.branchbox.rig.pty.PseudoTerminal;
import io.branchbox.time.ExecutorScheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The whole chain on one bench: a real pty, the board simulator on its master, and the host's
 * BoardLink over jSerialComm on its slave (through a stable symbolic link), with real threads.
 * The host echoes every audio frame it receives, as the datasheet asks.
 */
final class LinkRig implements BoardListener, AutoCloseable {
    final Path devicePath;
    final BoardSimulator sim;
    final ExecutorScheduler scheduler = new ExecutorScheduler("link-scheduler", Clock.systemUTC());
    final BoardLink link;
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Cb1Message> messages = new CopyOnWriteArrayList<>();
    final Map<Integer, AtomicLong> audioByChannel = new ConcurrentHashMap<>();
    final AtomicInteger pulses = new AtomicInteger();
    PseudoTerminal pty;

    LinkRig(Path dir, BoardSimulator.Inventory inventory, Duration pongTimeout) throws IOException {
        devicePath = dir.resolve("board-tty");
        sim = new BoardSimulator(inventory);
        pty = PseudoTerminal.open(devicePath);
        sim.attach(pty);
        BoardLinkSettings settings = BoardLinkSettings.defaults(devicePath).withPongTimeout(pongTimeout);
        link = new BoardLink(settings, () -> new JSerialCommLink(devicePath, settings.baud(), settings.rtsCts()),
                scheduler, d -> {
                    pulses.incrementAndGet();
                    sim.reset();
                });
    }

    void unplug() {
        sim.detach();
        pty.close();
    }

    void replug() throws IOException {
        pty = PseudoTerminal.open(devicePath);
        sim.attach(pty);
    }

    long events(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).count();
    }

    /** Polls {@code condition} every 20 ms until it holds or {@code limit} passes. */
    static boolean await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    @Override
    public void onBoardUp(BoardIdentity id) {
        events.add("up " + id.serial());
    }

    @Override
    public void onBoardRestarted(BoardIdentity id) {
        events.add("restarted " + id.serial());
    }

    @Override
    public void onBoardDown(String reason) {
        events.add("down " + reason);
    }

    @Override
    public void onMessage(Cb1Message m) {
        messages.add(m);
    }

    @Override
    public void onAudio(int unit, int chan, int frameNo, byte[] buf, int off) {
        audioByChannel.computeIfAbsent(unit << 8 | chan, k -> new AtomicLong()).incrementAndGet();
        link.sendAudio(unit, chan, frameNo, buf, off);
    }

    @Override
    public void close() {
        link.stop();
        sim.close();
        pty.close();
        scheduler.close();
    }
}
