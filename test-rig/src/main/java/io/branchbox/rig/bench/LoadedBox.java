package io.branchbox.rig.bench;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.branchbox.box.BoxLauncher;
import io.branchbox.drivers.cb1.link.JSerialCommLink;
import io.branchbox.drivers.gpio.PinMap;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.runtime.BoxRuntime;
import io.branchbox.firmware.runtime.BoxSnapshot;
import io.branchbox.rig.panel.PanelRig;
import io.branchbox.rig.panel.SeatButton;
import io.branchbox.rig.panel.SimulatedSeatPanel;
import io.branchbox.rig.sim.SimulatedSite;
import io.branchbox.time.ExecutorScheduler;
import io.branchbox.time.ThreadNames;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's side of {@link BoxProcessBench}: the box alone in its own JVM (started with the shipped
 * JVM options), on the board that the bench's process simulates behind a pseudo-terminal. Besides
 * the box it holds only what sits on the box's side of real wires: the seat panels' MCP23017
 * expanders on Pi4J's mock I2C with eight agents' fingers (READY, then ANSWER when the CALL lamp
 * lights), and a {@link BoxPortProbe} on the serial port (fixed-size histograms, DTMF detectors on
 * every channel).
 *
 * <p>It talks to the bench through files in {@code control}: {@code port} (the web admin's port,
 * once started), {@code measuring} (the JVM uptime in ms when the measured window starts, after 8
 * calls are connected and 10 s of warm-up), {@code measured} (figures recorded), {@code recorded}
 * (every recording finished after the bench hung up). Figures go through {@link BenchFigures}.
 *
 * <p>Run by the bench only: {@code LoadedBox DEVICE DATA CONTROL SECONDS DTMF(true|false) [CALLS=30]}, CALLS
 * being the calls answered in all (each recorded: the bench waits for that many recordings).
 */
public final class LoadedBox {
    private static final Logger log = LoggerFactory.getLogger(LoadedBox.class);
    static final int SEATS = 8;
    static final int CALLS = 30;
    private static final int WARMUP_S = 10;
    /** The control file with the burst's {@link SignalStamp}s on the box's side, written before {@code measuring}. */
    static final String SIGNAL_STAMPS = "signal-stamps";
    /**
     * The control file with the CPU (% of a core over the window) that the bench's port probe used
     * on the box's link threads for its own measuring, DTMF detection excluded; written before {@code measured}.
     */
    static final String PROBE_CPU = "probe-cpu";

    private LoadedBox() {}

    public static void main(String[] args) throws Exception {
        Path device = Path.of(args[0]);
        Path data = Path.of(args[1]);
        Path control = Path.of(args[2]);
        int seconds = Integer.parseInt(args[3]);
        boolean dtmf = Boolean.parseBoolean(args[4]);
        int calls = args.length > 5 ? Integer.parseInt(args[5]) : CALLS;
        BoxConfig config = BenchSite.config(SimulatedSite.config(device, null, 0, 60), SEATS, 1, 10, true, true);
        BoxBenchPanels panels = new BoxBenchPanels();
        BoxPortProbe probe = new BoxPortProbe(dtmf);
        BoxRuntime.Hardware hw = new BoxRuntime.Hardware(() -> probe.wrap(new JSerialCommLink(device,
                config.board().baud(), config.board().rtsCts())), panels.rig.context());
        AtomicInteger recorded = new AtomicInteger();
        try (BoxLauncher.Running box = BoxLauncher.start(config, data, hw)) {
            panels.boardSeated();
            box.runtime().journal().addListener((JournalEvent e) -> {
                if (CallEventCodec.decode(e) instanceof CallEvents.RecordingFinished) {
                    recorded.incrementAndGet();
                }
            });
            write(control, "port", Integer.toString(box.web().port()));
            // the panels are scanned once the signalling thread has set the expanders up: the agents
            // press READY when the first caller is in, as the full-load bench does after layer 2
            OfferToRingBench.waitFor("the first call", Duration.ofMinutes(3),
                    () -> !box.runtime().snapshot().calls().isEmpty());
            panels.agentsAnswer(box.runtime()::snapshot);
            OfferToRingBench.waitFor("8 calls connected to seats", Duration.ofMinutes(2),
                    () -> connected(box.runtime().snapshot()) == SEATS);
            Thread.sleep(TimeUnit.SECONDS.toMillis(WARMUP_S));
            BoxSnapshot before = box.runtime().snapshot();
            // the burst is long over: its stamps at the port and at the signalling thread, for the bench
            Path stamps = control.resolve(SIGNAL_STAMPS + ".tmp");
            probe.signals().write(box.runtime().capture(0), stamps);
            Files.move(stamps, control.resolve(SIGNAL_STAMPS), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            probe.startMeasuring();
            long windowStart = System.nanoTime();
            write(control, "measuring", Long.toString(ManagementFactory.getRuntimeMXBean().getUptime()));
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            probe.stopMeasuring();
            double probePercent = 100.0 * probe.instrumentNanos() / (System.nanoTime() - windowStart);
            BoxSnapshot after = box.runtime().snapshot();
            Percentiles.Summary turnaround = probe.turnaround().summary();
            Percentiles.Summary transit = probe.transit().summary();
            log.info("turnaround at the box's port (frame in → answer out, same channel, all channels): {}", turnaround);
            log.info("bridged transit at the box's port: {}", transit);
            log.info("DTMF detectors: {} frames analysed, {} digits heard (the audio holds none), on {}",
                    probe.detectedFrames(), probe.digits(), dtmf ? "every channel" : "no channel (off)");
            log.info("in the window: {} calls, {} connected; recorder frames lost {} (before {}); {} sent unmatched",
                    after.calls().size(), connected(after), after.recording().framesLost(),
                    before.recording().framesLost(), probe.unmatched());
            BenchFigures.latency("box.turnaround", turnaround);
            BenchFigures.latency("box.transit", transit);
            BenchFigures.record("box.recorder.lost", after.recording().framesLost() - before.recording().framesLost(),
                    "frames", BenchFigures.Better.LOWER);
            BenchFigures.record("box.dtmf.talkoff", probe.digits(), "digits", BenchFigures.Better.LOWER);
            log.info("the bench's port probe (its own deframing both ways and stamps, DTMF excluded): {} % of a core",
                    String.format(java.util.Locale.ROOT, "%.2f", probePercent));
            write(control, PROBE_CPU, Double.toString(probePercent));
            write(control, "measured", "1");
            OfferToRingBench.waitFor(calls + " recordings finished", Duration.ofMinutes(2), () -> recorded.get() >= calls);
            log.info("{} recordings finished", recorded.get());
            write(control, "recorded", Integer.toString(recorded.get()));
        } finally {
            panels.close();
        }
    }

    private static int connected(BoxSnapshot s) {
        return (int) s.calls().stream().filter(c -> "CONNECTED".equals(c.state())).count();
    }

    private static void write(Path control, String name, String value) throws java.io.IOException {
        Path tmp = control.resolve(name + ".tmp");
        Files.writeString(tmp, value, StandardCharsets.UTF_8);
        Files.move(tmp, control.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The seat panels and the agents' fingers: the part of {@link SimulatedSite} on the box's side of the wires. */
    private static final class BoxBenchPanels implements AutoCloseable {
        final PanelRig rig = PanelRig.create(PinMap.defaults());
        final ExecutorScheduler fingers = new ExecutorScheduler(ThreadNames.RIG, Clock.systemUTC());
        final SimulatedSeatPanel seats = rig.panel(fingers);

        /** The board-present input reads "seated" (the board is plugged in, in the other process). */
        void boardSeated() {
            rig.context().registry().all().values().forEach(io -> {
                if (io instanceof MockDigitalInput in && "board-present".equals(in.id())) {
                    in.mockState(DigitalState.LOW);
                }
            });
        }

        /**
         * Every agent presses READY until the box has them ready, and ANSWER while a call is offered
         * to them (their state in the box's snapshot). A press on a starved box can be missed (80 ms,
         * as a finger): each agent presses at most once every 2 s.
         */
        void agentsAnswer(java.util.function.Supplier<BoxSnapshot> snapshot) {
            long[] lastPress = new long[SEATS + 1];
            fingers.scheduleAtFixedRate(Duration.ofMillis(50), Duration.ofMillis(250), () -> {
                long now = System.nanoTime();
                for (BoxSnapshot.AgentInfo a : snapshot.get().agents()) {
                    int seat = a.seat();
                    if (seat < 1 || seat > SEATS || lastPress[seat] != 0 && now - lastPress[seat] < 2_000_000_000L) {
                        continue;
                    }
                    if ("OFFERED".equals(a.state())) {
                        lastPress[seat] = now;
                        press(seat, SeatButton.ANSWER);
                    } else if ("LOGGED_OUT".equals(a.state()) || "NOT_READY".equals(a.state())) {
                        lastPress[seat] = now;
                        press(seat, SeatButton.READY);
                    }
                }
            });
        }

        private void press(int seat, SeatButton button) {
            seats.press(seat, button);
            fingers.schedule(Duration.ofMillis(80), () -> seats.release(seat, button));
        }

        @Override
        public void close() {
            fingers.close();
            rig.close();
        }
    }
}
