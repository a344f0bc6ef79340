package io.branchbox.admin.web;

import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.spans.SpanAdmin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Technician routes for the E1 spans: the D-channel capture download and B-channel blocking.
 * Every act is logged with the technician's name.
 */
final class SpanHandlers {
    private static final Logger log = LoggerFactory.getLogger(SpanHandlers.class);
    private static final int D_CHANNEL = 16;
    /** What the box writes under captures/: span pcaps and FXO line recordings with their detections. */
    private static final java.util.regex.Pattern CAPTURE_NAME =
            java.util.regex.Pattern.compile("(span[0-3]|fxo[0-7])-\\d{8}-\\d{6}\\.(pcap|wav|jsonl)");

    private final SpanAdmin spans;

    SpanHandlers(SpanAdmin spans) {
        this.spans = spans;
    }

    void capture(Context ctx) throws IOException {
        int span = span(ctx);
        String name = "span" + span + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".pcap";
        log.info("{} downloads the D-channel capture of span {}", user(ctx), span);
        ctx.contentType("application/vnd.tcpdump.pcap");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        spans.writeCapture(span, ctx.outputStream());
    }

    void block(Context ctx) {
        int span = span(ctx);
        int ts = timeslot(ctx);
        String reason = ctx.queryParam("reason");
        String why = reason == null || reason.isBlank() ? "blocked by " + user(ctx) : reason.strip();
        if (why.length() > 200 || !why.matches("[\\p{L}\\p{N} .,:;_()/-]+")) {
            throw HttpProblem.badRequest("core.error.blockReason");
        }
        spans.block(span, ts, why);
        log.info("{} blocked span {} timeslot {}: {}", user(ctx), span, ts, why);
        ctx.json(Map.of("span", span, "timeslot", ts, "blocked", true));
    }

    void unblock(Context ctx) {
        int span = span(ctx);
        int ts = timeslot(ctx);
        spans.unblock(span, ts);
        log.info("{} returned span {} timeslot {} to service", user(ctx), span, ts);
        ctx.json(Map.of("span", span, "timeslot", ts, "blocked", false));
    }

    void captureLine(Context ctx) throws IOException {
        int port = number(ctx.pathParam("port"), "port");
        if (!spans.hasLine(port)) {
            throw HttpProblem.of(404, "core.error.noLine", port);
        }
        String s = ctx.queryParam("seconds");
        int seconds = s == null ? 60 : number(s, "seconds");
        if (seconds < 5 || seconds > 99) {
            throw HttpProblem.badRequest("core.error.captureSeconds");
        }
        String wav = spans.captureLine(port, seconds);
        log.info("{} captures FXO line {} for {} s: {}", user(ctx), port, seconds, wav);
        ctx.json(Map.of("wav", wav, "detections", wav.replace(".wav", ".jsonl"), "seconds", seconds));
    }

    void captureFile(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        if (!CAPTURE_NAME.matcher(name).matches()) {
            throw HttpProblem.badRequest("core.error.captureName");
        }
        log.info("{} downloads capture {}", user(ctx), name);
        ctx.contentType(name.endsWith(".wav") ? "audio/wav" : name.endsWith(".pcap") ? "application/vnd.tcpdump.pcap"
                : "application/x-ndjson");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        if (!spans.writeCaptureFile(name, ctx.outputStream())) {
            throw HttpProblem.of(404, "core.error.noCapture", name);
        }
    }

    private int span(Context ctx) {
        int span = number(ctx.pathParam("span"), "span");
        if (!spans.hasSpan(span)) {
            throw HttpProblem.of(404, "core.error.noSpan", span);
        }
        return span;
    }

    private static int timeslot(Context ctx) {
        int ts = number(ctx.pathParam("timeslot"), "timeslot");
        if (ts < 1 || ts > 31 || ts == D_CHANNEL) {
            throw HttpProblem.badRequest("core.error.timeslot");
        }
        return ts;
    }

    private static int number(String s, String what) {
        if (!s.matches("\\d{1,2}")) {
            throw HttpProblem.badRequest("core.error.smallNumber", what);
        }
        return Integer.parseInt(s);
    }

    private static String user(Context ctx) {
        return SecurityGuard.principal(ctx).user().username();
    }
}
