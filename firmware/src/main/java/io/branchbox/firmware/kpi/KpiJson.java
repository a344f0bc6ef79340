package io.branchbox.firmware.kpi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The one JSON shape of counts and report rows, shared by the {@code report} command, the web
 * page's API, the roll-up files and the MQTT figures: KPI values under their keys (null: no data),
 * {@code counts} with every count behind them, and the two breakdowns. Thread-safe (stateless).
 */
public final class KpiJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private KpiJson() {}

    /** Every stored and derived count by key, plus {@code notReadyByReason} and {@code failedByCause}. */
    public static ObjectNode counts(Counts c) {
        ObjectNode n = MAPPER.createObjectNode();
        for (Count k : Count.values()) {
            n.put(k.key(), c.get(k));
        }
        ObjectNode nr = n.putObject("notReadyByReason");
        c.notReadyByReason().forEach(nr::put);
        ObjectNode f = n.putObject("failedByCause");
        c.failedByCause().forEach(f::put);
        return n;
    }

    /** Counts read back from {@link #counts}; unknown keys are ignored, derived ones recomputed. */
    public static Counts counts(JsonNode n) {
        Counts c = new Counts();
        for (Count k : Count.values()) {
            if (!k.derived() && n.has(k.key())) {
                c.restore(k, n.get(k.key()).asLong());
            }
        }
        for (Map.Entry<String, JsonNode> e : n.path("notReadyByReason").properties()) {
            c.restoreNotReady(e.getKey(), e.getValue().asLong());
        }
        for (Map.Entry<String, JsonNode> e : n.path("failedByCause").properties()) {
            c.restoreFailed(e.getKey(), e.getValue().asLong());
        }
        return c;
    }

    /**
     * One report row: {@code period}, {@code from}, {@code to}, {@code by}, {@code group}, every
     * applying KPI by key (a number rounded to 0.1, or null for no data), {@code status} per KPI
     * (MET, MISSED, NO_TARGET, NO_DATA), {@code targets}, and {@code counts}.
     */
    public static ObjectNode row(KpiRow r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("period", r.period());
        n.put("from", r.from().toString());
        n.put("to", r.to().toString());
        n.put("by", r.group().by().key());
        n.put("group", r.group().name());
        ObjectNode status = MAPPER.createObjectNode();
        ObjectNode targets = MAPPER.createObjectNode();
        for (KpiValue v : r.values()) {
            if (v.value() == null) {
                n.putNull(v.kpi().key());
            } else {
                n.put(v.kpi().key(), v.rounded());
            }
            status.put(v.kpi().key(), v.status().name());
            if (!Double.isNaN(v.target())) {
                targets.put(v.kpi().key(), v.target());
            }
        }
        n.set("status", status);
        n.set("targets", targets);
        n.set("counts", counts(r.counts()));
        return n;
    }
}
