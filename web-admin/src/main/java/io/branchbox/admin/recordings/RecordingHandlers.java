package io.branchbox.admin.recordings;

import io.branchbox.admin.recordings.RecordingsBackend.Opened;
import io.branchbox.admin.http.CallerQuery;
import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.http.Paging;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;

/**
 * The recordings API: list and search, listen (A-law transcoded to PCM for the browser's
 * {@code <audio>}), download of the original file, evidence export, legal hold, access log.
 *
 * <p>Role checks, login and CSRF are done before these run, by the route table's access rules;
 * here every act goes through {@link RecordingsBackend}, which logs it before the first byte is
 * sent. {@link RecordingsException} is turned into an {@link HttpProblem} in one place,
 * {@link #problem}. Threading: Jetty worker threads, concurrently; listening and exporting block
 * the request's thread on the disk for as long as the transfer lasts.
 */
public final class RecordingHandlers {
    /** Number of rows of one list request that names no limit. */
    static final int DEFAULT_ROWS = 200;
    private static final int DEFAULT_DAYS = 7;

    private final RecordingsBackend backend;
    private final Function<Context, String> currentUser;
    private final Clock clock;

    /** A row as the API shows it: times as ISO-8601 text. */
    record RowView(String callId, String startedAt, String callerNumber, String agentId, String queue,
            Long durationMs, String finishedAt, String verifyStatus, boolean legalHold) {
        static RowView of(RecordingsBackend.Row r) {
            return new RowView(r.callId(), text(r.startedAt()), r.callerNumber(), r.agentId(), r.queue(),
                    r.durationMs(), text(r.finishedAt()), r.verifyStatus(), r.legalHold());
        }
    }

    /** An access log line as the API shows it. */
    record AccessView(String at, String user, String action, String detail) {}

    /**
     * @param currentUser the logged-in user's name of a request (the route table's principal)
     * @param clock       today's date for the default search range, in the site's zone
     */
    public RecordingHandlers(RecordingsBackend backend, Function<Context, String> currentUser, Clock clock) {
        this.backend = backend;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * {@code GET /api/recordings?from=YYYY-MM-DD&to=YYYY-MM-DD&agent=&queue=&caller=&offset=&limit=},
     * newest first: one page in the web admin's list envelope ({@link Paging.Page}: the rows and
     * the number of all matching rows, for "21–40 of 57"). {@code caller}: see {@link CallerQuery}.
     */
    public void list(Context ctx) {
        LocalDate to = date(ctx, "to", LocalDate.now(clock));
        LocalDate from = date(ctx, "from", to.minusDays(DEFAULT_DAYS - 1));
        if (from.isAfter(to)) {
            throw HttpProblem.of(400, "recordings.error.fromAfterTo");
        }
        Paging paging = Paging.of(ctx, DEFAULT_ROWS);
        RecordingsBackend.Query q = new RecordingsBackend.Query(from, to, ctx.queryParam("agent"), ctx.queryParam("queue"),
                CallerQuery.of(ctx).orElse(null), paging.offset(), paging.limit());
        try {
            RecordingsBackend.Page page = backend.search(q);
            ctx.json(paging.of(page.rows().stream().map(RowView::of).toList(), page.total()));
        } catch (RecordingsException e) {
            throw problem(e);
        }
    }

    /** {@code GET /api/recordings/{callId}/audio}: 16-bit PCM WAV for the browser; logged as a listen. */
    public void listen(Context ctx) throws IOException {
        Opened o = open(ctx, false);
        long data = PcmWav.alawDataBytes(o.bytes());
        ctx.contentType("audio/wav");
        ctx.header("Content-Length", String.valueOf(PcmWav.size(data)));
        try (InputStream in = Files.newInputStream(o.file())) {
            PcmWav.transcode(in, data, ctx.outputStream());
        }
    }

    /** {@code GET /api/recordings/{callId}/download}: the original A-law WAV; logged as a download. */
    public void download(Context ctx) throws IOException {
        Opened o = open(ctx, true);
        ctx.contentType("audio/wav");
        ctx.header("Content-Disposition", "attachment; filename=\"" + o.fileName() + "\"");
        ctx.header("Content-Length", String.valueOf(o.bytes()));
        try (InputStream in = Files.newInputStream(o.file())) {
            in.transferTo(ctx.outputStream());
        }
    }

    /**
     * {@code GET /api/recordings/{callId}/export}: the evidence zip. The headers are set only when
     * the first byte goes out, so a refusal found before copying is still a clean JSON error.
     */
    public void export(Context ctx) {
        String callId = ctx.pathParam("callId");
        OutputStream out = new OutputStream() {
            private OutputStream body;

            private OutputStream body() {
                if (body == null) {
                    ctx.contentType("application/zip");
                    ctx.header("Content-Disposition", "attachment; filename=\"recording-" + callId + ".zip\"");
                    body = ctx.outputStream();
                }
                return body;
            }

            @Override
            public void write(int b) throws IOException {
                body().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                body().write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                if (body != null) {
                    body.flush();
                }
            }
        };
        try {
            backend.export(callId, currentUser.apply(ctx), out);
        } catch (RecordingsException e) {
            throw problem(e);
        }
    }

    /** {@code POST /api/recordings/{callId}/hold}. */
    public void hold(Context ctx) {
        setHold(ctx, true);
    }

    /** {@code POST /api/recordings/{callId}/release}. */
    public void release(Context ctx) {
        setHold(ctx, false);
    }

    /** {@code GET /api/recordings/{callId}/access}: who did what with it. */
    public void accessLog(Context ctx) {
        try {
            ctx.json(backend.accessLog(ctx.pathParam("callId")).stream()
                    .map(a -> new AccessView(text(a.at()), a.user(), a.action(), a.detail())).toList());
        } catch (RecordingsException e) {
            throw problem(e);
        }
    }

    private void setHold(Context ctx, boolean hold) {
        String callId = ctx.pathParam("callId");
        try {
            backend.setLegalHold(callId, currentUser.apply(ctx), hold);
            ctx.json(Map.of("callId", callId, "legalHold", hold));
        } catch (RecordingsException e) {
            throw problem(e);
        }
    }

    private Opened open(Context ctx, boolean download) {
        try {
            return backend.open(ctx.pathParam("callId"), currentUser.apply(ctx), download);
        } catch (RecordingsException e) {
            throw problem(e);
        }
    }

    private static LocalDate date(Context ctx, String name, LocalDate fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw HttpProblem.of(400, "recordings.error.date", name);
        }
    }

    private static String text(java.time.Instant t) {
        return t == null ? null : t.toString();
    }

    /** The one place where a refusal becomes an answer: its status, and its code rendered in the user's language. */
    static HttpProblem problem(RecordingsException e) {
        int status = switch (e.reason()) {
            case BAD_CALL_ID -> 400;
            case NOT_FOUND -> 404;
            case REFUSED -> 409;
            case STORAGE -> 500;
        };
        return HttpProblem.of(status, e.key(), e.args());
    }
}
