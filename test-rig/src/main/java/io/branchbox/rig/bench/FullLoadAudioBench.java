package io.branchbox.rig.bench;

import io.branchbox.drivers.cb1.msg.SpanConfig;
import io.branchbox.box.BoxLauncher;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.runtime.BoxRuntime;
import io.branchbox.firmware.runtime.BoxSnapshot;
import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.rig.carrier.OfferedCall;
import io.branchbox.rig.panel.SeatButton;
import io.branchbox.rig.sim.SimulatedSite;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box at full audio load on simulated hardware: 30 inbound calls on the 30 B-channels of E1
 * span 0, every one recorded from its answer ({@code recording.recordIvr=true}); the 8 agents at
 * seats 1..8 (the panels' 8 seats; the board has up to 16 headset ports, but only 8 seats have
 * panels) answer 8 of them, which are bridged to their headsets, and the other 22 wait in queue
 * hearing hold music. So 38 channels carry audio both ways every 20 ms (30 trunk + 8 headset), 8
 * bridges, 30 recordings. Nobody hangs up during the measured window.
 *
 * <p>Measured for {@code seconds} (after a 10 s warm-up once all 30 are in and 8 connected):
 * <ul>
 *   <li>per-frame latency at the box's serial port ({@link AudioTap}): turnaround (frame in →
 *       the box's answer on the same channel out, all 38 channels) and bridged transit (caller
 *       frame in → same samples out on the headset, and back);</li>
 *   <li>end to end at the board simulator ({@link StampedTalker}): frame made on one bridged side
 *       → heard at the board's playout on the other, including the board's jitter buffer;</li>
 *   <li>CPU share of the box's threads and of the process, and the process RSS, every second
 *       ({@link BoxCpuSampler}); box and simulator share this JVM, so RSS includes both;</li>
 *   <li>losses: board playout underruns, frames the board sent that the box did not answer, and
 *       the recorder's lost frames; GC collections and time during the window.</li>
 * </ul>
 *
 * <p>Run: {@code ./box bench-main io.branchbox.rig.bench.FullLoadAudioBench [seconds=600]}
 * (JVM options, e.g. the GC, through {@code JAVA_OPTS}); results go to the log.
 */
public final class FullLoadAudioBench {
    private static final Logger log = LoggerFactory.getLogger(FullLoadAudioBench.class);
    private static final int SEATS = 8;
    private static final int CALLS = 30;
    private static final int WARMUP_S = 10;

    private FullLoadAudioBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        Path dir = Files.createTempDirectory("audio-bench-");
        log.info("full-load audio: {} s, {} calls, {} seats, {} core(s), java {}, JVM options {}, heap max {} MB, GC {}",
                seconds, CALLS, SEATS, Runtime.getRuntime().availableProcessors(), Runtime.version(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
        int max = 38 * 50 * (seconds + 30);
        AudioTap tap = new AudioTap(max);
        try (SimulatedSite site = SimulatedSite.start(dir)) {
            BoxConfig config = BenchSite.config(site, SEATS, 1, 10, true, true);
            List<StampedTalker> talkers = StampedTalker.onTrunkAndHeadsets(site.board(), SEATS, 50 * (seconds + 30));
            BoxRuntime.Hardware hw = site.hardware(config);
            BoxRuntime.Hardware tapped = new BoxRuntime.Hardware(() -> tap.wrap(hw.boardLink().get()), hw.gpio());
            AtomicInteger recorded = new AtomicInteger();
            try (BoxLauncher.Running box = BoxLauncher.start(config, dir, tapped)) {
                site.wireBoardLines();
                OfferToRingBench.waitFor("layer 2 up", Duration.ofSeconds(30), site.carrier()::layer2Up);
                box.runtime().journal().addListener((JournalEvent e) -> {
                    if (CallEventCodec.decode(e) instanceof CallEvents.RecordingFinished) {
                        recorded.incrementAndGet();
                    }
                });
                for (int seat = 1; seat <= SEATS; seat++) {
                    site.press(seat, SeatButton.READY);
                }
                boolean[] answered = new boolean[SEATS + 1];
                site.rig().scheduleAtFixedRate(Duration.ofMillis(100), Duration.ofMillis(100), () -> {
                    for (int seat = 1; seat <= SEATS; seat++) {
                        if (!answered[seat] && site.callLamp(seat)) {
                            answered[seat] = true;
                            site.press(seat, SeatButton.ANSWER);
                        }
                    }
                });
                List<OfferedCall> calls = new ArrayList<>();
                for (int ts = 1; ts < 32; ts++) {
                    if (ts != SpanConfig.D_CHANNEL_TIMESLOT) {
                        calls.add(site.carrier().offerCall("1380013" + String.format(Locale.ROOT, "%04d", ts), "95598", ts)
                                .get(20, TimeUnit.SECONDS));
                    }
                }
                OfferToRingBench.waitFor("8 calls connected to seats", Duration.ofSeconds(60),
                        () -> connected(box.runtime().snapshot()) == SEATS);
                Thread.sleep(TimeUnit.SECONDS.toMillis(WARMUP_S));
                BoxSnapshot before = box.runtime().snapshot();
                long underrunsBefore = site.board().underruns();
                long gcCountBefore = gcCount();
                long gcTimeBefore = gcTime();
                long[] boardSentBefore = boardSent(site);
                long[] hostSentBefore = hostSent(site);
                BoxCpuSampler cpu = new BoxCpuSampler();
                cpu.start();
                tap.startMeasuring();
                talkers.forEach(t -> t.measuring(true));
                for (int s = 1; s <= seconds; s++) {
                    Thread.sleep(1000);
                    cpu.sample();
                    if (s % 60 == 0) {
                        log.info("{} s: box threads {} % of a core, RSS {} MB", s,
                                Math.round(100 * cpu.boxShare.get(s - 1)), cpu.rssKb.get(s - 1) / 1024);
                    }
                }
                tap.stopMeasuring();
                talkers.forEach(t -> t.measuring(false));
                BoxSnapshot after = box.runtime().snapshot();
                long underruns = site.board().underruns() - underrunsBefore;
                long gcCount = gcCount() - gcCountBefore;
                long gcTime = gcTime() - gcTimeBefore;
                long[] boardSent = boardSent(site);
                long[] hostSent = hostSent(site);
                long unanswered = 0;
                for (int i = 0; i < boardSent.length; i++) {
                    unanswered += Math.max(0, (boardSent[i] - boardSentBefore[i]) - (hostSent[i] - hostSentBefore[i]));
                }
                long boardFrames = 0;
                for (int i = 0; i < boardSent.length; i++) {
                    boardFrames += boardSent[i] - boardSentBefore[i];
                }
                calls.forEach(c -> site.carrier().hangup(c));
                OfferToRingBench.waitFor("30 recordings finished", Duration.ofSeconds(60), () -> recorded.get() >= CALLS);
                long[] e2e = talkers.stream().flatMapToLong(t -> java.util.Arrays.stream(t.heard())).toArray();
                log.info("loaded: {} calls in, {} connected to seats, {} waiting in queue (snapshot at the end of the window)",
                        after.calls().size(), connected(after), after.queues().stream().mapToInt(BoxSnapshot.QueueInfo::waiting).sum());
                Percentiles.Summary turnaround = Percentiles.summarize(tap.turnaround(), tap.turnaround().length);
                Percentiles.Summary transit = Percentiles.summarize(tap.transit(), tap.transit().length);
                log.info("turnaround at the box's port (frame in → answer out, same channel, all channels): {}", turnaround);
                log.info("bridged transit at the box's port (frame in → same samples out on the peer): {}", transit);
                BenchFigures.latency("audio.turnaround", turnaround);
                BenchFigures.latency("audio.transit", transit);
                BenchFigures.record("audio.boxThreadsCpu.avg", 100 * avg(cpu.boxShare), "% of a core", BenchFigures.Better.LOWER);
                BenchFigures.record("audio.rss.max", maxL(cpu.rssKb) / 1024.0, "MB (box + simulator)", BenchFigures.Better.LOWER);
                BenchFigures.record("audio.unanswered", unanswered, "frames", BenchFigures.Better.LOWER);
                BenchFigures.record("audio.gc.time", gcTime, "ms of pauses in window", BenchFigures.Better.LOWER);
                log.info("end to end at the board (made on one side → played on the other, incl. jitter buffer): {}",
                        Percentiles.summarize(e2e, e2e.length));
                log.info(String.format(Locale.ROOT, "box threads CPU: average %.1f %%, max %.1f %% of one core; "
                        + "whole process (box + simulator + GC + JIT): average %.1f %%, max %.1f %%; RSS average %d MB, max %d MB",
                        100 * avg(cpu.boxShare), 100 * max(cpu.boxShare), 100 * avg(cpu.processShare), 100 * max(cpu.processShare),
                        (long) avgL(cpu.rssKb) / 1024, maxL(cpu.rssKb) / 1024));
                log.info("losses: {} board frames sent in the window, {} not answered by the box; {} playout underruns at the"
                        + " board; {} frames sent unmatched at the tap; recorder frames lost {} (before the window {});"
                        + " {} recordings finished", boardFrames, unanswered, underruns, tap.unmatched(),
                        after.recording().framesLost(), before.recording().framesLost(), recorded.get());
                log.info("GC in the window: {} collections, {} ms total; box link counters {}", gcCount, gcTime,
                        after.board().counters());
                StringBuilder perThread = new StringBuilder();
                for (Map.Entry<String, Long> e : cpu.cpuByThreadNanos().entrySet()) {
                    if (e.getValue() > 100_000_000L) {
                        perThread.append(String.format(Locale.ROOT, "%n  %-40s %8.1f s %s", e.getKey(), e.getValue() / 1e9,
                                BoxCpuSampler.isBoxThread(e.getKey()) ? "box" : "simulator/bench"));
                    }
                }
                log.info("CPU by thread over the window (over 0.1 s):{}", perThread);
            }
        }
    }

    private static int connected(BoxSnapshot s) {
        return (int) s.calls().stream().filter(c -> "CONNECTED".equals(c.state())).count();
    }

    private static long[] boardSent(SimulatedSite site) {
        return channels(site, true);
    }

    private static long[] hostSent(SimulatedSite site) {
        return channels(site, false);
    }

    private static long[] channels(SimulatedSite site, boolean board) {
        long[] v = new long[CALLS + SEATS];
        int i = 0;
        for (int ts = 1; ts < 32; ts++) {
            if (ts != SpanConfig.D_CHANNEL_TIMESLOT) {
                v[i++] = board ? site.board().boardAudioFrames(Units.span(0), ts) : site.board().hostAudioFrames(Units.span(0), ts);
            }
        }
        for (int h = 0; h < SEATS; h++) {
            v[i++] = board ? site.board().boardAudioFrames(Units.headset(h), 0) : site.board().hostAudioFrames(Units.headset(h), 0);
        }
        return v;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcTime() {
        // pauses only: Shenandoah's (and ZGC's) "... Cycles" bean times whole concurrent cycles, which
        // run beside the application; summed with the pauses they read as 586 s of GC in a 600 s window
        return ManagementFactory.getGarbageCollectorMXBeans().stream().filter(b -> !b.getName().endsWith("Cycles"))
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static double avg(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static double avgL(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    private static long maxL(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
