package io.branchbox.rig.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.box.BoxLauncher;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.runtime.BoxSnapshot;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.firmware.store.CallRecordRepository;
import io.branchbox.rig.exchange.Script;
import io.branchbox.rig.panel.SeatButton;
import io.branchbox.rig.sim.SimulatedSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analog call through the whole box: the local exchange rings FXO port 0 with China's 25 Hz
 * cadence and sends FSK caller ID between the first and second ring, the box answers after two
 * rings, the caller reaches an agent, and when the far end hangs up the exchange plays busy tone,
 * which the box detects and clears the call on. The caller's number reaches the call record.
 */
class AnalogCallEndToEndTest {

    @TempDir
    Path data;

    @Test
    void ringingLineWithFskCallerIdIsAnsweredBridgedAndClearedOnBusyTone() throws Exception {
        try (SimulatedSite site = SimulatedSite.start(data)) {
            BoxConfig config = site.config(null, 0, 60);
            try (BoxLauncher.Running box = BoxLauncher.start(config, data, site.hardware(config))) {
                site.wireBoardLines();
                waitFor("board online", Duration.ofSeconds(15), () -> "ONLINE".equals(box.runtime().snapshot().board().state()));
                site.press(1, SeatButton.READY);
                waitFor("seat 1 ready", Duration.ofSeconds(5), () -> site.readyLamp(1));

                // the technician's line diagnostics: what the line hears, and what the box made of it
                Path capture = box.runtime().captureLine(0, Duration.ofSeconds(8));

                site.exchange().call(0, Script.IncomingCall.of("13800138000", Script.CallerIdMethod.FSK_BELL_202,
                        new Script.Talk(12_000), new Script.HangUp(Script.Disconnect.BUSY_TONE)).withCadence(1000, 3000));

                waitFor("the analog call in the box", Duration.ofSeconds(15), () -> fxoCall(box).isPresent());
                BoxSnapshot.CallInfo call = fxoCall(box).orElseThrow();
                assertEquals("13800138000", call.caller(), "FSK caller ID reached call control");
                waitFor("the box off-hook: the exchange sees the call answered", Duration.ofSeconds(5),
                        () -> site.exchange().connected(0));

                waitFor("CALL lamp", Duration.ofSeconds(15), () -> site.callLamp(1));
                site.press(1, SeatButton.ANSWER);
                waitFor("connected to the agent", Duration.ofSeconds(5),
                        () -> fxoCall(box).map(c -> c.state().equals("CONNECTED")).orElse(false));

                waitFor("busy tone detected and the call cleared", Duration.ofSeconds(20), () -> fxoCall(box).isEmpty());
                waitFor("the line back on-hook", Duration.ofSeconds(5), () -> !site.exchange().connected(0));

                Path detections = capture.resolveSibling(capture.getFileName().toString().replace(".wav", ".jsonl"));
                waitFor("the capture's detections", Duration.ofSeconds(5), () -> read(detections).contains("\"kind\":\"callerid\""));
                assertTrue(read(detections).contains("13800138000"), read(detections));
                assertTrue(Files.size(capture) > 58 + 8000, "seconds of line audio in " + capture);

                CallRecordRepository records = new CallRecordRepository(box.runtime().dataSource());
                waitFor("the call record", Duration.ofSeconds(10), () -> {
                    try {
                        return records.find(call.callId()).map(r -> r.disposition() != CallDisposition.IN_PROGRESS).orElse(false);
                    } catch (java.sql.SQLException e) {
                        throw new AssertionError(e);
                    }
                });
                CallRecord r = records.find(call.callId()).orElseThrow();
                assertEquals("fxo0", r.trunk());
                assertEquals("13800138000", r.callingNumber());
                assertEquals(CallDisposition.ANSWERED, r.disposition());
                assertEquals("agent1", r.agentId());
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Optional<BoxSnapshot.CallInfo> fxoCall(BoxLauncher.Running box) {
        return box.runtime().snapshot().calls().stream().filter(c -> c.trunk().startsWith("fxo0")).findFirst();
    }

    private static void waitFor(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
