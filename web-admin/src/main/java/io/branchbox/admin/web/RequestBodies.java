package io.branchbox.admin.web;

import io.branchbox.admin.http.HttpProblem;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads request bodies with a hard size limit and turns them into request records.
 *
 * <p>The limit holds also for chunked bodies without a Content-Length, which Javalin's own check
 * does not see. Every failure is an {@link HttpProblem} (413, 415 or 400) with a message that names
 * the problem but never echoes the body, since bodies carry passwords. Thread-safe.
 */
final class RequestBodies {
    private final ObjectMapper mapper;
    private final int maxBytes;

    RequestBodies(ObjectMapper mapper, int maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    /** Refuses a declared Content-Length over the limit before anything is read. */
    void checkDeclaredLength(Context ctx) {
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
    }

    /** Whether the body is an HTML form post (as opposed to JSON). */
    static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The body as JSON mapped to {@code type}; 415 unless sent as application/json. */
    <T> T json(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw HttpProblem.of(415, "core.error.jsonRequired");
        }
        byte[] body = read(ctx);
        if (body.length == 0) {
            throw HttpProblem.badRequest("core.error.bodyEmpty");
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw HttpProblem.badRequest("core.error.unknownField", e.getPropertyName());
        } catch (JacksonException e) {
            throw HttpProblem.badRequest("core.error.badShape");
        } catch (IOException e) {
            throw HttpProblem.badRequest("core.error.unreadable");
        }
        if (value == null) {
            // the document "null": no handler expects it (it was a NullPointerException, a 500)
            throw HttpProblem.badRequest("core.error.badShape");
        }
        return value;
    }

    /** The body as url-encoded form fields (last value wins). */
    Map<String, String> form(Context ctx) {
        String body = new String(read(ctx), StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        try {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.put(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("core.error.formEncoding");
        }
        return fields;
    }

    /** A required, non-blank text field. */
    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw HttpProblem.badRequest("core.error.fieldRequired", field);
        }
        return value;
    }

    private byte[] read(Context ctx) {
        checkDeclaredLength(ctx);
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw HttpProblem.badRequest("core.error.unreadable");
        }
    }

    private HttpProblem tooLarge() {
        return HttpProblem.of(413, "core.error.tooLarge", maxBytes);
    }
}
