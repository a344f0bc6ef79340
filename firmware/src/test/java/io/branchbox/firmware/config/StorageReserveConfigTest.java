package io.branchbox.firmware.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code recording.diskReserveMiB}, the disk space recordings may not use: filled by the schema
 * 2 → 3 step, required in a schema-3 document, checked by the validator, applied at a restart.
 */
class StorageReserveConfigTest {
    private final ObjectMapper m = new ObjectMapper();

    private ObjectNode factory() throws Exception {
        return (ObjectNode) m.readTree(ConfigDocuments.toJson(ConfigDocuments.defaults()));
    }

    @Test
    void aSchemaTwoDocumentGetsTheFactoryReserve() throws Exception {
        ObjectNode doc = factory();
        ((ObjectNode) doc.get("recording")).remove("diskReserveMiB");
        doc.put("schema", 2);
        BoxConfig c = ConfigDocuments.parse(m.writeValueAsString(doc));
        assertEquals(256, c.recording().diskReserveMiB());
        assertEquals(BoxConfig.Recording.DEFAULT_DISK_RESERVE_MIB, ConfigDocuments.defaults().recording().diskReserveMiB());
    }

    @Test
    void aSetReserveIsReadAndKept() throws Exception {
        ObjectNode doc = factory();
        ((ObjectNode) doc.get("recording")).put("diskReserveMiB", 1024);
        BoxConfig c = ConfigDocuments.parse(m.writeValueAsString(doc));
        assertEquals(1024, c.recording().diskReserveMiB());
        assertEquals(1024, m.readTree(ConfigDocuments.toJson(c)).path("recording").path("diskReserveMiB").asInt());
    }

    @Test
    void aReserveOutOfRangeOrOfTheWrongTypeIsRefusedWithItsPath() throws Exception {
        for (String bad : List.of("-1", "65537", "\"lots\"", "null", "2.5")) {
            String json = ConfigDocuments.toJson(ConfigDocuments.defaults())
                    .replaceFirst("\"diskReserveMiB\"\\s*:\\s*256", "\"diskReserveMiB\" : " + bad);
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigDocuments.parse(json), bad);
            List<String> paths = e.errors().stream().map(ConfigError::path).toList();
            assertTrue(paths.contains("recording.diskReserveMiB"), bad + " -> " + paths);
        }
    }

    @Test
    void aChangedReserveIsAppliedAtTheNextStart() {
        BoxConfig a = ConfigDocuments.defaults();
        BoxConfig.Recording r = a.recording();
        BoxConfig b = a.withRecording(new BoxConfig.Recording(r.directory(), r.retentionDays(), r.recordIvr(), 512));
        ConfigApplyPlan plan = ConfigApplyPlan.between(a, b);
        assertTrue(plan.restart().contains("recording"), plan.toString());
    }
}
