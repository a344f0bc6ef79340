package io.branchbox.admin.recordings;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the web admin may do with the box's call recordings: search the catalog, open a recording
 * for listening or download, export it as evidence, put it on legal hold, and read who accessed it.
 *
 * <p>Contract: every act on one recording ({@link #open}, {@link #export}, {@link #setLegalHold})
 * is written to the recording access log before anything is returned or sent; an act that cannot
 * be logged fails with {@link RecordingsException} and does not happen. Call ids must match
 * {@link #CALL_ID}; others are refused before any look-up. Role checks are the caller's job.
 *
 * <p>Threading: called on web request threads, concurrently; blocks on the database and the disk,
 * so never call it from the audio path.
 */
public interface RecordingsBackend {
    /** The call ids the recorder accepts as file names; anything else is refused. */
    String CALL_ID = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}";

    /**
     * A search: calls started on days {@code from}..{@code to} (inclusive, the site's days),
     * optionally only one agent and/or queue and callers whose number contains {@code caller}
     * (null: any; digits, '*' and '#' only), skipping {@code offset} rows, at most {@code limit}.
     */
    record Query(LocalDate from, LocalDate to, String agentId, String queue, String caller, int offset, int limit) {
        /** Any caller, from the first row. */
        public Query(LocalDate from, LocalDate to, String agentId, String queue, int limit) {
            this(from, to, agentId, queue, null, 0, limit);
        }
    }

    /** One page of a search, newest first, and how many rows the whole search has. */
    record Page(List<Row> rows, long total) {}

    /** One recording as the list shows it. Call fields are null when the call record is missing. */
    record Row(String callId, Instant startedAt, String callerNumber, String agentId, String queue,
            Long durationMs, Instant finishedAt, String verifyStatus, boolean legalHold) {}

    /** A recording opened for one act; {@code file} is the original A-law WAV, checked to exist. */
    record Opened(String callId, Path file, String fileName, long bytes) {}

    /** One access log line. */
    record Access(Instant at, String user, String action, String detail) {}

    /** The page of {@code q}, newest recordings first, with the total of all that match. */
    Page search(Query q) throws RecordingsException;

    /**
     * Logs that {@code user} listens to ({@code download == false}) or downloads the recording of
     * {@code callId}, then returns its file.
     */
    Opened open(String callId, String user, boolean download) throws RecordingsException;

    /** Logs and writes the evidence zip of {@code callId} to {@code out}; returns the zip's file name. */
    String export(String callId, String user, OutputStream out) throws RecordingsException;

    /** Logs and sets or releases the legal hold of {@code callId}. */
    void setLegalHold(String callId, String user, boolean hold) throws RecordingsException;

    /** Every logged access to {@code callId}'s recording, oldest first. */
    List<Access> accessLog(String callId) throws RecordingsException;
}
