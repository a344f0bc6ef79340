package io.branchbox.firmware.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDocumentsTest {

    @Test
    void factoryDocumentIsValidAndRoundTrips() throws Exception {
        BoxConfig d = ConfigDocuments.defaults();
        assertEquals(List.of(), new ConfigValidator().validate(d));
        assertEquals(d, ConfigDocuments.parse(ConfigDocuments.toJson(d)));
    }

    @Test
    void unknownFieldIsRejectedWithItsPath() {
        String json = ConfigDocuments.toJson(ConfigDocuments.defaults())
                .replace("\"retentionDays\"", "\"retentionDay\"");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigDocuments.parse(json));
        assertTrue(e.getMessage().contains("retentionDay"), e.getMessage());
        assertEquals("recording.retentionDay", e.errors().get(0).path(), e.errors().toString());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig bad = new BoxConfig(d.schema(), d.revision(), d.site(), d.board(),
                new BoxConfig.Pins(17, 17, 5, 6, 13, 19, 26, 1, d.pins().seatExpanders()),
                d.spans(),
                List.of(new BoxConfig.Agent("a", "A", 1, List.of("nosuch")), new BoxConfig.Agent("b", "B", 1, List.of())),
                d.queues(),
                new BoxConfig.Ivr("greeting", "missing", d.ivr().numberToQueue(), "survey"),
                new BoxConfig.Recording("recordings", 0, false),
                d.uplink(), d.web(), d.fxo(), d.outbound(), d.hours(), d.console(), d.appliance(), d.shifts(), d.qa(), d.workOrders(), d.kpi());
        List<String> paths = new ConfigValidator().validate(bad).stream().map(ConfigError::path).toList();
        // the factory shift leads and the night and weekend rotations name no agents of this document
        assertEquals(List.of("pins.boardPresent", "agents[0].queues", "agents[1].seat", "shifts[2].rotation.leads[0]",
                "shifts[2].rotation.leads[1]", "shifts[3].rotation.leads[0]", "shifts[3].rotation.leads[1]",
                "workOrders.leads[0].agent", "workOrders.leads[1].agent", "workOrders.leads[2].agent",
                "workOrders.leads[3].agent", "workOrders.leads[4].agent", "ivr.defaultQueue",
                "recording.retentionDays"), paths);
    }

    @Test
    void writeIsAtomicAndReadable(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("box.json");
        ConfigDocuments.write(f, ConfigDocuments.defaults());
        assertEquals(ConfigDocuments.defaults(), ConfigDocuments.read(f));
        assertTrue(Files.notExists(dir.resolve("box.json.tmp")));
    }

    @Test
    void malformedJsonGivesAClearError() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigDocuments.parse("{\"schema\": 1,"));
        assertEquals(1, e.errors().size());
    }
}
