package io.branchbox.firmware.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchbox.firmware.store.CallDirection;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.store.CallRecord;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingExportTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-04-10T14:00:00Z");

    @TempDir
    Path dir;
    private CatalogFixture fx;
    private AccessLog accessLog;
    private RecordingExport export;

    @BeforeEach
    void open() throws Exception {
        fx = new CatalogFixture(dir);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        accessLog = new AccessLog(fx.db.dataSource(), clock);
        export = new RecordingExport(fx.catalog, fx.calls, accessLog, clock, "box-17");
        fx.addCall(CallRecord.started("c1", CallDirection.IN, "span0/ts1", "030123", "100", START)
                .withQueue("sales").withAgent("a7", "3").withAnsweredAt(START.plusSeconds(4))
                .withEnd(START.plusSeconds(94), CallDisposition.ANSWERED, "16"));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void zipHoldsTheExactWavCallRecordChecksumAndVerification() throws Exception {
        byte[] wav = CatalogFixture.wav(3200);
        Path file = fx.addRecording("c1", START.plusSeconds(95), wav);
        String sha = FileHash.of(file);
        Path zip = dir.resolve("dispute.zip");

        RecordingExport.Exported e = export.export("c1", "supervisor", zip);

        assertEquals(new RecordingExport.Exported("c1", "c1.wav", sha, wav.length), e);
        Map<String, byte[]> entries = unzip(Files.readAllBytes(zip));
        assertEquals(List.of("c1.wav", "call-record.json", "c1.wav.sha256", "verification.txt"), List.copyOf(entries.keySet()));
        assertArrayEquals(wav, entries.get("c1.wav"));
        assertEquals(sha + "  c1.wav\n", text(entries, "c1.wav.sha256"));
        JsonNode doc = new ObjectMapper().readTree(entries.get("call-record.json"));
        assertEquals("a7", doc.at("/callRecord/agentId").asText());
        assertEquals("sales", doc.at("/callRecord/queue").asText());
        assertEquals("2026-03-02T09:00:00Z", doc.at("/callRecord/startedAt").asText());
        assertEquals(sha, doc.at("/recording/sha256").asText());
        String verification = text(entries, "verification.txt");
        assertTrue(verification.contains("Verified by box box-17 at 2026-04-10T14:00:00Z: the file matches the stored SHA-256."),
                verification);
        assertTrue(verification.contains("Exported for supervisor."), verification);
        AccessLog.Entry logged = accessLog.forCall("c1").get(0);
        assertEquals(AccessAction.EXPORT, logged.action());
        assertEquals("supervisor", logged.user());
        assertEquals(NOW, logged.at());
        assertFalse(Files.exists(dir.resolve("dispute.zip.part")));
    }

    @Test
    void changedFileIsRefusedAndSaysSo() throws Exception {
        Path file = fx.addRecording("c1", START.plusSeconds(95), CatalogFixture.wav(3200));
        byte[] b = Files.readAllBytes(file);
        b[2000] ^= 0x40;
        Files.write(file, b);
        Path zip = dir.resolve("dispute.zip");

        ExportRefusedException ex = assertThrows(ExportRefusedException.class, () -> export.export("c1", "supervisor", zip));

        assertEquals(ExportRefusedException.Reason.CHANGED, ex.reason());
        assertTrue(ex.getMessage().contains("no longer matches its checksum"), ex.getMessage());
        assertFalse(Files.exists(zip));
        assertFalse(Files.exists(dir.resolve("dispute.zip.part")));
        assertEquals(VerifyStatus.CHANGED, fx.catalog.find("c1").orElseThrow().verifyStatus());
        assertEquals("refused: CHANGED", accessLog.forCall("c1").get(0).detail());
    }

    @Test
    void refusalToAStreamWritesNothing() throws Exception {
        Path file = fx.addRecording("c1", START.plusSeconds(95), CatalogFixture.wav(3200));
        Files.delete(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ExportRefusedException ex = assertThrows(ExportRefusedException.class, () -> export.export("c1", "s", out));

        assertEquals(ExportRefusedException.Reason.MISSING, ex.reason());
        assertEquals(0, out.size());
        assertEquals(VerifyStatus.MISSING, fx.catalog.find("c1").orElseThrow().verifyStatus());
    }

    @Test
    void unknownDeletedAndUncheckedRecordingsAreRefused() throws Exception {
        fx.addRecording("c1", START.plusSeconds(95), CatalogFixture.wav(320));
        fx.catalog.markDeleted("c1", NOW, "retention 183 days");
        Path f = fx.recordings.resolve("2026/03/02/c2.wav");
        Files.write(f, CatalogFixture.wav(320));
        fx.catalogue("c2", START, f.toString(), null, Map.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertEquals(ExportRefusedException.Reason.NOT_FOUND,
                assertThrows(ExportRefusedException.class, () -> export.export("nope", "s", out)).reason());
        ExportRefusedException deleted = assertThrows(ExportRefusedException.class, () -> export.export("c1", "s", out));
        assertEquals(ExportRefusedException.Reason.DELETED, deleted.reason());
        assertTrue(deleted.getMessage().contains("retention 183 days"), deleted.getMessage());
        assertEquals(ExportRefusedException.Reason.NO_CHECKSUM,
                assertThrows(ExportRefusedException.class, () -> export.export("c2", "s", out)).reason());
        assertEquals(0, out.size());
    }

    @Test
    void recordingWithoutCallRecordIsStillExportedAndSaysSo() throws Exception {
        fx.addRecording("orphan-call", START, CatalogFixture.wav(320));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        export.export("orphan-call", "s", out);

        Map<String, byte[]> entries = unzip(out.toByteArray());
        assertTrue(new ObjectMapper().readTree(entries.get("call-record.json")).get("callRecord").isNull());
        assertTrue(text(entries, "verification.txt").contains("No call record was found"));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), ((InputStream) in).readAllBytes());
            }
        }
        return out;
    }

    private static String text(Map<String, byte[]> entries, String name) {
        return new String(entries.get(name), StandardCharsets.UTF_8);
    }
}
