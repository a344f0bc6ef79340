package io.branchbox.drivers.cb1.link;

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
    final AtomicLong audioIn = new AtomicLong();
    final AtomicLong audioOut = new AtomicLong();
    final AtomicLong audioDrops = new AtomicLong();
    volatile BoardHealth lastHealth;

    void pongLatency(long micros) {
        pongLast.set(micros);
        pongMax.accumulateAndGet(micros, Math::max);
    }

    LinkCounters snapshot(long badFcs, long decoderDrops) {
        return new LinkCounters(framesIn.get(), framesOut.get(), badFcs, otherDrops.get() + decoderDrops,
                resends.get(), ackTimeouts.get(), resets.get(), pongLast.get(), pongMax.get(),
                audioIn.get(), audioOut.get(), audioDrops.get(), Optional.ofNullable(lastHealth));
    }
}
