package io.branchbox.admin.prompts;

import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.http.Paging;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The prompts API: list a set, upload a WAV file as a prompt, listen to a prompt (as 16-bit PCM
 * for the browser's {@code <audio>}), delete a site's own prompt.
 *
 * <p>Uploads are the one request body of the admin larger than a form: the WAV file itself is
 * the body (any content type but multipart), up to {@link #MAX_UPLOAD_BYTES}, refused with 413
 * from the declared length before anything is read, or while reading a body without one. Role
 * checks, login and CSRF are done before these run, by the route table's access rules.
 * {@link PromptsException} becomes an {@link HttpProblem} in one place, {@link #problem}.
 * Threading: Jetty worker threads, concurrently; an upload blocks its thread for the conversion.
 */
public final class PromptHandlers {
    /** Largest upload: about two minutes of 48 kHz 24-bit stereo, or ten of 16 kHz mono. */
    public static final int MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
    /** Paths whose handlers enforce their own body limit, above the admin's form-sized one. */
    public static final String UPLOAD_PREFIX = "/api/prompts/";

    private final PromptsBackend backend;
    private final Function<Context, String> currentUser;

    /** @param currentUser the logged-in user's name of a request (the route table's principal) */
    public PromptHandlers(PromptsBackend backend, Function<Context, String> currentUser) {
        this.backend = backend;
        this.currentUser = currentUser;
    }

    /** {@code GET /api/prompts?set=}: the set's prompts (the active set when none is named) and every set. */
    public void list(Context ctx) {
        String set = ctx.queryParam("set");
        Paging paging = Paging.of(ctx);
        try {
            String shown = set == null || set.isBlank() ? backend.activeSet() : set.strip();
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("set", shown);
            about.put("activeSet", backend.activeSet());
            about.put("sets", backend.sets());
            ctx.json(paging.of(backend.list(shown)).and(about));
        } catch (PromptsException e) {
            throw problem(e);
        }
    }

    /** {@code POST /api/prompts/{set}/{name}} with the WAV file as the body. */
    public void upload(Context ctx) {
        String type = ctx.contentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw HttpProblem.of(415, "prompts.error.sendWav");
        }
        if (ctx.req().getContentLengthLong() > MAX_UPLOAD_BYTES) {
            throw tooLarge();
        }
        byte[] wav;
        try (InputStream in = ctx.req().getInputStream()) {
            wav = in.readNBytes(MAX_UPLOAD_BYTES + 1);
        } catch (IOException e) {
            throw HttpProblem.of(400, "prompts.error.unreadable");
        }
        if (wav.length > MAX_UPLOAD_BYTES) {
            throw tooLarge();
        }
        if (wav.length == 0) {
            throw HttpProblem.of(400, "prompts.error.emptyBody");
        }
        try {
            PromptsBackend.Saved saved = backend.upload(ctx.pathParam("set"), ctx.pathParam("name"), wav,
                    currentUser.apply(ctx));
            ctx.json(saved);
        } catch (PromptsException e) {
            throw problem(e);
        }
    }

    /** {@code GET /api/prompts/{set}/{name}.wav}: what callers of the set hear, as PCM WAV. */
    public void listen(Context ctx) {
        try {
            byte[] alaw = backend.alaw(ctx.pathParam("set"), ctx.pathParam("name"));
            ctx.contentType("audio/wav").result(PromptPcmWav.of(alaw));
        } catch (PromptsException e) {
            throw problem(e);
        }
    }

    /** {@code DELETE /api/prompts/{set}/{name}}. */
    public void delete(Context ctx) {
        String set = ctx.pathParam("set");
        String name = ctx.pathParam("name");
        try {
            backend.delete(set, name, currentUser.apply(ctx));
            ctx.json(Map.of("set", set, "name", name, "deleted", true));
        } catch (PromptsException e) {
            throw problem(e);
        }
    }

    /** {@code POST /api/prompts/{set}/{name}/record?seat=N}: the agent at seat N records the prompt by phone. */
    public void recordByPhone(Context ctx) {
        String set = ctx.pathParam("set");
        String name = ctx.pathParam("name");
        int seat = seat(ctx.queryParam("seat"));
        try {
            backend.recordByPhone(set, name, seat, currentUser.apply(ctx));
            ctx.json(Map.of("set", set, "name", name, "seat", seat, "recording", true));
        } catch (PromptsException e) {
            throw problem(e);
        }
    }

    /** {@code POST /api/prompt-recording/{seat}/stop}: ends a recording by phone and saves it. */
    public void stopRecording(Context ctx) {
        int seat = seat(ctx.pathParam("seat"));
        try {
            long ms = backend.stopRecording(seat, currentUser.apply(ctx));
            ctx.json(Map.of("seat", seat, "durationMs", ms));
        } catch (PromptsException e) {
            throw problem(e);
        }
    }

    private static int seat(String v) {
        if (v == null || !v.matches("[0-9]{1,2}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 16) {
            throw HttpProblem.of(400, "prompts.error.seat");
        }
        return Integer.parseInt(v);
    }

    private static HttpProblem tooLarge() {
        return HttpProblem.of(413, "prompts.error.tooLarge", MAX_UPLOAD_BYTES / (1024 * 1024));
    }

    /** The one place where a refusal becomes an answer: its status, and its code rendered in the user's language. */
    static HttpProblem problem(PromptsException e) {
        int status = switch (e.reason()) {
            case BAD_NAME, BAD_AUDIO -> 400;
            case NOT_FOUND -> 404;
            case READ_ONLY, BUSY -> 409;
            case STORAGE -> 500;
            case UNAVAILABLE -> 503;
        };
        return HttpProblem.of(status, e.key(), e.args());
    }
}
