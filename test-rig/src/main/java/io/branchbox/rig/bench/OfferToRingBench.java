package io.branchbox.rig.bench;

import io.branchbox.box.BoxLauncher;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.runtime.BoxSnapshot;
import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.rig.panel.SeatButton;
import io.branchbox.rig.sim.SimulatedCarrier;
import io.branchbox.rig.sim.SimulatedSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offered call → seat ringing under load: the whole box on simulated hardware (two E1 spans with
 * the carrier's exchange behind the CB-1 simulator and a real pseudo-terminal, the seat panels'
 * MCP23017 simulation on Pi4J's mock I2C), 8 agents on seats 1..8 and at least 30 callers
 * waiting in queue all the time (each call that ends is replaced at once).
 *
 * <p>Agents: answer 100 ms after their CALL lamp lights, talk {@code talkMs}, hang up with the
 * same button; the queue's wrap-up is {@code wrapUpS} (0 by default: the agent is ready again
 * the moment they hang up). No survey, so the box clears the trunk at the agent's hang-up.
 *
 * <p>Measured, per offer, both ending when the seat's CALL LED bit is first set in what the box
 * writes to the simulated MCP23017 (seen by {@link LampWatch}'s poller, so up to one poll gap
 * late):
 * <ul>
 *   <li><b>A</b>: from the {@code call.offered} journal event's timestamp (the box's clock at
 *       the ACD decision) to the lamp bit;</li>
 *   <li><b>B</b>: from the agent's hang-up press on the panel (the pin pulled low at the
 *       simulator, an externally observable start) to the lamp bit of the next call offered to
 *       that seat; with wrap-up 0 this is the whole box path: button interrupt, I2C read, call
 *       clearing, ACD dispatch, lamp write. Only counted when the next offer followed directly.</li>
 * </ul>
 *
 * <p>Run: {@code ./box bench-main io.branchbox.rig.bench.OfferToRingBench [samples=2000]
 * [talkMs=500] [wrapUpS=0] [callsPresent=46]}; results go to the log.
 */
public final class OfferToRingBench {
    private static final Logger log = LoggerFactory.getLogger(OfferToRingBench.class);
    private static final int AGENTS = 8;
    private static final int SPANS = 2;
    private static final int WARMUP = 100;

    private OfferToRingBench() {}

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int talkMs = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int wrapUpS = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int present = args.length > 3 ? Integer.parseInt(args[3]) : 46;
        Path dir = Files.createTempDirectory("offer-bench-");
        log.info("offer→ring: {} samples after {} warm-up, {} agents, talk {} ms, wrap-up {} s, {} calls kept in the box,"
                + " {} core(s), java {}", samples, WARMUP, AGENTS, talkMs, wrapUpS, present,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        try (SimulatedSite site = SimulatedSite.start(dir);
                SimulatedCarrier span1 = new SimulatedCarrier(site.board(), 1)) {
            BenchSite.shortGreeting(dir, 300);
            BoxConfig config = BenchSite.config(site, AGENTS, SPANS, wrapUpS, false, false);
            OfferLog offers = new OfferLog();
            try (BoxLauncher.Running box = BoxLauncher.start(config, dir, site.hardware(config))) {
                site.wireBoardLines();
                waitFor("layer 2 up on both spans", Duration.ofSeconds(30),
                        () -> site.carrier().layer2Up() && span1.layer2Up());
                box.runtime().journal().addListener(offers::onEvent);
                SeatAgents agents = new SeatAgents(site, AGENTS, talkMs);
                try (LampWatch lamps = new LampWatch(site.expanders(), 4, 200, agents::callLampRose)) {
                    lamps.start();
                    agents.start();
                    TrunkCallers callers = new TrunkCallers(List.of(site.carrier(), span1), present);
                    callers.start();
                    List<Integer> waiting = new ArrayList<>();
                    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
                    while (offers.offered() < samples + WARMUP && System.nanoTime() < deadline) {
                        Thread.sleep(1000);
                        waiting.add(waitingNow(box.runtime().snapshot()));
                        if (waiting.size() % 30 == 0) {
                            log.info("{} offers so far, {} waiting now, {} calls placed, {} failed", offers.offered(),
                                    waiting.get(waiting.size() - 1), callers.placed(), callers.failed());
                        }
                    }
                    callers.stop();
                    report(offers, agents, lamps.pollGaps(), waiting, box.runtime().snapshot());
                }
            }
        }
    }

    private static int waitingNow(BoxSnapshot s) {
        return s.queues().stream().mapToInt(BoxSnapshot.QueueInfo::waiting).sum();
    }

    private static void report(OfferLog offers, SeatAgents agents, long[] gaps, List<Integer> waiting, BoxSnapshot last) {
        List<long[]> offerList = offers.snapshot();
        List<long[]> rises = agents.rises();
        List<long[]> hangups = agents.hangups();
        long[] a = new long[offerList.size()];
        int na = 0;
        for (int i = WARMUP; i < offerList.size(); i++) {
            long[] o = offerList.get(i);
            long[] r = firstAfter(rises, (int) o[0], o[1]);
            long[] next = firstAfter(offerList, (int) o[0], o[1] + 1);
            if (r != null && (next == null || r[1] <= next[1])) {
                a[na++] = (r[1] - o[1]) * 1000;
            }
        }
        long[] b = new long[hangups.size()];
        int nb = 0;
        long firstMeasured = offerList.size() > WARMUP ? offerList.get(WARMUP)[1] : Long.MAX_VALUE;
        for (long[] h : hangups) {
            if (h[1] < firstMeasured) {
                continue;
            }
            long[] r = firstAfter(rises, (int) h[0], h[1]);
            long[] o = firstAfter(offerList, (int) h[0], h[1]);
            if (r != null && o != null && o[1] <= r[1]) {
                b[nb++] = (r[1] - h[1]) * 1000;
            }
        }
        int min = waiting.stream().mapToInt(Integer::intValue).min().orElse(0);
        double avg = waiting.stream().mapToInt(Integer::intValue).average().orElse(0);
        Percentiles.Summary gap = Percentiles.summarize(gaps, gaps.length);
        log.info("A  call.offered timestamp → CALL LED bit at the MCP23017: {}", Percentiles.summarize(a, na));
        log.info("B  hang-up press at the panel → CALL LED bit of the next offer: {}", Percentiles.summarize(b, nb));
        log.info(String.format(Locale.ROOT, "calls waiting in queue (snapshot every 1 s): min %d, average %.1f; "
                + "offers %d, missed offers %d, agents that lost track and were put right by the robot %d", min, avg, offerList.size(),
                offers.missed(), agents.rearmed()));
        log.info(String.format(Locale.ROOT, "A over 50 ms (lamp lit at the next 250 ms blink tick): %.1f %%; "
                + "B over 50 ms: %.1f %%", 100.0 * over(a, na, 50_000_000), 100.0 * over(b, nb, 50_000_000)));
        log.info("lamp poll gap (edge-stamp resolution): {}", gap);
        log.info("agents at the end: {}", last.agents());
    }

    private static double over(long[] nanos, int n, long limit) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            c += nanos[i] > limit ? 1 : 0;
        }
        return n == 0 ? 0 : c / (double) n;
    }

    /** The first entry {seat, micros} for {@code seat} at or after {@code micros}, or null. */
    private static long[] firstAfter(List<long[]> list, int seat, long micros) {
        long[] best = null;
        for (long[] e : list) {
            if (e[0] == seat && e[1] >= micros && (best == null || e[1] < best[1])) {
                best = e;
            }
        }
        return best;
    }

    /** The journal's offers, as {seat, epoch µs of the event}; fed on the journal writer thread. */
    static final class OfferLog {
        private final List<long[]> offers = new ArrayList<>();
        private final AtomicInteger missed = new AtomicInteger();

        void onEvent(JournalEvent e) {
            switch (CallEventCodec.decode(e)) {
                case CallEvents.Offered offer when offer.seat() != null -> {
                    long[] o = {offer.seat(), LampWatch.epochMicros(e.at())};
                    synchronized (offers) {
                        offers.add(o);
                    }
                }
                case CallEvents.OfferMissed m -> missed.incrementAndGet();
                default -> { }
            }
        }

        int offered() {
            synchronized (offers) {
                return offers.size();
            }
        }

        int missed() {
            return missed.get();
        }

        List<long[]> snapshot() {
            synchronized (offers) {
                return new ArrayList<>(offers);
            }
        }
    }

    static void waitFor(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    static long nowMicros() {
        return LampWatch.epochMicros(Instant.now());
    }
}
