package io.branchbox.firmware.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one parser: every problem at once, by JSON path and code, in our words (not Jackson's). */
class ConfigParserTest {
    private static final String FACTORY = ConfigDocuments.toJson(ConfigDocuments.defaults());

    private static List<ConfigError> errors(String json) {
        return assertThrows(ConfigException.class, () -> ConfigDocuments.parse(json)).errors();
    }

    private static List<String> paths(List<ConfigError> errors) {
        return errors.stream().map(ConfigError::path).toList();
    }

    @Test
    void misspeltMissingAndMistypedFieldsAreAllReportedWithTheirPaths() {
        String json = FACTORY.replace("\"retentionDays\"", "\"retentionDay\"")
                .replace("\"revision\" : 1,", "")
                .replace("\"offerTimeoutS\" : 12", "\"offerTimeoutS\" : \"twelve\"")
                .replace("\"framing\" : \"CRC4\"", "\"framing\" : \"CRC5\"")
                .replace("\"rtsCts\" : false", "\"rtsCts\" : null");
        List<ConfigError> e = errors(json);
        List<String> p = paths(e);
        assertTrue(p.contains("recording.retentionDay"), p.toString());
        assertTrue(p.contains("recording.retentionDays"), p.toString());
        assertTrue(p.contains("revision"), p.toString());
        assertTrue(p.contains("queues[0].offerTimeoutS"), p.toString());
        assertTrue(p.contains("spans[0].framing"), p.toString());
        assertTrue(p.contains("board.rtsCts"), p.toString());
        ConfigError typo = e.stream().filter(x -> x.path().equals("recording.retentionDay")).findFirst().orElseThrow();
        assertEquals("config.err.unknownFieldHint", typo.code());
        assertEquals(List.of("retentionDay", "retentionDays"), typo.args());
        for (ConfigError x : e) {
            assertFalse(x.message().contains("FAIL_ON") || x.message().contains("creator")
                    || x.message().contains("Jackson"), x.message());
        }
    }

    @Test
    void everyDuplicatedKeyIsAnError() {
        String json = FACTORY.replaceFirst("\"siteId\" : \"site-1\",", "\"siteId\" : \"site-1\", \"siteId\" : \"x\",")
                .replaceFirst("\"baud\" : 3000000,", "\"baud\" : 3000000, \"baud\" : 9600,");
        assertEquals(List.of("site.siteId", "board.baud"), paths(errors(json)));
        assertEquals("config.err.duplicate", errors(json).get(0).code());
    }

    @Test
    void nullEmptyBinaryAndTruncatedInputsGiveOneClearLine() {
        assertEquals("config.err.empty", errors("").get(0).code());
        assertEquals("config.err.notObject", errors("null").get(0).code());
        assertEquals("config.err.notObject", errors("[1,2]").get(0).code());
        assertEquals("config.err.truncated", errors("{\"schema\": 3,").get(0).code());
        assertEquals("config.err.syntax", errors("{\"schema\": 3,,}").get(0).code());
        assertEquals("config.err.trailing", errors(FACTORY + " {}").get(0).code());
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff};
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigDocuments.parse(binary));
        assertEquals(1, e.errors().size());
        assertEquals("config.err.binary", e.errors().get(0).code());
    }

    @Test
    void aDirectoryIsNotADocument(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigDocuments.read(dir));
        assertEquals("config.err.directory", e.errors().get(0).code());
    }

    @Test
    void hugeNumbersAndFractionsAreWrongTypesNotCrashes() {
        String json = FACTORY.replaceFirst("\"wrapUpS\" : 10", "\"wrapUpS\" : 99999999999999999999")
                .replaceFirst("\"seat\" : 1,", "\"seat\" : 1.5,");
        assertEquals(List.of("agents[0].seat", "queues[0].wrapUpS"), paths(errors(json)).stream().sorted().toList());
        assertEquals("config.err.typeNumber", errors(json).get(0).code());
    }

    @Test
    void validationProblemsCarryACodeAndArgsForTheCatalogue() {
        String json = FACTORY.replace("\"retentionDays\" : 183", "\"retentionDays\" : 0");
        ConfigError e = errors(json).get(0);
        assertEquals("recording.retentionDays", e.path());
        assertEquals("config.err.range", e.code());
        assertEquals(List.of("0", "1", "3650"), e.args());
    }

    @Test
    void theFactoryDocumentAndUtf8TextPass(@TempDir Path dir) throws Exception {
        String chinese = FACTORY.replace("Branch hotline", "供电所 95598 热线");
        Path f = dir.resolve("box.json");
        Files.write(f, chinese.getBytes(StandardCharsets.UTF_8));
        assertEquals("供电所 95598 热线", ConfigDocuments.read(f).site().name());
    }
}
