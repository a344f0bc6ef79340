package io.branchbox.firmware.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Upgrades documents written by older firmware to {@link BoxConfig#SCHEMA}, so a box keeps its
 * site's settings across a firmware update. Each step fills what the newer schema added with the
 * value that keeps the old behaviour; nothing a technician set is changed.
 *
 * <p>Schema 1 → 2 (call handling): agents get no skills; queues get overflow {@code QUEUE} when
 * they named an overflow queue (else {@code NONE}), no length limit, no skill, no announcements;
 * the IVR gets no menu, no priority callers and the default prompt set; {@code hours} is always
 * open and {@code console} takes the factory rules.
 *
 * <p>Schema 2 → 3 (branch operations, this release): each area that adds settings fills them in
 * its own step below, with the value that keeps the old behaviour unless an issue says the
 * factory default changes for existing boxes too.
 *
 * <p>Stateless and thread-safe. A document newer than this firmware is left alone (the validator
 * then names the schema it cannot read).
 */
final class ConfigMigrations {
    private ConfigMigrations() {}

    /** Whether {@code doc} is of an older schema that {@link #upgrade} knows. */
    static boolean needsUpgrade(JsonNode doc) {
        int schema = doc.path("schema").asInt(-1);
        return schema >= 1 && schema < BoxConfig.SCHEMA;
    }

    /** Upgrades {@code doc} in place and returns it. */
    static JsonNode upgrade(JsonNode doc, ObjectMapper mapper) {
        if (doc instanceof ObjectNode root) {
            if (root.path("schema").asInt(-1) == 1) {
                upgrade1to2(root, mapper);
            }
            if (root.path("schema").asInt(-1) == 2) {
                upgrade2to3(root);
            }
        }
        return doc;
    }

    /** Schema 2 → 3: one call per area that added settings in schema 3. */
    private static void upgrade2to3(ObjectNode root) {
        fill3Appliance(root);
        root.put("schema", 3);
    }

    /**
     * The appliance (backup schedule, first-boot provisioning directories): the factory values. A
     * daily backup without recordings is new behaviour on purpose: an updated box should have one.
     */
    private static void fill3Appliance(ObjectNode root) {
        if (!root.has("appliance")) {
            ObjectNode a = root.putObject("appliance");
            ObjectNode b = a.putObject("backup");
            BoxConfig.Backup d = ConfigDocuments.defaultAppliance().backup();
            b.put("enabled", d.enabled());
            b.put("hour", d.hour());
            b.put("keep", d.keep());
            b.put("directory", d.directory());
            b.put("recordings", d.recordings());
            var dirs = a.putArray("provisioningDirs");
            ConfigDocuments.defaultAppliance().provisioningDirs().forEach(dirs::add);
        }
    }

    private static void upgrade1to2(ObjectNode root, ObjectMapper mapper) {
        for (JsonNode a : root.path("agents")) {
            if (a instanceof ObjectNode agent && !agent.has("skills")) {
                agent.putObject("skills");
            }
        }
        for (JsonNode q : root.path("queues")) {
            if (q instanceof ObjectNode queue) {
                if (!queue.has("overflow")) {
                    boolean hasTarget = !queue.path("overflowQueue").asText("").isEmpty();
                    queue.put("overflow", hasTarget ? "QUEUE" : "NONE");
                }
                putIfAbsent(queue, "maxLength", 0);
                if (!queue.has("skill")) {
                    queue.put("skill", "");
                }
                putIfAbsent(queue, "widenEveryS", 0);
                putIfAbsent(queue, "announceEveryS", 0);
            }
        }
        if (root.path("ivr") instanceof ObjectNode ivr) {
            if (!ivr.has("entryMenu")) {
                ivr.put("entryMenu", "");
            }
            if (!ivr.has("menus")) {
                ivr.putArray("menus");
            }
            if (!ivr.has("priorityCallers")) {
                ivr.putObject("priorityCallers");
            }
            if (!ivr.has("promptSet")) {
                ivr.put("promptSet", "default");
            }
        }
        if (!root.has("hours")) {
            root.set("hours", mapper.valueToTree(ConfigDocuments.defaultHours()));
        }
        if (!root.has("console")) {
            root.set("console", mapper.valueToTree(ConfigDocuments.defaultConsole()));
        }
        root.put("schema", 2);
    }

    private static void putIfAbsent(ObjectNode n, String field, int value) {
        if (!n.has(field)) {
            n.put(field, value);
        }
    }
}
