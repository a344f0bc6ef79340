package io.branchbox.drivers.cb1.link;

import io.branchbox.drivers.cb1.msg.AckStatus;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands waiting for their ACK: sequence numbers per unit, resends, and the give-up.
 *
 * <p>Sequence numbers run 1..255 per unit and wrap, skipping 0 (which means "no ACK wanted").
 * An unanswered command is sent again every {@code ackTimeout}, at most {@code maxResends}
 * times; one more timeout fails it and reports the board as failed. An ACK that matches nothing
 * pending (a duplicate after a resend, or a late one) is ignored.
 *
 * <p>Threading: confined to the board link's scheduler thread.
 */
final class CommandTracker {
    private static final Logger log = LoggerFactory.getLogger(CommandTracker.class);

    private final class Pending {
        final int unit;
        final int seq;
        final byte[] content;
        final CompletableFuture<AckStatus> result;
        int resends;
        Scheduler.Timer timer = Scheduler.Timer.NONE;

        Pending(int unit, int seq, byte[] content, CompletableFuture<AckStatus> result) {
            this.unit = unit;
            this.seq = seq;
            this.content = content;
            this.result = result;
        }

        void arm() {
            timer = scheduler.schedule(ackTimeout, () -> onTimeout(this));
        }
    }

    private final Scheduler scheduler;
    private final Duration ackTimeout;
    private final int maxResends;
    private final Consumer<byte[]> sender;
    private final Consumer<String> boardFailed;
    private final CounterSet counters;
    private final int[] lastSeq = new int[256];
    private final Map<Integer, Pending> pending = new HashMap<>();

    CommandTracker(Scheduler scheduler, BoardLinkSettings s, Consumer<byte[]> sender,
            Consumer<String> boardFailed, CounterSet counters) {
        this.scheduler = scheduler;
        this.ackTimeout = s.ackTimeout();
        this.maxResends = s.maxResends();
        this.sender = sender;
        this.boardFailed = boardFailed;
        this.counters = counters;
    }

    /** Gives {@code content} (header included) its sequence number, sends it and tracks it. */
    void submit(byte[] content, CompletableFuture<AckStatus> result) {
        int unit = content[2] & 0xFF;
        int seq = lastSeq[unit] % 255 + 1;
        if (pending.containsKey(key(unit, seq))) {
            result.completeExceptionally(new CommandFailedException(CommandFailedException.Reason.TOO_MANY_PENDING,
                    "255 commands already pending on unit " + Units.name(unit)));
            return;
        }
        lastSeq[unit] = seq;
        content[1] = (byte) seq;
        Pending p = new Pending(unit, seq, content, result);
        pending.put(key(unit, seq), p);
        sender.accept(content);
        p.arm();
    }

    /** An ACK from the board. */
    void onAck(int unit, int ackedSeq, AckStatus status) {
        Pending p = pending.remove(key(unit, ackedSeq));
        if (p == null) {
            log.debug("ACK for {} seq {} matches nothing pending (duplicate or late)", Units.name(unit), ackedSeq);
            return;
        }
        p.timer.cancel();
        p.result.complete(status);
    }

    /** Fails every pending command, e.g. because the board restarted or the link went down. */
    void failAll(CommandFailedException.Reason reason, String why) {
        List<Pending> all = new ArrayList<>(pending.values());
        pending.clear();
        for (Pending p : all) {
            p.timer.cancel();
            p.result.completeExceptionally(new CommandFailedException(reason, why));
        }
    }

    int pendingCount() {
        return pending.size();
    }

    private void onTimeout(Pending p) {
        if (pending.get(key(p.unit, p.seq)) != p) {
            return;
        }
        if (p.resends < maxResends) {
            p.resends++;
            counters.resends.incrementAndGet();
            sender.accept(p.content);
            p.arm();
            return;
        }
        pending.remove(key(p.unit, p.seq));
        counters.ackTimeouts.incrementAndGet();
        String why = "no ACK from " + Units.name(p.unit) + " for seq " + p.seq + " after "
                + (maxResends + 1) + " sends";
        p.result.completeExceptionally(new CommandFailedException(CommandFailedException.Reason.NO_ACK, why));
        boardFailed.accept(why);
    }

    private static int key(int unit, int seq) {
        return unit << 8 | seq;
    }
}
