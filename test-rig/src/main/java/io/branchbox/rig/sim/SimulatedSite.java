package io.branchbox.rig.sim;

import io.branchbox.time.ThreadNames;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.branchbox.drivers.cb1.link.JSerialCommLink;
import io.branchbox.drivers.gpio.PinMap;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.runtime.BoxRuntime;
import io.branchbox.rig.board.BoardSimulator;
import io.branchbox.rig.exchange.ExchangeOnBoard;
import io.branchbox.rig.exchange.ExchangeSimulator;
import io.branchbox.rig.panel.Mcp23017Simulator;
import io.branchbox.rig.panel.PanelRig;
import io.branchbox.rig.panel.SeatButton;
import io.branchbox.rig.panel.SimulatedSeatPanel;
import io.branchbox.rig.pty.PseudoTerminal;
import io.branchbox.time.ExecutorScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything around a box on the bench, simulated through the same paths as real hardware: the
 * CB-1 board simulator behind a real pseudo-terminal (the box opens it with jSerialComm), the
 * carrier's exchange on span 0, the local exchange's analog lines on FXO ports 0 and 1, and the
 * seat panels' MCP23017 expanders on Pi4J's mock platform.
 *
 * <p>Used by the demo and the end-to-end tests. Threading: methods are safe from any thread.
 */
public final class SimulatedSite implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimulatedSite.class);

    private final Path devicePath;
    private volatile PseudoTerminal pty;
    private final BoardSimulator board;
    private final SimulatedCarrier carrier;
    private final ExchangeSimulator exchange;
    private final PanelRig panels;
    private final ExecutorScheduler rig;
    private final SimulatedSeatPanel seats;
    private final java.util.concurrent.atomic.AtomicInteger resetPulses = new java.util.concurrent.atomic.AtomicInteger();

    private SimulatedSite(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        devicePath = dataDir.resolve("board-tty");
        pty = PseudoTerminal.open(devicePath);
        board = new BoardSimulator(BoardSimulator.Inventory.full("CB1-SIM-0001"));
        board.attach(pty);
        carrier = new SimulatedCarrier(board, 0);
        exchange = ExchangeOnBoard.attach(board, 2); // analog lines on FXO ports 0 and 1
        panels = PanelRig.create(PinMap.defaults());
        rig = new ExecutorScheduler(ThreadNames.RIG, Clock.systemUTC());
        seats = panels.panel(rig);
    }

    /** Starts the simulated board, carrier and panels; the board's device is {@code dataDir/board-tty}. */
    public static SimulatedSite start(Path dataDir) throws IOException {
        return new SimulatedSite(dataDir);
    }

    /** The hardware a box uses to reach this site: jSerialComm on the pseudo-terminal, the panels' Pi4J context. */
    public BoxRuntime.Hardware hardware(BoxConfig config) {
        return new BoxRuntime.Hardware(() -> new JSerialCommLink(devicePath, config.board().baud(),
                config.board().rtsCts()), panels.context());
    }

    /**
     * Wires the box's GPIO lines to the simulator once the box has created them: the board-present
     * input reads "seated", and a pulse on the BOARD_RESET output resets the simulated board.
     */
    public void wireBoardLines() {
        panels.context().registry().all().values().forEach(io -> {
            if (io instanceof MockDigitalInput in && "board-present".equals(in.id())) {
                in.mockState(DigitalState.LOW);
            }
            if (io instanceof DigitalOutput out && "board-reset".equals(out.id())) {
                out.addListener(e -> {
                    if (e.state() == DigitalState.LOW) {
                        resetPulses.incrementAndGet();
                        log.info("BOARD_RESET asserted by the box: resetting the simulated board");
                        board.reset();
                    }
                });
            }
        });
    }

    /**
     * The factory document adjusted for this site: the board at the pseudo-terminal, the uplink to
     * {@code mqttUri} (MQTT 3.1.1, which the embedded broker speaks), the web admin on {@code webPort}.
     */
    public BoxConfig config(String mqttUri, int webPort, int healthIntervalS) {
        return config(devicePath, mqttUri, webPort, healthIntervalS);
    }

    /**
     * As {@link #config(String, int, int)} for a board at {@code devicePath}: for a box started in
     * another process than the site's simulators (the memory benchmark).
     */
    public static BoxConfig config(Path devicePath, String mqttUri, int webPort, int healthIntervalS) {
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig.Ivr ivr = d.ivr();
        // Simulated callers press no keys: straight from the greeting to the dialled number's queue.
        BoxConfig.Ivr noMenu = new BoxConfig.Ivr(ivr.greetingPrompt(), ivr.defaultQueue(), ivr.numberToQueue(),
                ivr.surveyPrompt(), "", ivr.menus(), ivr.priorityCallers(), ivr.promptSet());
        return d.withSite(new BoxConfig.Site("demo-site", "demo-box", "Demo branch", d.site().timezone()))
                .withBoard(new BoxConfig.Board(devicePath.toString(), d.board().baud(), false))
                .withIvr(noMenu)
                .withUplink(new BoxConfig.Uplink(mqttUri != null, BoxConfig.MqttProtocol.MQTT_3_1_1,
                        mqttUri == null ? d.uplink().serverUri() : mqttUri, "", "", "branchbox", healthIntervalS, 900,
                        "", "", "", ""))
                .withWeb(new BoxConfig.Web("127.0.0.1", webPort))
                .withFxo(List.of(new BoxConfig.FxoPort(0, true, 2, BoxConfig.CallerId.FSK_BELL_202),
                        new BoxConfig.FxoPort(1, true, 2, BoxConfig.CallerId.DTMF)));
    }

    /** Presses and releases a seat-panel button the way a finger does (held 80 ms). */
    public void press(int seat, SeatButton button) {
        seats.press(seat, button);
        rig.schedule(Duration.ofMillis(80), () -> seats.release(seat, button));
    }

    /**
     * The seat panels' MCP23017 simulators (seats 1-4 on the first, 5-8 on the second), for
     * benchmarks that watch what the box writes to the LEDs at the register level.
     */
    public List<Mcp23017Simulator> expanders() {
        return panels.expanders();
    }

    public boolean readyLamp(int seat) {
        return seats.readyLed(seat);
    }

    public boolean callLamp(int seat) {
        return seats.callLed(seat);
    }

    /** Pulls the board's USB cable: the device node disappears, as on re-enumeration. */
    public void unplug() {
        board.detach();
        pty.close();
    }

    /** Plugs the board back in: a new pseudo-terminal behind the same device path; the board powers up. */
    public void replug() throws IOException {
        pty = PseudoTerminal.open(devicePath);
        board.attach(pty);
    }

    /** BOARD_RESET pulses the box drove on its GPIO line since {@link #wireBoardLines}. */
    public int resetPulses() {
        return resetPulses.get();
    }

    public BoardSimulator board() {
        return board;
    }

    public SimulatedCarrier carrier() {
        return carrier;
    }

    /** The local exchange behind FXO ports 0 and 1. */
    public ExchangeSimulator exchange() {
        return exchange;
    }

    /** The site's own scheduler, for simulated people. */
    public ExecutorScheduler rig() {
        return rig;
    }

    @Override
    public void close() {
        rig.close();
        carrier.close();
        board.close();
        pty.close();
        panels.close();
    }
}
