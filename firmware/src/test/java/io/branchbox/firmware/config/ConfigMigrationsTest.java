package io.branchbox.firmware.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigMigrationsTest {

    /** The factory document of firmware schema 1, with an overflow queue set by a technician. */
    private static String schema1() throws IOException {
        try (InputStream in = ConfigMigrationsTest.class.getResourceAsStream("/config/schema1-factory.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aSchemaOneDocumentIsReadAndKeepsEverythingTheTechnicianSet() throws Exception {
        BoxConfig c = ConfigDocuments.parse(schema1());

        assertEquals(BoxConfig.SCHEMA, c.schema());
        assertEquals(12, c.revision());
        BoxConfig.Queue inquiry = c.queues().get(0);
        assertEquals(300, inquiry.maxWaitS());
        assertEquals("repair", inquiry.overflowQueue());
        assertEquals(BoxConfig.Overflow.QUEUE, inquiry.overflow(), "the old overflow behaviour is kept");
        assertEquals(BoxConfig.Overflow.NONE, c.queues().get(1).overflow());
        assertEquals(0, inquiry.maxLength());
        assertEquals(0, inquiry.announceEveryS(), "no announcements the site did not have");
        assertEquals("", c.ivr().entryMenu(), "no menu: callers go straight to their queue as before");
        assertEquals("default", c.ivr().promptSet());
        assertEquals(Map.of(), c.agents().get(0).skills());
        assertTrue(c.hours().weekly().isEmpty(), "always open");
        assertEquals(ConfigDocuments.defaults().console(), c.console());
    }

    /** A schema-2 document as the previous release wrote it: spans without restart settings, recordIvr stated. */
    private static String schema2(boolean recordIvr) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode)
                m.readTree(ConfigDocuments.toJson(ConfigDocuments.defaults()));
        doc.put("schema", 2);
        for (com.fasterxml.jackson.databind.JsonNode span : doc.path("spans")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) span).remove(List.of("restartOnLinkUp", "t316S"));
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("recording")).put("recordIvr", recordIvr);
        return m.writeValueAsString(doc);
    }

    @Test
    void schemaTwoKeepsItsStatedRecordIvrAndItsSpansRestartAtLinkUpAsBefore() throws Exception {
        BoxConfig off = ConfigDocuments.parse(schema2(false));
        assertEquals(false, off.recording().recordIvr(), "a schema-2 document's false is explicit and kept");
        assertEquals(BoxConfig.RestartOnLinkUp.ALL_IDLE, off.spans().get(0).restartOnLinkUp());
        assertEquals(120, off.spans().get(0).t316S());
        assertEquals(true, ConfigDocuments.parse(schema2(true)).recording().recordIvr());
        assertEquals(true, ConfigDocuments.defaults().recording().recordIvr(), "the factory records from the answer");
    }

    @Test
    void anOlderDocumentGetsTheFactoryApplianceSettings() throws Exception {
        BoxConfig c = ConfigDocuments.parse(schema1());
        assertEquals(ConfigDocuments.defaultAppliance(), c.appliance());
        assertEquals(List.of("/boot/branchbox", "/media/usb/branchbox"), c.appliance().provisioningDirs());
    }

    @Test
    void anOlderDocumentGetsHttpsAsTheBoxServedItBeforeOnItsOwnWebPortPlus363() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode)
                m.readTree(schema2(true));
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("web")).remove("https");
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("web")).put("port", 80);
        BoxConfig c = ConfigDocuments.parse(m.writeValueAsString(doc));
        assertEquals(new BoxConfig.Https(true, 443, true, BoxConfig.CertificateSource.BOX), c.web().https());
        assertEquals(new BoxConfig.Https(true, 8443, true, BoxConfig.CertificateSource.BOX),
                ConfigDocuments.parse(schema1()).web().https());
    }

    @Test
    void anOlderDocumentsAnalogLinesGetTheSupervisionTheEngineUsedBefore() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode)
                m.readTree(schema2(true));
        doc.putArray("fxo").addObject().put("port", 0).put("enabled", true).put("ringsToAnswer", 2)
                .put("callerId", "DTMF");
        BoxConfig c = ConfigDocuments.parse(m.writeValueAsString(doc));
        assertEquals(new BoxConfig.FxoSupervision(true, 30, 2100), c.fxo().get(0).supervision());
    }

    @Test
    void analogLineSupervisionOutOfRangeIsNamedBesideItsField() {
        BoxConfig bad = ConfigDocuments.defaults().withFxo(List.of(new BoxConfig.FxoPort(0, true, 2,
                BoxConfig.CallerId.DTMF, new BoxConfig.FxoSupervision(false, 2, 20_000))));
        assertEquals(List.of("fxo[0].supervision.answerTimeoutS", "fxo[0].supervision.disconnectToneMs"),
                new ConfigValidator().validate(bad).stream().map(ConfigError::path).toList());
    }

    @Test
    void httpsOnTheHttpPortOrOutOfRangeIsNamedBesideItsField() {
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig same = d.withWeb(new BoxConfig.Web("0.0.0.0", 8080,
                new BoxConfig.Https(true, 8080, true, BoxConfig.CertificateSource.UPLOADED)));
        List<ConfigError> errors = new ConfigValidator().validate(same);
        assertEquals(List.of("web.https.port"), errors.stream().map(ConfigError::path).toList());
        assertEquals("config.err.samePort", errors.get(0).code());
        BoxConfig off = d.withWeb(new BoxConfig.Web("0.0.0.0", 8080,
                new BoxConfig.Https(false, 8080, false, BoxConfig.CertificateSource.BOX)));
        assertEquals(List.of(), new ConfigValidator().validate(off), "off: the port does not matter");
        BoxConfig far = d.withWeb(new BoxConfig.Web("0.0.0.0", 8080,
                new BoxConfig.Https(true, 70_000, true, BoxConfig.CertificateSource.BOX)));
        assertEquals(List.of("web.https.port"), new ConfigValidator().validate(far).stream().map(ConfigError::path).toList());
    }

    @Test
    void applianceSettingsOutOfRangeAreReportedWithTheirPath() {
        BoxConfig bad = ConfigDocuments.defaults().withAppliance(new BoxConfig.Appliance(
                new BoxConfig.Backup(true, 24, 0, "", false), List.of("relative/dir")));
        assertEquals(List.of("appliance.backup.hour", "appliance.backup.keep", "appliance.backup.directory",
                "appliance.provisioningDirs[0]"), new ConfigValidator().validate(bad).stream().map(ConfigError::path).toList());
    }

    @Test
    void theUpgradedDocumentIsWrittenInTheNewSchemaAndReadsBackEqual() throws Exception {
        BoxConfig c = ConfigDocuments.parse(schema1());
        assertEquals(c, ConfigDocuments.parse(ConfigDocuments.toJson(c)));
    }

    @Test
    void theFactoryDocumentIsValidAndHasTheBriefsMenu() {
        BoxConfig d = ConfigDocuments.defaults();
        assertEquals(List.of(), new ConfigValidator().validate(d));
        BoxConfig.Menu main = d.ivr().menus().get(0);
        assertEquals("repair", main.choices().get("1").target());
        assertEquals(BoxConfig.StepAction.QUEUE, main.choices().get("0").action());
    }

    @Test
    void midnightIsAClosingTimeButNotAnOpeningTime() {
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig.Hours hours = new BoxConfig.Hours(
                List.of(new BoxConfig.OpenPeriod(List.of(java.time.DayOfWeek.MONDAY), "08:30", "24:00"),
                        new BoxConfig.OpenPeriod(List.of(java.time.DayOfWeek.TUESDAY), "24:00", "24:00")),
                List.of(), List.of(), d.hours().night());
        assertEquals(List.of("hours.weekly[1].open"), new ConfigValidator().validate(d.withHours(hours)).stream()
                .map(ConfigError::path).toList());
    }

    @Test
    void aMenuStepLeadingNowhereAndBadHoursAreEachReportedWithTheirPath() {
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig.Menu broken = new BoxConfig.Menu("main", "main-menu", 5, 2, "invalid-choice",
                Map.of("1", new BoxConfig.Step(BoxConfig.StepAction.MENU, "nosuch", 0),
                        "12", new BoxConfig.Step(BoxConfig.StepAction.QUEUE, "repair", 0)),
                new BoxConfig.Step(BoxConfig.StepAction.FORWARD, "not a number", 0));
        BoxConfig.Ivr ivr = new BoxConfig.Ivr("greeting", "inquiry", Map.of(), "survey", "main", List.of(broken),
                Map.of("13800000000", 12), "default");
        BoxConfig.Hours hours = new BoxConfig.Hours(
                List.of(new BoxConfig.OpenPeriod(List.of(java.time.DayOfWeek.MONDAY), "18:00", "08:30")),
                List.of(new BoxConfig.Holiday("2026-13-01", "no such month")), List.of(),
                new BoxConfig.NightService(BoxConfig.NightAction.FORWARD, "closed", "", ""));
        List<String> paths = new ConfigValidator().validate(d.withIvr(ivr).withHours(hours)).stream()
                .map(ConfigError::path).sorted().toList();
        assertEquals(List.of("hours.holidays[0].date", "hours.night.forwardNumber", "hours.weekly[0].close",
                "ivr.menus[0].choices.1.target", "ivr.menus[0].choices.12", "ivr.menus[0].fallback.target",
                "ivr.priorityCallers.13800000000"), paths);
    }
}
