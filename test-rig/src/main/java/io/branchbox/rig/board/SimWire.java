package io.branchbox.rig.board;

import io.branchbox.time.ThreadNames;
import io.branchbox.drivers.cb1.frame.DecoderCounters;
import io.branchbox.drivers.cb1.frame.HdlcDecoder;
import io.branchbox.drivers.cb1.frame.HdlcEncoder;
import io.branchbox.rig.pty.PseudoTerminal;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated board's end of the byte stream: HDLC in and out over a pty master, with the
 * failure injection that a real USB link and UART produce (lost frames, bad FCS).
 *
 * <p>Threading: one reader thread per attached pty decodes frames and hands copies of their
 * content to {@code inbound}; {@link #send} is called from the simulator's core thread only.
 */
final class SimWire {
    private static final Logger log = LoggerFactory.getLogger(SimWire.class);
    private static final int WRITE_TIMEOUT_MILLIS = 50;

    private final Consumer<byte[]> inbound;
    private final SplittableRandom random = new SplittableRandom(1);
    private final byte[] encoded = new byte[HdlcEncoder.maxEncodedSize(HdlcEncoder.MAX_CONTENT)];
    private volatile PseudoTerminal pty;
    private volatile HdlcDecoder decoder;
    private Thread reader;
    volatile double dropRate;
    volatile double badFcsRate;
    /** Host→board: share of whole frames lost before the board's receiver. */
    volatile double inboundDropRate;
    /** Both directions: probability that any one bit on the wire is flipped. */
    volatile double bitErrorRate;
    private final SplittableRandom inboundRandom = new SplittableRandom(2);
    final AtomicLong injectedInboundDrops = new AtomicLong();
    final AtomicLong injectedBitErrors = new AtomicLong();
    final AtomicLong framesReceived = new AtomicLong();
    final AtomicLong framesSent = new AtomicLong();
    final AtomicLong injectedDrops = new AtomicLong();
    final AtomicLong injectedBadFcs = new AtomicLong();
    final AtomicLong txOverruns = new AtomicLong();
    private final AtomicLong retiredRxBad = new AtomicLong();

    SimWire(Consumer<byte[]> inbound) {
        this.inbound = inbound;
    }

    synchronized void attach(PseudoTerminal p) {
        detach();
        HdlcDecoder d = new HdlcDecoder((c, off, len) -> {
            if (inboundDropRate > 0 && inboundRandom.nextDouble() < inboundDropRate) {
                injectedInboundDrops.incrementAndGet();
                return;
            }
            framesReceived.incrementAndGet();
            inbound.accept(Arrays.copyOfRange(c, off, off + len));
        });
        decoder = d;
        pty = p;
        reader = new Thread(() -> readLoop(p, d), ThreadNames.SIM_READ + p.slavePath().getFileName());
        reader.setDaemon(true);
        reader.start();
    }

    /** Stops reading; the pty itself is the caller's to close. */
    synchronized void detach() {
        HdlcDecoder d = decoder;
        if (d != null) {
            retiredRxBad.addAndGet(d.counters().dropped());
        }
        pty = null;
        decoder = null;
        if (reader != null) {
            reader.interrupt();
            reader = null;
        }
    }

    /** Frames the board's receiver dropped (bad FCS, too short or long, aborted). */
    long rxBad() {
        HdlcDecoder d = decoder;
        DecoderCounters c = d == null ? null : d.counters();
        return retiredRxBad.get() + (c == null ? 0 : c.dropped());
    }

    private void readLoop(PseudoTerminal p, HdlcDecoder d) {
        byte[] buf = new byte[4096];
        try {
            while (pty == p) {
                int n = p.read(buf, 0, buf.length);
                if (n < 0) {
                    break;
                }
                flipBits(buf, n, inboundRandom);
                d.feed(buf, 0, n);
            }
        } catch (IOException e) {
            if (pty == p) {
                log.warn("simulated board stopped reading: {}", e.toString());
            }
        }
    }

    /** Frames and writes one content, subject to the injected drop and bad-FCS rates. */
    void send(byte[] content, int len) {
        PseudoTerminal p = pty;
        if (p == null) {
            return;
        }
        if (dropRate > 0 && random.nextDouble() < dropRate) {
            injectedDrops.incrementAndGet();
            return;
        }
        int n = HdlcEncoder.encode(content, 0, len, encoded, 0);
        if (badFcsRate > 0 && random.nextDouble() < badFcsRate) {
            corrupt(n);
            injectedBadFcs.incrementAndGet();
        }
        flipBits(encoded, n, random);
        try {
            int written = p.write(encoded, 0, n, WRITE_TIMEOUT_MILLIS);
            if (written < n) {
                txOverruns.incrementAndGet();
            } else {
                framesSent.incrementAndGet();
            }
        } catch (IOException e) {
            txOverruns.incrementAndGet();
            log.debug("simulated board could not write: {}", e.getMessage());
        }
    }

    /**
     * Line noise: every bit of {@code b[0..n)} is flipped with probability {@link #bitErrorRate}.
     * Unlike {@link #corrupt} it may hit flags and escapes, so frames merge, split or vanish, as on
     * a real noisy UART. The gap to the next error is drawn geometrically (no per-bit draw).
     */
    private void flipBits(byte[] b, int n, SplittableRandom r) {
        double p = bitErrorRate;
        if (p <= 0) {
            return;
        }
        long bits = 8L * n;
        long at = (long) (Math.log(1 - r.nextDouble()) / Math.log(1 - p));
        while (at < bits) {
            b[(int) (at >>> 3)] ^= (byte) (1 << (at & 7));
            injectedBitErrors.incrementAndGet();
            at += 1 + (long) (Math.log(1 - r.nextDouble()) / Math.log(1 - p));
        }
    }

    /**
     * Flips the top bit of one unescaped byte in the middle of the frame: a single-bit error the
     * FCS always catches, chosen so that it cannot create or remove a flag or escape byte.
     */
    private void corrupt(int n) {
        for (int i = n / 2; i < n - 1; i++) {
            int b = encoded[i] & 0xFF;
            boolean escaped = (encoded[i - 1] & 0xFF) == 0x7D;
            if (!escaped && b != 0x7D && b != 0x7E && b != 0xFD && b != 0xFE) {
                encoded[i] ^= (byte) 0x80;
                return;
            }
        }
    }
}
