package io.branchbox.admin.http;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * The "search by caller number" parameter ({@code ?caller=}) of the recordings and calls lists,
 * read in one place so both accept and refuse the same: digits, '*' and '#', 1 to 32 of them,
 * matched anywhere in the calling number. Anything else is a 400 {@code core.error.caller}, never
 * silently dropped (a '%' would otherwise become a wildcard in SQL). Stateless; any thread.
 */
public final class CallerQuery {
    private CallerQuery() {}

    /** The digits to look for, empty when the request asks for every caller. */
    public static Optional<String> of(Context ctx) {
        String caller = ctx.queryParam("caller");
        caller = caller == null ? "" : caller.strip();
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        if (!caller.matches("[0-9*#]{1,32}")) {
            throw HttpProblem.badRequest("core.error.caller");
        }
        return Optional.of(caller);
    }
}
