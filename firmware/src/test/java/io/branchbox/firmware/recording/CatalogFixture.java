package io.branchbox.firmware.recording;

import static io.branchbox.firmware.journal.CallEventTypes.*;

import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.firmware.store.CallRecordRepository;
import io.branchbox.firmware.store.Database;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** A database with a recording catalog and a recordings directory, filled directly for tests. */
final class CatalogFixture implements AutoCloseable {
    final Database db;
    final Path recordings;
    final RecordingCatalog catalog;
    final CallRecordRepository calls;

    CatalogFixture(Path dir) {
        db = Database.open(dir.resolve("db"));
        recordings = dir.resolve("rec");
        catalog = new RecordingCatalog(db.dataSource(), recordings);
        calls = new CallRecordRepository(db.dataSource());
    }

    /** A WAV of {@code dataBytes} bytes of samples (value 0x55, A-law silence). */
    static byte[] wav(int dataBytes) {
        ByteBuffer h = AlawWav.header(dataBytes);
        byte[] out = new byte[AlawWav.HEADER_BYTES + dataBytes];
        h.get(out, 0, AlawWav.HEADER_BYTES);
        Arrays.fill(out, AlawWav.HEADER_BYTES, out.length, (byte) 0x55);
        return out;
    }

    /** Writes {@code content} as {@code <rec>/day/<callId>.wav} and catalogues it with its true hash. */
    Path addRecording(String callId, Instant finishedAt, byte[] content) throws IOException, SQLException {
        Path file = recordings.resolve("2026/03/02/" + callId + ".wav");
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        catalogue(callId, finishedAt, file.toString(), FileHash.of(file), Map.of());
        return file;
    }

    void catalogue(String callId, Instant finishedAt, String file, String sha, Map<String, String> extra)
            throws SQLException {
        Map<String, String> attrs = new HashMap<>(extra);
        attrs.put(FILE, file);
        if (sha != null) {
            attrs.put(SHA256, sha);
        }
        attrs.putIfAbsent(DURATION_MS, "1000");
        try (Connection c = db.dataSource().getConnection()) {
            JournalEvent e = new JournalEvent(1, finishedAt, RECORDING_FINISHED, callId, null, null, attrs);
            catalog.applyFinished(c, (CallEvents.RecordingFinished) CallEventCodec.decode(e), e.at(), e.seq());
        }
    }

    void addCall(CallRecord r) throws SQLException {
        calls.upsert(r);
    }

    @Override
    public void close() {
        db.close();
    }
}
