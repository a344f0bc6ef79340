package io.branchbox.firmware.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns messages on the command topic into actions and replies: {@link CommandGate} decides,
 * then {@code health} publishes a health snapshot at once, {@code capture} and {@code config} go
 * to the {@link CommandHandler}. Every message, accepted or rejected, is logged with its id,
 * command, outcome and reason (never the HMAC or the key).
 *
 * <p>Replies to rejected messages are limited to {@link #REJECTION_REPLIES_PER_MINUTE}, so that
 * whoever can publish junk on the command topic cannot make the box publish without bound; the
 * broker's ACL should keep such publishers out in the first place.
 *
 * <p>Not thread-safe; used on the uplink's scheduler thread.
 */
final class UplinkCommands {

    static final int REJECTION_REPLIES_PER_MINUTE = 20;

    private static final Logger log = LoggerFactory.getLogger(UplinkCommands.class);

    /** Publishes a health snapshot now, outside the outbox; returns its message id. */
    @FunctionalInterface
    interface HealthNow {
        long publish() throws UplinkException;
    }

    /** What to answer on {@code cmd-reply}. */
    record Reply(String commandId, String cmd, String status, String reason, Map<String, ?> result) {}

    private final CommandGate gate;
    private final CommandHandler handler;
    private final HealthNow health;
    private final Clock clock;
    private long windowMinute = Long.MIN_VALUE;
    private int rejectionReplies;
    // written on the scheduler thread only, read from any
    private volatile long accepted;
    private volatile long rejected;

    UplinkCommands(CommandGate gate, CommandHandler handler, HealthNow health, Clock clock) {
        this.gate = gate;
        this.handler = handler;
        this.health = health;
        this.clock = clock;
    }

    /** Handles one message; the reply to publish, or null when a rejection reply is suppressed. */
    Reply handle(String topic, byte[] payload) {
        return switch (gate.check(payload)) {
            case CommandGate.Rejected r -> reject(topic, r);
            case CommandGate.Accepted a -> carryOut(topic, a.command());
        };
    }

    /** Commands that passed the gate since start; any thread. */
    long accepted() {
        return accepted;
    }

    /** Messages on the command topic that were refused since start; any thread. */
    long rejected() {
        return rejected;
    }

    private Reply reject(String topic, CommandGate.Rejected r) {
        rejected++;
        log.warn("Command rejected: id '{}' cmd '{}' on {}: {} ({})", printable(r.id()), printable(r.cmd()),
                printable(topic), r.reason(), printable(r.detail()));
        long minute = clock.millis() / 60_000;
        if (minute != windowMinute) {
            windowMinute = minute;
            rejectionReplies = 0;
        }
        if (++rejectionReplies > REJECTION_REPLIES_PER_MINUTE) {
            return null;
        }
        return new Reply(r.id(), r.cmd(), "rejected", r.reason(), Map.of("detail", r.detail()));
    }

    private Reply carryOut(String topic, Command c) {
        accepted++;
        Reply reply;
        try {
            reply = switch (c.cmd()) {
                case "health" -> ok(c, Map.of("healthId", health.publish()));
                case "capture" -> ok(c, capture(c));
                case "config" -> ok(c, Map.of("config", handler.configuration()));
                case "update" -> ok(c, handler.update(updateUrl(c)));
                default -> new Reply(c.id(), c.cmd(), "rejected", "unknown-command",
                        Map.of("detail", "known commands: health, capture, config, update"));
            };
        } catch (UplinkException | IllegalArgumentException e) {
            reply = new Reply(c.id(), c.cmd(), "failed", "failed", Map.of("detail", String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            log.error("Command handler failed on {} {}", c.id(), c.cmd(), e);
            reply = new Reply(c.id(), c.cmd(), "failed", "failed", Map.of("detail", e.toString()));
        }
        log.info("Command accepted: id '{}' cmd '{}' args {} on {} made {}: {} ({})", c.id(), c.cmd(), c.args(),
                printable(topic), c.ts(), reply.status(), reply.reason());
        return reply;
    }

    private Map<String, ?> capture(Command c) throws UplinkException {
        JsonNode action = c.args().path("action");
        JsonNode span = c.args().path("span");
        if (!action.isTextual() || !span.canConvertToInt()) {
            throw new IllegalArgumentException("capture needs args {\"action\": \"start\"|\"stop\", \"span\": n}");
        }
        CommandHandler.CaptureAction a;
        try {
            a = CommandHandler.CaptureAction.valueOf(action.textValue().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("capture action must be start or stop: " + action.textValue(), e);
        }
        CommandHandler.CaptureResult r = handler.capture(new CommandHandler.CaptureRequest(a, span.intValue()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("span", r.span());
        m.put("running", r.running());
        m.put("pcap", r.pcapPath());
        m.put("pcapBytes", r.pcapBytes());
        return m;
    }

    /** The package's address: {@code {"url": "https://…/branchbox-1.2.0.bbu"}}; the package itself is signed. */
    private static java.net.URI updateUrl(Command c) {
        JsonNode url = c.args().path("url");
        if (!url.isTextual() || !url.textValue().matches("(?i)https?://\\S{1,2000}")) {
            throw new IllegalArgumentException("update needs args {\"url\": \"https://…/package.bbu\"}");
        }
        try {
            return new java.net.URI(url.textValue());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("update url is not a URL: " + e.getMessage(), e);
        }
    }

    private static Reply ok(Command c, Map<String, ?> result) {
        return new Reply(c.id(), c.cmd(), "ok", "accepted", result);
    }

    /** Unverified text from the network goes into the log: no line breaks, bounded length. */
    static String printable(String s) {
        String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 120 ? clean.substring(0, 120) + "..." : clean;
    }
}
