package io.branchbox.rig.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.admin.reports.ReportCommand;
import io.branchbox.box.BoxLauncher;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.journal.JournalReader;
import io.branchbox.firmware.kpi.KpiJson;
import io.branchbox.firmware.runtime.BoxRuntime;
import io.branchbox.rig.mqtt.EmbeddedBroker;
import io.branchbox.rig.sim.DemoTraffic;
import io.branchbox.rig.sim.SimulatedSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The technician's {@code report} command on a copy of a demo's data directory: the demo is
 * started with its own code ({@link DemoMain#demoConfig}, the simulated site, {@link DemoTraffic})
 * until it has answered a few calls, stopped, its directory copied, and the command's figures
 * equal what this test counts in the copy's journal on its own.
 */
class DemoDataReportTest {
    @TempDir
    Path dir;

    /** What the test counts itself: inbound calls that ended, and those an agent talked to from a queue. */
    record Own(int inbound, int handled, int answered) {}

    @Test
    void theReportCommandReadsACopyOfADemosDataDirectory() throws Exception {
        Path data = dir.resolve("demo-data");
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.freePort())) {
            SimulatedSite site = SimulatedSite.start(data);
            BoxLauncher.Running box = null;
            try {
                Path document = data.resolve("box.json");
                BoxConfig config = DemoMain.demoConfig(site, document, broker.uri(), 0);
                box = BoxLauncher.start(config, document, data, site.hardware(config), BoxRuntime::console,
                        BoxLauncher.NO_RESTART, null, r -> List.of());
                site.wireBoardLines();
                new DemoTraffic(site, 3, 20, 7).start();
                // run until the demo has answered three calls (read from its journal without disturbing it)
                long deadline = System.nanoTime() + 300_000_000_000L;
                while (count(data.resolve("journal"), ZoneId.of(config.site().timezone())).answered() < 3
                        && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
            } finally {
                if (box != null) {
                    box.close();
                }
                site.close();
            }
        }
        Path copy = dir.resolve("copy");
        copyTree(data, copy);
        ZoneId zone = ZoneId.of(io.branchbox.firmware.config.ConfigDocuments.read(copy.resolve("box.json")).site().timezone());
        Own own = count(copy.resolve("journal"), zone);
        assertTrue(own.answered() >= 3, "the demo answered calls: " + own);

        LocalDate today = LocalDate.now(zone);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReportCommand.main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "--data", copy.toString(),
                "--from", today.minusDays(1).toString(), "--to", today.toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode rows = KpiJson.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(1, rows.size(), "the branch's row");
        JsonNode counts = rows.get(0).get("counts");
        assertEquals(today.minusDays(1) + "/" + today, rows.get(0).get("period").asText());
        assertEquals(own.inbound(), counts.get("inbound").asInt(), "inbound calls ended");
        assertEquals(own.handled(), counts.get("handled").asInt(), "calls an agent talked to from a queue");
        assertTrue(rows.get(0).get("manualAnswerRate").isNumber(), rows.get(0).toString());
    }

    /** Counts in a journal, read-only: inbound calls that ended, and those queued and connected to an agent. */
    static Own count(Path journal, ZoneId zone) throws IOException {
        if (!JournalReader.exists(journal)) {
            return new Own(0, 0, 0);
        }
        Set<String> inbound = new HashSet<>();
        Set<String> queued = new HashSet<>();
        Set<String> connected = new HashSet<>();
        Set<String> ended = new HashSet<>();
        JournalReader.read(journal, e -> {
            String id = e.callId();
            switch (e.type()) {
                case CallEventTypes.CALL_STARTED -> {
                    if ("IN".equals(e.attr(CallEventTypes.DIRECTION))) {
                        inbound.add(id);
                    }
                }
                case CallEventTypes.CALL_QUEUED -> queued.add(id);
                case CallEventTypes.CALL_CONNECTED -> {
                    if (e.agentId() != null) {
                        connected.add(id);
                    }
                }
                case CallEventTypes.CALL_ENDED -> ended.add(id);
                default -> { }
            }
        });
        Set<String> in = new HashSet<>(inbound);
        in.retainAll(ended);
        Set<String> handled = new HashSet<>(in);
        handled.retainAll(queued);
        handled.retainAll(connected);
        return new Own(in.size(), handled.size(), handled.size());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
