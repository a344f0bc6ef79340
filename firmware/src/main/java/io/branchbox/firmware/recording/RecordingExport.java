package io.branchbox.firmware.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.branchbox.firmware.recording.ExportRefusedException.Reason;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.firmware.store.CallRecordRepository;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports one recording for a dispute: a zip holding the WAV, {@value #CALL_JSON} (the call
 * record and the recording's catalog entry), {@code <wav>.sha256} (in {@code sha256sum} format,
 * so {@code sha256sum -c} checks it) and {@value #VERIFICATION_TXT} (what the box verified, when,
 * for whom).
 *
 * <p>The export is refused ({@link ExportRefusedException}) when the recording is unknown,
 * deleted, missing, without checksum, or no longer matches its stored SHA-256; the finding is
 * stored in the catalog like a verification. The file is hashed before anything is written and
 * hashed again as it is copied into the zip, so the zip holds exactly the bytes that were proven.
 * Every export, and every refused attempt, is written to the {@link AccessLog} first.
 *
 * <p>Threading: blocks on disk and database while it reads the whole file twice; call it from
 * a web-admin request thread, never from the audio path or call control. Thread-safe.
 */
public final class RecordingExport {
    private static final Logger log = LoggerFactory.getLogger(RecordingExport.class);
    static final String CALL_JSON = "call-record.json";
    static final String VERIFICATION_TXT = "verification.txt";

    /** What was exported: the WAV's entry name, its proven hash and size. */
    public record Exported(String callId, String wavName, String sha256, long wavBytes) {}

    private final RecordingCatalog catalog;
    private final CallRecordRepository calls;
    private final AccessLog accessLog;
    private final Clock clock;
    private final String boxId;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RecordingExport(RecordingCatalog catalog, CallRecordRepository calls, AccessLog accessLog,
            Clock clock, String boxId) {
        this.catalog = catalog;
        this.calls = calls;
        this.accessLog = accessLog;
        this.clock = clock;
        this.boxId = boxId;
    }

    /**
     * Writes the export to {@code zipFile} (replacing it) through a temporary file beside it, so
     * a refused or failed export leaves no zip behind.
     */
    public Exported export(String callId, String user, Path zipFile)
            throws ExportRefusedException, IOException, SQLException {
        Path tmp = zipFile.resolveSibling(zipFile.getFileName() + ".part");
        boolean done = false;
        try {
            Exported e;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                e = export(callId, user, out);
            }
            Files.move(tmp, zipFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return e;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Writes the export as a zip to {@code out} (left open; the zip is finished). A refusal
     * found before copying writes nothing; one found while copying leaves a broken zip the
     * caller must discard.
     */
    public Exported export(String callId, String user, OutputStream out)
            throws ExportRefusedException, IOException, SQLException {
        CatalogEntry rec = catalog.find(callId).orElse(null);
        Path file = rec == null ? null : catalog.resolve(rec);
        String wavName = file == null ? null : file.getFileName().toString();
        try {
            check(callId, rec, file);
        } catch (ExportRefusedException ex) {
            accessLog.record(user, callId, AccessAction.EXPORT, "refused: " + ex.reason());
            log.warn("export of call {} for {} refused: {}", callId, user, ex.getMessage());
            throw ex;
        }
        Instant now = clock.instant();
        accessLog.record(user, callId, AccessAction.EXPORT, wavName);
        CallRecord call = calls.find(callId).orElse(null);
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(wavName));
        String copied = FileHash.copy(file, zip);
        zip.closeEntry();
        if (!copied.equals(rec.sha256())) {
            catalog.markVerified(callId, VerifyStatus.CHANGED, now, null);
            throw new ExportRefusedException(callId, Reason.CHANGED,
                    "recording of call " + callId + " changed while it was being exported; export discarded");
        }
        entry(zip, CALL_JSON, json.writeValueAsBytes(document(rec, call)));
        entry(zip, wavName + ".sha256", (rec.sha256() + "  " + wavName + "\n").getBytes(StandardCharsets.US_ASCII));
        entry(zip, VERIFICATION_TXT, verification(rec, call, wavName, now, user).getBytes(StandardCharsets.UTF_8));
        zip.finish();
        zip.flush();
        catalog.markVerified(callId, VerifyStatus.OK, now, Files.size(file));
        log.info("recording of call {} exported for {} ({})", callId, user, wavName);
        return new Exported(callId, wavName, rec.sha256(), Files.size(file));
    }

    private void check(String callId, CatalogEntry rec, Path file) throws ExportRefusedException, IOException, SQLException {
        if (rec == null) {
            throw new ExportRefusedException(callId, Reason.NOT_FOUND, "no recording of call " + callId);
        }
        if (rec.deleted()) {
            throw new ExportRefusedException(callId, Reason.DELETED, "recording of call " + callId
                    + " was deleted at " + rec.deletedAt() + " (" + rec.deletedReason() + ")");
        }
        Instant now = clock.instant();
        if (!Files.isRegularFile(file)) {
            catalog.markVerified(callId, VerifyStatus.MISSING, now, null);
            throw new ExportRefusedException(callId, Reason.MISSING, "recording file " + rec.file() + " of call "
                    + callId + " is missing");
        }
        if (rec.sha256() == null) {
            throw new ExportRefusedException(callId, Reason.NO_CHECKSUM, "recording of call " + callId
                    + " has no stored checksum; it cannot be proven unchanged");
        }
        String actual = FileHash.of(file);
        if (!actual.equals(rec.sha256())) {
            catalog.markVerified(callId, VerifyStatus.CHANGED, now, Files.size(file));
            throw new ExportRefusedException(callId, Reason.CHANGED, "recording file " + rec.file() + " of call "
                    + callId + " no longer matches its checksum: stored " + rec.sha256() + ", now " + actual);
        }
    }

    private static Map<String, Object> document(CatalogEntry rec, CallRecord call) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("callRecord", call == null ? null : callFields(call));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", rec.file());
        r.put("bytes", rec.bytes());
        r.put("durationMs", rec.durationMs());
        r.put("sha256", rec.sha256());
        r.put("finishedAt", text(rec.finishedAt()));
        r.put("lostFrames", rec.lostFrames());
        r.put("writeError", rec.writeError());
        r.put("legalHold", rec.legalHold());
        doc.put("recording", r);
        return doc;
    }

    private static Map<String, Object> callFields(CallRecord c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("callId", c.callId());
        m.put("direction", c.direction().name());
        m.put("trunk", c.trunk());
        m.put("callingNumber", c.callingNumber());
        m.put("calledNumber", c.calledNumber());
        m.put("startedAt", text(c.startedAt()));
        m.put("answeredAt", text(c.answeredAt()));
        m.put("endedAt", text(c.endedAt()));
        m.put("queue", c.queue());
        m.put("agentId", c.agentId());
        m.put("seat", c.seat());
        m.put("disposition", c.disposition().name());
        m.put("releaseCause", c.releaseCause());
        return m;
    }

    private String verification(CatalogEntry rec, CallRecord call, String wavName, Instant now, String user) {
        return "Recording of call " + rec.callId() + ": " + wavName + "\n"
                + "SHA-256 stored when the recording finished at " + rec.finishedAt() + ": " + rec.sha256() + "\n"
                + "Verified by box " + boxId + " at " + now + ": the file matches the stored SHA-256.\n"
                + (call == null ? "No call record was found for this call.\n" : "")
                + "Exported for " + user + ".\n";
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
