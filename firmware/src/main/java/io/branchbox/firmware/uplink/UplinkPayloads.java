package io.branchbox.firmware.uplink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON payloads of every uplink topic (schemas in {@code schemas/mqtt/} and
 * docs/MQTT.md). Each starts with the same envelope: {@code schema} (name/version, bumped on any
 * incompatible change), {@code id} (box-unique, increasing), {@code site}, {@code box} and
 * {@code ts}, the time the message was <em>made</em> (not sent; a report queued for two days keeps
 * its original time).
 *
 * <p>Stateless apart from the fixed site and box; thread-safe.
 */
public final class UplinkPayloads {

    public static final String STATUS_SCHEMA = "branchbox.status/1";
    public static final String BIRTH_SCHEMA = "branchbox.birth/1";
    public static final String HEALTH_SCHEMA = "branchbox.health/1";
    public static final String ALARM_SCHEMA = "branchbox.alarm/1";
    public static final String FIGURES_SCHEMA = "branchbox.figures/1";
    /** The KPIs of one local day (docs/KPIS.md), on the figures topic beside the interval figures. */
    public static final String DAY_FIGURES_SCHEMA = "branchbox.figures/2";
    public static final String COMMAND_REPLY_SCHEMA = "branchbox.cmd-reply/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String site;
    private final String box;

    public UplinkPayloads(String site, String box) {
        this.site = site;
        this.box = box;
    }

    /** {@code "online"} at connect, or the {@code "offline"} Will / clean-shutdown message. */
    public byte[] status(long id, Instant ts, boolean online, String reason) {
        Map<String, Object> m = envelope(STATUS_SCHEMA, id, ts);
        m.put("state", online ? "online" : "offline");
        m.put("reason", reason);
        return bytes(m);
    }

    /** Inventory at each connect, with the queue state the office should expect to drain. */
    public byte[] birth(long id, Instant ts, Map<String, ?> inventory, int queued, Map<Priority, Long> dropped) {
        Map<String, Object> m = envelope(BIRTH_SCHEMA, id, ts);
        m.put("inventory", inventory);
        Map<String, Object> outbox = new LinkedHashMap<>();
        outbox.put("queued", queued);
        outbox.put("dropped", byLeaf(dropped));
        m.put("outbox", outbox);
        return bytes(m);
    }

    public byte[] health(long id, Instant ts, Map<String, ?> metrics) {
        Map<String, Object> m = envelope(HEALTH_SCHEMA, id, ts);
        m.put("metrics", metrics);
        return bytes(m);
    }

    public byte[] alarm(long id, Instant ts, Alarm alarm) {
        Map<String, Object> m = envelope(ALARM_SCHEMA, id, ts);
        m.put("code", alarm.code());
        m.put("severity", alarm.severity().name().toLowerCase(Locale.ROOT));
        m.put("text", alarm.text());
        m.put("details", alarm.details());
        return bytes(m);
    }

    public byte[] figures(long id, Instant ts, Instant intervalStart, Instant intervalEnd, Map<String, ?> figures) {
        return figures(id, ts, intervalStart, intervalEnd, figures, null);
    }

    /**
     * The interval figures with, when {@code workOrders} is not null, the work orders' own nested
     * object {@code workOrders} (counts and late orders, {@code workorder.WorkOrderFigures}); an
     * optional field, so the schema version stays 1.
     */
    public byte[] figures(long id, Instant ts, Instant intervalStart, Instant intervalEnd, Map<String, ?> figures,
            Map<String, ?> workOrders) {
        Map<String, Object> m = envelope(FIGURES_SCHEMA, id, ts);
        m.put("intervalStart", iso(intervalStart));
        m.put("intervalEnd", iso(intervalEnd));
        m.put("figures", figures);
        if (workOrders != null) {
            m.put("workOrders", workOrders);
        }
        return bytes(m);
    }

    /**
     * One day's KPIs: {@code period} ({@code kind} "day", {@code key} the local date, {@code zone},
     * {@code closed}) and the report {@code rows} (JSON objects as the reports make them). Sent again
     * with the same key after a correction; the office keeps the highest id per key.
     */
    public byte[] dayFigures(long id, Instant ts, String day, String zone, boolean closed, List<?> rows) {
        Map<String, Object> m = envelope(DAY_FIGURES_SCHEMA, id, ts);
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("kind", "day");
        period.put("key", day);
        period.put("zone", zone);
        period.put("closed", closed);
        m.put("period", period);
        m.put("rows", rows);
        return bytes(m);
    }

    /**
     * The answer to a command: {@code command} is the office's id for it (empty if the message
     * was unreadable), {@code status} {@code ok}/{@code rejected}/{@code failed}.
     */
    public byte[] commandReply(long id, Instant ts, String command, String cmd, String status, String reason,
            Map<String, ?> result) {
        Map<String, Object> m = envelope(COMMAND_REPLY_SCHEMA, id, ts);
        m.put("command", command);
        m.put("cmd", cmd);
        m.put("status", status);
        m.put("reason", reason);
        m.put("result", result);
        return bytes(m);
    }

    private Map<String, Object> envelope(String schema, long id, Instant ts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", schema);
        m.put("id", id);
        m.put("site", site);
        m.put("box", box);
        m.put("ts", iso(ts));
        return m;
    }

    private static Map<String, Long> byLeaf(Map<Priority, Long> dropped) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Priority p : Priority.values()) {
            out.put(p.topicLeaf(), dropped.getOrDefault(p, 0L));
        }
        return out;
    }

    private static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static byte[] bytes(Map<String, Object> m) {
        try {
            return JSON.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload values must be JSON-simple: " + e.getOriginalMessage(), e);
        }
    }
}
