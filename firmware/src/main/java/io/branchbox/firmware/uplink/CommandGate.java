package io.branchbox.firmware.uplink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a message on the command topic is a command the box may carry out: well-formed,
 * addressed to this box, signed with this box's key, fresh, and not seen before.
 *
 * <p>Checks, in this order, each with its rejection reason: size and JSON shape
 * ({@code malformed}); {@code site} and {@code box} are this box's ({@code wrong-target});
 * HMAC ({@code bad-hmac}); {@code ts} within {@code maxAge} of the box clock and not before this
 * gate was made, i.e. before the uplink started ({@code stale}); {@code id} not accepted
 * before ({@code replay}). Ids are remembered for as long as their command could still pass the
 * age check, so memory is bounded by the commands of one {@code maxAge}; the start-time rule
 * stops a restart from reopening the replay window.
 *
 * <p>Not thread-safe; used on the uplink's scheduler thread.
 */
final class CommandGate {

    /** Name of the command schema; carried in every command as {@code schema}. */
    static final String SCHEMA = "branchbox.command/1";

    /** Largest command accepted; real ones are a few hundred bytes. */
    static final int MAX_BYTES = 16 * 1024;

    /** Remembered ids at most; more fresh commands than this within maxAge are refused. */
    static final int MAX_REMEMBERED = 4096;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MEMBERS = Set.of("schema", "id", "site", "box", "ts", "cmd", "args", "hmac");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern CMD = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** The outcome for one message. */
    sealed interface Verdict {}

    /** Passed every check. */
    record Accepted(Command command) implements Verdict {}

    /**
     * Refused. {@code id} and {@code cmd} are what the message claimed (empty if unreadable),
     * not verified unless the reason is {@code stale} or {@code replay}.
     */
    record Rejected(String id, String cmd, String reason, String detail) implements Verdict {}

    private final String site;
    private final String box;
    private final Secret key;
    private final Duration maxAge;
    private final Clock clock;
    private final Instant notBefore;
    private final Map<String, Instant> seen = new HashMap<>();

    CommandGate(String site, String box, Secret key, Duration maxAge, Clock clock) {
        this.site = site;
        this.box = box;
        this.key = key;
        this.maxAge = maxAge;
        this.clock = clock;
        this.notBefore = clock.instant();
    }

    Verdict check(byte[] payload) {
        if (payload.length > MAX_BYTES) {
            return new Rejected("", "", "malformed", "larger than " + MAX_BYTES + " bytes");
        }
        ObjectNode o;
        try {
            JsonNode n = JSON.readTree(payload);
            if (n == null || !n.isObject()) {
                return new Rejected("", "", "malformed", "not a JSON object");
            }
            o = (ObjectNode) n;
        } catch (JsonProcessingException e) {
            return new Rejected("", "", "malformed", "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new Rejected("", "", "malformed", "unreadable: " + e.getMessage());
        }
        String id = text(o, "id");
        String cmd = text(o, "cmd");
        String shape = shapeError(o, id, cmd);
        if (shape != null) {
            return new Rejected(id, cmd, "malformed", shape);
        }
        if (!site.equals(text(o, "site")) || !box.equals(text(o, "box"))) {
            return new Rejected(id, cmd, "wrong-target", "addressed to " + text(o, "site") + "/" + text(o, "box"));
        }
        try {
            if (!CommandSigner.verify(key, o, text(o, "hmac"))) {
                return new Rejected(id, cmd, "bad-hmac", "HMAC does not match this box's key");
            }
        } catch (IllegalArgumentException unsignable) {
            return new Rejected(id, cmd, "malformed", unsignable.getMessage());
        }
        Instant ts = Instant.parse(text(o, "ts"));
        Instant now = clock.instant();
        forgetOlderThan(now.minus(maxAge));
        if (Duration.between(ts, now).abs().compareTo(maxAge) > 0) {
            return new Rejected(id, cmd, "stale", "ts " + ts + " is more than " + maxAge.toSeconds() + " s from box time " + now);
        }
        if (ts.isBefore(notBefore)) {
            return new Rejected(id, cmd, "stale", "made before the uplink started at " + notBefore);
        }
        if (seen.containsKey(id)) {
            return new Rejected(id, cmd, "replay", "id already used");
        }
        if (seen.size() >= MAX_REMEMBERED) {
            return new Rejected(id, cmd, "busy", "more than " + MAX_REMEMBERED + " commands within " + maxAge);
        }
        seen.put(id, ts);
        return new Accepted(new Command(id, ts, cmd, (ObjectNode) o.get("args")));
    }

    /** Ids remembered now (tests). */
    int remembered() {
        return seen.size();
    }

    private void forgetOlderThan(Instant limit) {
        seen.values().removeIf(ts -> ts.isBefore(limit));
    }

    private static String shapeError(ObjectNode o, String id, String cmd) {
        for (var it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!MEMBERS.contains(name)) {
                return "unknown member '" + name + "'";
            }
        }
        if (!SCHEMA.equals(text(o, "schema"))) {
            return "schema must be " + SCHEMA;
        }
        if (!ID.matcher(id).matches()) {
            return "id must be 1..64 of [A-Za-z0-9._:-]";
        }
        if (!CMD.matcher(cmd).matches()) {
            return "cmd must be a lower-case name";
        }
        JsonNode args = o.get("args");
        if (args == null || !args.isObject()) {
            return "args must be an object";
        }
        if (!o.path("hmac").isTextual()) {
            return "hmac missing";
        }
        try {
            Instant.parse(text(o, "ts"));
        } catch (DateTimeParseException e) {
            return "ts must be an ISO-8601 UTC time";
        }
        return null;
    }

    private static String text(ObjectNode o, String member) {
        JsonNode n = o.get(member);
        return n != null && n.isTextual() ? n.textValue() : "";
    }
}
