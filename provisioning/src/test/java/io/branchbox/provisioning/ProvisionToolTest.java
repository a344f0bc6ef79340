package io.branchbox.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisionToolTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ProvisionTool tool = new ProvisionTool(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void importInstallsAValidDocumentWithAHigherRevision(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("site.json");
        Path target = dir.resolve("box.json");
        ConfigDocuments.write(doc, ConfigDocuments.defaults());
        assertEquals(0, tool.run("import", doc.toString(), "--config", target.toString()));
        assertEquals(0, tool.run("import", doc.toString(), "--config", target.toString()));
        assertEquals(1, ConfigDocuments.read(target).revision(), "the same document again changes nothing");
        ConfigDocuments.write(doc, ConfigDocuments.defaults().withRecording(
                new io.branchbox.firmware.config.BoxConfig.Recording("recordings", 90, false)));
        assertEquals(0, tool.run("import", doc.toString(), "--config", target.toString()));
        assertEquals(2, ConfigDocuments.read(target).revision(), "a changed import is a new revision");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("installed revision 2"));
        String audit = Files.readString(dir.resolve("config-revisions").resolve("audit.jsonl"));
        assertTrue(audit.contains("\"action\":\"IMPORT\"") && audit.contains("recording.retentionDays"), audit);
    }

    @Test
    void invalidDocumentIsNotInstalledAndEveryProblemIsListed(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("bad.json");
        Path target = dir.resolve("box.json");
        String json = ConfigDocuments.toJson(ConfigDocuments.defaults())
                .replace("\"offerTimeoutS\" : 12", "\"offerTimeoutS\" : 1")
                .replace("\"defaultQueue\" : \"inquiry\"", "\"defaultQueue\" : \"nosuch\"");
        Files.writeString(doc, json);
        assertEquals(1, tool.run("import", doc.toString(), "--config", target.toString()));
        assertTrue(Files.notExists(target));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("queues[0].offerTimeoutS") && e.contains("ivr.defaultQueue"), e);
    }

    @Test
    void validateAndUsage(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("site.json");
        ConfigDocuments.write(doc, ConfigDocuments.defaults());
        assertEquals(0, tool.run("validate", doc.toString()));
        assertEquals(2, tool.run("validate"));
        assertEquals(2, tool.run("validate", dir.resolve("missing.json").toString()));
        assertEquals(0, tool.run("defaults"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"schema\" : " + BoxConfig.SCHEMA));
    }
}
