package io.branchbox.admin.recordings;

import io.branchbox.admin.recordings.RecordingsException.Reason;
import io.branchbox.firmware.recording.AccessAction;
import io.branchbox.firmware.recording.AccessLog;
import io.branchbox.firmware.recording.CatalogEntry;
import io.branchbox.firmware.recording.ExportRefusedException;
import io.branchbox.firmware.recording.RecordingCatalog;
import io.branchbox.firmware.recording.RecordingExport;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.firmware.store.CallRecordRepository;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RecordingsBackend} over the firmware's recording catalog, access log and export, on the
 * box's database and recordings directory. Days of a search are the days of {@code clock}'s zone
 * (give it the site's zone). Only files below the recordings directory are ever served.
 *
 * <p>Threading: thread-safe; every method blocks on the database, {@link #open} and
 * {@link #export} also on the disk.
 */
public final class CatalogRecordingsBackend implements RecordingsBackend {
    private static final Logger log = LoggerFactory.getLogger(CatalogRecordingsBackend.class);
    private static final Pattern SAFE_ID = Pattern.compile(CALL_ID);
    /** Largest page the list may ask for. */
    public static final int MAX_ROWS = 1000;

    private final RecordingCatalog catalog;
    private final CallRecordRepository calls;
    private final AccessLog accessLog;
    private final RecordingExport export;
    private final ZoneId zone;

    /**
     * @param recordingsDir the directory the recorder writes below (the runtime's
     *                      {@code dataDir.resolve(config.recording().directory())})
     * @param boxId         named in exports' verification text
     */
    public CatalogRecordingsBackend(DataSource dataSource, Path recordingsDir, Clock clock, String boxId) {
        this.catalog = new RecordingCatalog(dataSource, recordingsDir);
        this.calls = new CallRecordRepository(dataSource);
        this.accessLog = new AccessLog(dataSource, clock);
        this.export = new RecordingExport(catalog, calls, accessLog, clock, boxId);
        this.zone = clock.getZone();
    }

    @Override
    public Page search(Query q) throws RecordingsException {
        Instant from = q.from().atStartOfDay(zone).toInstant();
        Instant to = q.to().plusDays(1).atStartOfDay(zone).toInstant();
        int limit = Math.max(1, Math.min(MAX_ROWS, q.limit()));
        try {
            List<Row> rows = new ArrayList<>();
            RecordingCatalog.Page page = catalog.searchPage(from, to, blankToNull(q.agentId()), blankToNull(q.queue()),
                    blankToNull(q.caller()), q.offset(), limit);
            for (RecordingCatalog.RecordedCall rc : page.rows()) {
                CatalogEntry e = rc.recording();
                String caller = calls.find(e.callId()).map(CallRecord::callingNumber).orElse(null);
                rows.add(new Row(e.callId(), rc.startedAt(), caller, rc.agentId(), rc.queue(), e.durationMs(),
                        e.finishedAt(), e.verifyStatus() == null ? null : e.verifyStatus().name(), e.legalHold()));
            }
            return new Page(rows, page.total());
        } catch (SQLException e) {
            throw storage("search", e);
        }
    }

    @Override
    public Opened open(String callId, String user, boolean download) throws RecordingsException {
        check(callId);
        try {
            CatalogEntry e = catalog.find(callId).filter(x -> !x.deleted())
                    .orElseThrow(() -> notFound(callId));
            Path file = catalog.resolve(e).normalize();
            if (!file.startsWith(catalog.recordingsDir())) {
                log.warn("recording of call {} is catalogued outside the recordings directory; not served", callId);
                throw new RecordingsException(Reason.REFUSED, "the recording of call " + callId
                        + " is not in the recordings directory", null, "recordings.error.outside", callId);
            }
            if (!Files.isRegularFile(file)) {
                throw notFound(callId);
            }
            long size = Files.size(file);
            // log first, then serve: an access that cannot be logged must not happen
            accessLog.record(user, callId, download ? AccessAction.DOWNLOAD : AccessAction.LISTEN, e.file());
            return new Opened(callId, file, file.getFileName().toString(), size);
        } catch (SQLException e) {
            throw storage("open of call " + callId, e);
        } catch (IOException e) {
            throw new RecordingsException(Reason.STORAGE, "the recording of call " + callId + " cannot be read", e);
        }
    }

    @Override
    public String export(String callId, String user, OutputStream out) throws RecordingsException {
        check(callId);
        try {
            return "recording-" + export.export(callId, user, out).callId() + ".zip";
        } catch (ExportRefusedException e) {
            throw new RecordingsException(e.reason() == ExportRefusedException.Reason.NOT_FOUND
                    || e.reason() == ExportRefusedException.Reason.DELETED ? Reason.NOT_FOUND : Reason.REFUSED,
                    "export refused: " + e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), null,
                    "recordings.error.export." + e.reason().name(), callId);
        } catch (SQLException e) {
            throw storage("export of call " + callId, e);
        } catch (IOException e) {
            throw new RecordingsException(Reason.STORAGE, "the export of call " + callId + " failed", e);
        }
    }

    @Override
    public void setLegalHold(String callId, String user, boolean hold) throws RecordingsException {
        check(callId);
        try {
            if (catalog.find(callId).filter(x -> !x.deleted()).isEmpty()) {
                throw notFound(callId);
            }
            accessLog.record(user, callId, hold ? AccessAction.HOLD : AccessAction.RELEASE);
            if (!catalog.setLegalHold(callId, hold)) {
                throw notFound(callId);
            }
            log.info("recording of call {} {} legal hold by {}", callId, hold ? "put on" : "released from", user);
        } catch (SQLException e) {
            throw storage("legal hold of call " + callId, e);
        }
    }

    @Override
    public List<Access> accessLog(String callId) throws RecordingsException {
        check(callId);
        try {
            return accessLog.forCall(callId).stream()
                    .map(a -> new Access(a.at(), a.user(), a.action().name(), a.detail())).toList();
        } catch (SQLException e) {
            throw storage("access log of call " + callId, e);
        }
    }

    private static void check(String callId) throws RecordingsException {
        if (callId == null || !SAFE_ID.matcher(callId).matches()) {
            throw new RecordingsException(Reason.BAD_CALL_ID, "not a call id");
        }
    }

    private static RecordingsException notFound(String callId) {
        return new RecordingsException(Reason.NOT_FOUND, "no recording of call " + callId, null,
                "recordings.error.notFound", callId);
    }

    private static RecordingsException storage(String what, SQLException e) {
        log.error("recordings: {} failed", what, e);
        return new RecordingsException(Reason.STORAGE, "the recordings database failed", e);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
