package io.branchbox.drivers.cb1.link;

import io.branchbox.drivers.cb1.frame.DecoderCounters;
import io.branchbox.drivers.cb1.msg.BoardHealth;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link LinkCounters}; incremented from any thread without allocating. */
final class CounterSet {
    final AtomicLong framesIn = new AtomicLong();
    final AtomicLong framesOut = new AtomicLong();
    final AtomicLong otherDrops = new AtomicLong();
    final AtomicLong resends = new AtomicLong();
    final AtomicLong ackTimeouts = new AtomicLong();
    final AtomicLong resets = new AtomicLong();
    final AtomicLong pongLast = new AtomicLong();
    final AtomicLong pongMax = new AtomicLong();
    final AtomicLong pingsSent = new AtomicLong();
    final AtomicLong pongsLost = new AtomicLong();
    final AtomicLong commandsLost = new AtomicLong();
    final AtomicLong audioIn = new AtomicLong();
    final AtomicLong audioOut = new AtomicLong();
    final AtomicLong audioDrops = new AtomicLong();
    volatile BoardHealth lastHealth;

    void pongLatency(long micros) {
        pongLast.set(micros);
        pongMax.accumulateAndGet(micros, Math::max);
    }

    private final AtomicLong retiredBadFcs = new AtomicLong();
    private final AtomicLong retiredDecoderDrops = new AtomicLong();

    /** Keeps the counts of a closed connection's decoder, whose counters live on in the totals. */
    void retire(DecoderCounters d) {
        retiredBadFcs.addAndGet(d.badFcs());
        retiredDecoderDrops.addAndGet(d.dropped() - d.badFcs());
    }

    /** Totals so far, including the open connection's decoder {@code live} (null if none). */
    LinkCounters snapshot(DecoderCounters live) {
        long badFcs = retiredBadFcs.get() + (live == null ? 0 : live.badFcs());
        long decoderDrops = retiredDecoderDrops.get() + (live == null ? 0 : live.dropped() - live.badFcs());
        return new LinkCounters(framesIn.get(), framesOut.get(), badFcs, otherDrops.get() + decoderDrops,
                resends.get(), ackTimeouts.get(), resets.get(), pongLast.get(), pongMax.get(),
                audioIn.get(), audioOut.get(), audioDrops.get(), Optional.ofNullable(lastHealth),
                pingsSent.get(), pongsLost.get(), commandsLost.get());
    }
}
