package io.branchbox.firmware.runtime;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.firmware.journal.CallEvents.Disposition;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.recording.AlawWav;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, closes the calls a crash or power cut left open, so that no call stays "in
 * progress" forever and no recording is left without its call record.
 *
 * <p>For every call the journal started but never ended: if its recording file is on disk
 * (already repaired by {@code RecordingRepair}) and no {@code recording.finished} was written,
 * that event is written now with the file's checksum and duration; then {@code call.ended} is
 * written with cause 41 and the reason "box restarted during the call" (disposition ANSWERED if an
 * agent had taken it, ABANDONED if it waited in a queue, FAILED otherwise). Running it twice adds
 * nothing the second time. A call whose database record is already closed is not touched
 * (see {@link #closeOpenCalls(EventJournal, Path, Predicate)}).
 *
 * <p>Threading: runs once on the start-up thread, before the box takes calls.
 */
final class CrashRecovery {
    private static final Logger log = LoggerFactory.getLogger(CrashRecovery.class);

    private static final class OpenCall {
        boolean queued;
        boolean connected;
        boolean recorded;
        boolean ended;
    }

    private CrashRecovery() {}

    /** Returns the number of calls closed; every call open in the journal counts as open. */
    static int closeOpenCalls(EventJournal journal, Path recordingsDir) throws IOException {
        return closeOpenCalls(journal, recordingsDir, callId -> false);
    }

    /**
     * Returns the number of calls closed. {@code closedInDatabase} tells whether the call's record
     * in the database is already closed: a call open in the journal but closed there lost its end
     * event to a damaged journal line, and closing it again would rewrite a correct record (its
     * end time, disposition and cause), so it is left alone and logged.
     */
    static int closeOpenCalls(EventJournal journal, Path recordingsDir, Predicate<String> closedInDatabase)
            throws IOException {
        Map<String, OpenCall> calls = new LinkedHashMap<>();
        journal.replay(e -> {
            switch (CallEventCodec.decode(e)) {
                case CallEvents.Started s -> calls.put(s.callId(), new OpenCall());
                case CallEvents.Queued q -> calls.computeIfPresent(q.callId(), (id, c) -> mark(c, () -> c.queued = true));
                case CallEvents.Connected x -> calls.computeIfPresent(x.callId(), (id, c) -> mark(c, () -> c.connected = true));
                case CallEvents.RecordingFinished r -> calls.computeIfPresent(r.callId(), (id, c) -> mark(c, () -> c.recorded = true));
                case CallEvents.Ended x -> calls.computeIfPresent(x.callId(), (id, c) -> mark(c, () -> c.ended = true));
                default -> { }
            }
        });
        int closed = 0;
        for (Map.Entry<String, OpenCall> e : calls.entrySet()) {
            OpenCall c = e.getValue();
            if (c.ended) {
                continue;
            }
            String callId = e.getKey();
            if (closedInDatabase.test(callId)) {
                log.warn("call {} is open in the journal but closed in the database (its end event was lost):"
                        + " the database record is kept as it is", callId);
                continue;
            }
            if (!c.recorded) {
                Optional<Path> file = findRecording(recordingsDir, callId);
                if (file.isPresent()) {
                    long data = Math.max(0, Files.size(file.get()) - AlawWav.HEADER_BYTES);
                    journal.append(new CallEvents.RecordingFinished(callId, null,
                            recordingsDir.relativize(file.get()).toString(), sha256(file.get()),
                            Duration.ofMillis(AlawWav.durationMs(data)), null, null, null));
                }
            }
            Disposition disposition = c.connected ? Disposition.ANSWERED : c.queued ? Disposition.ABANDONED
                    : Disposition.FAILED;
            journal.append(new CallEvents.Ended(callId, null, null, disposition, Q850Cause.TEMPORARY_FAILURE,
                    "box restarted during the call", null));
            log.warn("call {} was left open by a restart: closed as {}", callId, disposition);
            closed++;
        }
        if (closed > 0) {
            journal.flush();
        }
        return closed;
    }

    private static OpenCall mark(OpenCall c, Runnable r) {
        r.run();
        return c;
    }

    private static Optional<Path> findRecording(Path dir, String callId) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().equals(callId + ".wav")).findFirst();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
