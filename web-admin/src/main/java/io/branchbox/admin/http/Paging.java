package io.branchbox.admin.http;

import io.javalin.http.Context;
import java.util.List;

/**
 * Which page of a list a request asks for ({@code ?offset=&limit=}), and the one envelope every
 * list route of the web admin answers with, {@link Page}: {@code {"items": [...], "total": 57,
 * "offset": 20, "limit": 20}}, which the pages' one paging component ({@code pager.js}) reads to
 * show "21–40 of 57".
 *
 * <p>Bad input is a 400 with {@code core.error.paging}, never a silent default: an offset or
 * limit that is not a whole number, a negative one, a limit of 0 or above {@link #MAX_LIMIT}.
 * An offset past the end gives an empty page with the true total (the component steps back).
 * Stateless; any thread.
 *
 * @param offset rows skipped, from 0
 * @param limit  most rows answered, 1..{@link #MAX_LIMIT}
 */
public record Paging(int offset, int limit) {
    /** Largest page any list answers. */
    public static final int MAX_LIMIT = 500;
    /** The page size of a list whose request names none. */
    public static final int DEFAULT_LIMIT = 50;

    public Paging {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw HttpProblem.badRequest("core.error.paging", MAX_LIMIT);
        }
    }

    /** The page a request asks for; {@link #DEFAULT_LIMIT} rows from the first without parameters. */
    public static Paging of(Context ctx) {
        return of(ctx, DEFAULT_LIMIT);
    }

    /** The page a request asks for, {@code defaultLimit} rows when it names no limit. */
    public static Paging of(Context ctx, int defaultLimit) {
        return new Paging(number(ctx.queryParam("offset"), 0), number(ctx.queryParam("limit"), defaultLimit));
    }

    /** This page of a list held whole (the list's own order is kept). */
    public <T> Page<T> of(List<T> all) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), all.size(), offset, limit);
    }

    /** A page a store already cut (e.g. with SQL's OFFSET/LIMIT), with the total of all matches. */
    public <T> Page<T> of(List<T> rows, long total) {
        return new Page<>(List.copyOf(rows), total, offset, limit);
    }

    private static int number(String v, int otherwise) {
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        if (!v.strip().matches("\\d{1,7}")) {
            throw HttpProblem.badRequest("core.error.paging", MAX_LIMIT);
        }
        return Integer.parseInt(v.strip());
    }

    /**
     * One page of a list as every list route answers it.
     *
     * @param items  the rows of this page, in the list's order
     * @param total  how many rows the whole list (or search) has
     */
    public record Page<T>(List<T> items, long total, int offset, int limit) {
        public Page {
            items = List.copyOf(items);
        }

        /**
         * The envelope with more fields beside it, for a list that comes with its context (e.g.
         * the revisions with the live revision): {@code {"items", "total", "offset", "limit", ...more}}.
         */
        public java.util.Map<String, Object> and(java.util.Map<String, ?> more) {
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("items", items);
            out.put("total", total);
            out.put("offset", offset);
            out.put("limit", limit);
            out.putAll(more);
            return out;
        }

        /** The same page with every row turned into its view. */
        public <R> Page<R> map(java.util.function.Function<? super T, ? extends R> f) {
            return new Page<>(items.stream().<R>map(f).toList(), total, offset, limit);
        }
    }
}
