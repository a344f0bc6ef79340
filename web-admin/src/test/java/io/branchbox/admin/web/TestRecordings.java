package io.branchbox.admin.web;

import io.branchbox.firmware.recording.AlawWav;
import io.branchbox.firmware.store.CallDirection;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.store.CallHandling;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.firmware.store.CallRecordRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

/** Puts recordings into a {@link TestBox}: the file, its call record and its catalog row, as the box would. */
final class TestRecordings {
    private TestRecordings() {}

    /** A box WAV holding {@code samples} (interleaved stereo A-law). */
    static byte[] wav(byte[] samples) {
        byte[] wav = new byte[AlawWav.HEADER_BYTES + samples.length];
        AlawWav.header(samples.length).get(wav, 0, AlawWav.HEADER_BYTES);
        System.arraycopy(samples, 0, wav, AlawWav.HEADER_BYTES, samples.length);
        return wav;
    }

    /**
     * Writes {@code content} to {@code file} (relative to the box's recordings directory), adds an
     * answered call started at {@code started} from caller {@code 0301<callId>}, and catalogues the
     * file with its true checksum and a duration of 4 s.
     */
    static void add(TestBox box, String callId, String agent, String queue, String file, byte[] content,
            Instant started) throws Exception {
        add(box, callId, agent, queue, file, content, started, 90, CallHandling.NONE);
    }

    /** As {@link #add(TestBox, String, String, String, String, byte[], Instant)}, the call lasting {@code talkS} with {@code handling}. */
    static void add(TestBox box, String callId, String agent, String queue, String file, byte[] content,
            Instant started, int talkS, CallHandling handling) throws Exception {
        Path path = box.recordings.resolve(file).normalize();
        Files.createDirectories(path.getParent());
        Files.write(path, content);
        new CallRecordRepository(box.dataSource).upsert(CallRecord.started(callId, CallDirection.IN, "span0/ts1",
                        "0301" + callId, "100", started)
                .withQueue(queue).withAgent(agent, "3").withAnsweredAt(started)
                .withEnd(started.plusSeconds(talkS), CallDisposition.ANSWERED, "16").withHandling(handling));
        try (Connection c = box.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO recording (call_id, file, bytes, duration_ms, sha256, finished_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, callId);
            ps.setString(2, file);
            ps.setLong(3, content.length);
            ps.setLong(4, 4000);
            ps.setString(5, sha256(content));
            ps.setObject(6, started.plusSeconds(talkS + 1).atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
