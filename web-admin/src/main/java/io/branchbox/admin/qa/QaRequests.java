package io.branchbox.admin.qa;

import io.branchbox.admin.http.HttpProblem;
import io.branchbox.firmware.qa.QaException;
import io.branchbox.firmware.qa.QaService;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Supplier;

/**
 * What every {@code /api/qa/...} handler shares: the box's QA service once attached (503 until
 * then), the box's clock, turning a {@link QaException} into its HTTP status, and reading the
 * {@code month} and day parameters in the site's time zone. One instance per admin server, shared
 * by {@link QaHandlers}, {@link QaLiveHandlers} and {@link QaReportHandlers}.
 *
 * <p>Threading: Jetty's request threads; the service reference is volatile, the service itself
 * thread-safe.
 */
final class QaRequests {
    private final Clock clock;
    private volatile QaService qa;

    QaRequests(Clock clock) {
        this.clock = clock;
    }

    void attach(QaService service) {
        this.qa = service;
    }

    Clock clock() {
        return clock;
    }

    /** The QA service, or 503 while the box runs without one. */
    QaService service() {
        QaService s = qa;
        if (s == null) {
            throw new HttpProblem(503, "quality monitoring is not running");
        }
        return s;
    }

    /** Runs a service action, answering its {@link QaException} with the matching status. */
    static <T> T run(Supplier<T> action) {
        try {
            return action.get();
        } catch (QaException e) {
            throw problem(e);
        }
    }

    static HttpProblem problem(QaException e) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
        };
        return new HttpProblem(status, e.getMessage());
    }

    /** The {@code month} parameter, default this month in the site's zone. */
    YearMonth month(Context ctx) {
        String m = ctx.queryParam("month");
        return m == null || m.isBlank() ? YearMonth.now(clock.withZone(service().shifts().zone())) : parseMonth(m);
    }

    /** Today in the site's zone. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(service().shifts().zone()));
    }

    static YearMonth parseMonth(String m) {
        try {
            return YearMonth.parse(m.strip());
        } catch (DateTimeException e) {
            throw new HttpProblem(400, "'month' must be like 2026-12");
        }
    }

    /** The date parameter {@code name}, or {@code fallback} when absent; 400 when not a date. */
    static LocalDate day(Context ctx, String name, LocalDate fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeException e) {
            throw new HttpProblem(400, "'" + name + "' must be a date like 2026-12-07");
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
