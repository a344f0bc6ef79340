package io.branchbox.drivers.cb1.link;

import io.branchbox.time.ThreadNames;
import io.branchbox.drivers.cb1.msg.Ack;
import io.branchbox.drivers.cb1.msg.AckStatus;
import io.branchbox.drivers.cb1.msg.BoardHealth;
import io.branchbox.drivers.cb1.msg.Cb1Codec;
import io.branchbox.drivers.cb1.msg.Cb1Message;
import io.branchbox.drivers.cb1.msg.Hello;
import io.branchbox.drivers.cb1.msg.Pong;
import io.branchbox.drivers.cb1.msg.Query;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.drivers.cb1.link.CommandFailedException.Reason;
import io.branchbox.drivers.cb1.link.LinkStatus.State;
import io.branchbox.time.Scheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's driver for the CB-1 board (datasheet section 5): opens the device, finds the board
 * with QUERY/HELLO, keeps it alive with PING, delivers commands with ACK and resend, resets a
 * failed board through the reset line and reopens a vanished device, all by itself.
 *
 * <p>Lifecycle: {@link #start} returns at once and the link goes STARTING → ONLINE; failures show
 * in {@link #status} (OFFLINE while the device is absent, RESETTING while a reset is under way)
 * and are retried without end until {@link #stop}, which returns quickly.
 *
 * <p>Threading: every state change happens on the injected {@link Scheduler}'s thread, which is
 * also where {@link BoardListener} control callbacks run. Received audio is delivered on the
 * device's reader thread. Writes happen on one writer thread. {@link #command}, {@link #send},
 * {@link #sendAudio}, {@link #status} and {@link #counters} are safe from any thread;
 * {@link #sendAudio} never blocks and allocates nothing.
 */
public final class BoardLink {
    private static final Logger log = LoggerFactory.getLogger(BoardLink.class);
    /** Datasheet minimum is 10 ms; 20 ms leaves margin for a GPIO write that lands early. */
    static final Duration RESET_PULSE = Duration.ofMillis(20);
    private static final int MAX_BACKOFF_SHIFT = 5;

    private final BoardLinkSettings settings;
    private final Supplier<ByteLink> linkFactory;
    private final Scheduler scheduler;
    private final ResetLine resetLine;
    private final CounterSet counters = new CounterSet();
    private final FrameWriter writer;
    private final CommandTracker commands;
    private final Keepalive keepalive;
    private volatile LinkStatus status = new LinkStatus(State.OFFLINE, "not started");
    private volatile LinkSession session;
    private volatile boolean stopped;
    private BoardListener listener;
    private volatile BoardIdentity identity;
    private boolean everUp;
    private int resetAttempt;
    private boolean answerWindow;
    private Scheduler.Timer helloTimer = Scheduler.Timer.NONE;
    private Scheduler.Timer reopenTimer = Scheduler.Timer.NONE;

    public BoardLink(BoardLinkSettings settings, Supplier<ByteLink> linkFactory, Scheduler scheduler,
            ResetLine resetLine) {
        this(settings, linkFactory, scheduler, resetLine, false);
    }

    /** {@code inlineWrites}: write on the caller's thread, for deterministic unit tests. */
    BoardLink(BoardLinkSettings settings, Supplier<ByteLink> linkFactory, Scheduler scheduler,
            ResetLine resetLine, boolean inlineWrites) {
        this.settings = settings;
        this.linkFactory = linkFactory;
        this.scheduler = scheduler;
        this.resetLine = resetLine;
        this.writer = new FrameWriter(settings.audioSlots(), counters, inlineWrites);
        this.commands = new CommandTracker(scheduler, settings, writer::sendControl, this::commandUnanswered, counters);
        this.keepalive = new Keepalive(scheduler, settings, writer::sendControl, this::boardFailed, counters);
    }

    /**
     * Starts connecting in the background and returns at once; {@code l} hears about the board
     * from then on (its first HELLO is {@code onBoardUp}, every later one {@code onBoardRestarted}).
     */
    public void start(BoardListener l) {
        this.listener = l;
        stopped = false;
        everUp = false;
        status = new LinkStatus(State.STARTING, "opening " + settings.devicePath());
        writer.start(ThreadNames.CB1_WRITE);
        scheduler.execute(this::openLink);
    }

    /** Closes the device and stops every timer; pending commands fail with STOPPED. */
    public void stop() {
        stopped = true;
        writer.stop();
        LinkSession s = session;
        session = null;
        if (s != null) {
            s.link.close();
        }
        scheduler.execute(() -> {
            cancelTimers();
            commands.failAll(Reason.STOPPED, "link stopped");
            status = new LinkStatus(State.OFFLINE, "stopped");
        });
    }

    public LinkStatus status() {
        return status;
    }

    /** The board from the last HELLO, or null before the first one. Safe from any thread. */
    public BoardIdentity identity() {
        return identity;
    }

    public LinkCounters counters() {
        LinkSession s = session;
        return counters.snapshot(s == null ? null : s.decoderCounters());
    }

    /**
     * Sends a command that the board acknowledges. Its {@code seq} is replaced by the next one
     * for its unit. The future completes with the ACK status (a rejection is a normal result),
     * or exceptionally with {@link CommandFailedException} when no ACK came.
     */
    public CompletableFuture<AckStatus> command(Cb1Message msgWithoutSeq) {
        byte[] content = Cb1Codec.encode(msgWithoutSeq);
        CompletableFuture<AckStatus> result = new CompletableFuture<>();
        scheduler.execute(() -> {
            if (status.state() != State.ONLINE) {
                result.completeExceptionally(new CommandFailedException(Reason.LINK_DOWN, status.reason()));
            } else {
                commands.submit(content, result);
            }
        });
        return result;
    }

    /** Sends a message that wants no ACK ({@code seq} must be 0), e.g. DCHAN. Dropped while offline. */
    public void send(Cb1Message m) {
        if (m.seq() != 0) {
            throw new IllegalArgumentException("send() is for seq 0 messages; use command(): " + m.type());
        }
        writer.sendControl(Cb1Codec.encode(m));
    }

    /** Queues one AUDIO frame of 160 A-law bytes at {@code alaw[off]}; drops (counted) if full. */
    public void sendAudio(int unit, int chan, int frameNo, byte[] alaw, int off) {
        writer.sendAudio(unit, chan, frameNo, alaw, off);
    }

    private void openLink() {
        if (stopped) {
            return;
        }
        ByteLink link;
        LinkSession s;
        try {
            link = linkFactory.get();
            s = new LinkSession(link, listener, counters,
                    m -> post(() -> onControl(m)),
                    (closed, cause) -> post(() -> onLinkClosed(closed, cause)));
            link.open(s);
        } catch (IOException | RuntimeException e) {
            // a device that is absent, busy or misconfigured now may be fine at the next attempt
            offline("cannot open " + settings.devicePath() + ": " + e.getMessage());
            return;
        }
        session = s;
        writer.setLink(link);
        if (status.state() != State.STARTING) {
            status = new LinkStatus(State.STARTING, "opened " + settings.devicePath() + ", waiting for HELLO");
        }
        answerWindow = true;
        writer.sendControl(Cb1Codec.encode(new Query(0, Units.BOARD, 0)));
        helloTimer = scheduler.schedule(settings.helloTimeout(),
                () -> resetBoard("no HELLO within " + settings.helloTimeout().toMillis() + " ms of QUERY"));
    }

    /** From the reader thread to the scheduler thread; after stop the scheduler may be gone. */
    private void post(Runnable task) {
        if (stopped) {
            return;
        }
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("scheduler refused a task after shutdown: {}", e.getMessage());
        }
    }

    private void onControl(Cb1Message m) {
        if (stopped) {
            return;
        }
        switch (m) {
            case Hello h -> onHello(h);
            case Pong p -> {
                answerWindow = false;
                keepalive.onPong(p.token());
            }
            case Ack a -> commands.onAck(a.unit(), a.ackedSeq(), a.status());
            case BoardHealth h -> {
                counters.lastHealth = h;
                forward(m);
            }
            default -> forward(m);
        }
    }

    private void forward(Cb1Message m) {
        if (status.state() == State.ONLINE) {
            listener.onMessage(m);
        }
    }

    /**
     * A HELLO is a restart unless it answers our QUERY. After opening, the board's power-up HELLO
     * may still sit in the device buffer ahead of the answer, so every HELLO between going online
     * and the first PONG (the PING went out after the first HELLO, so its PONG comes after the
     * answer) is taken as that answer: it changes nothing on the board.
     */
    private void onHello(Hello h) {
        if (answerWindow && status.state() == State.ONLINE) {
            identity = BoardIdentity.from(h);
            log.debug("HELLO before the first PONG taken as the answer to QUERY");
            return;
        }
        helloTimer.cancel();
        resetAttempt = 0;
        identity = BoardIdentity.from(h);
        commands.failAll(Reason.BOARD_RESTARTED, "board sent HELLO");
        status = new LinkStatus(State.ONLINE, "board " + identity.serial() + " firmware " + identity.firmware());
        keepalive.start();
        log.info("CB-1 board {} online (firmware {}, {} spans, {} FXO, {} headsets)", identity.serial(),
                identity.firmware(), identity.spans(), identity.fxo(), identity.headsets());
        if (everUp) {
            listener.onBoardRestarted(identity);
        } else {
            everUp = true;
            listener.onBoardUp(identity);
        }
    }

    /**
     * A command got no ACK after every resend. The datasheet says "treat the board as failed", but
     * on a noisy link that still carries the board's frames a reset would hang up on every call
     * for one lost command (issue 13, problem 5): the command fails (its caller handles that) and
     * the board is reset only when it is also silent. Counted as {@code commandsLost}.
     */
    private void commandUnanswered(String reason) {
        if (keepalive.heardRecently()) {
            counters.commandsLost.incrementAndGet();
            log.warn("{}; the board is still heard, so it is not reset", reason);
            return;
        }
        boardFailed(reason);
    }

    private void boardFailed(String reason) {
        if (stopped || status.state() != State.ONLINE) {
            return;
        }
        log.warn("CB-1 board failed: {}", reason);
        goDown(reason);
        resetBoard(reason);
    }

    private void resetBoard(String reason) {
        if (stopped || session == null) {
            return;
        }
        answerWindow = false;
        counters.resets.incrementAndGet();
        status = new LinkStatus(State.RESETTING, reason);
        try {
            resetLine.pulse(RESET_PULSE);
        } catch (RuntimeException e) {
            log.error("reset line failed", e);
        }
        Duration wait = settings.helloTimeout().multipliedBy(1L << Math.min(resetAttempt, MAX_BACKOFF_SHIFT));
        resetAttempt++;
        helloTimer = scheduler.schedule(wait,
                () -> resetBoard("no HELLO within " + wait.toMillis() + " ms of a reset pulse"));
    }

    private void onLinkClosed(LinkSession s, IOException cause) {
        counters.retire(s.decoderCounters());
        if (s != session || stopped) {
            return;
        }
        session = null;
        writer.setLink(null);
        String reason = "device " + settings.devicePath() + " lost: "
                + (cause == null ? "closed" : cause.getMessage());
        if (status.state() == State.ONLINE) {
            goDown(reason);
        }
        offline(reason);
    }

    private void goDown(String reason) {
        keepalive.stop();
        commands.failAll(Reason.LINK_DOWN, reason);
        listener.onBoardDown(reason);
    }

    private void offline(String reason) {
        cancelTimers();
        status = new LinkStatus(State.OFFLINE, reason);
        reopenTimer = scheduler.schedule(settings.reopenInterval(), this::openLink);
    }

    private void cancelTimers() {
        keepalive.stop();
        helloTimer.cancel();
        reopenTimer.cancel();
    }
}
