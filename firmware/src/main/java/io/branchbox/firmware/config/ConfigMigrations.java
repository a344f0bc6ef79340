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
        fill3Qa(root);
        fill3WorkOrders(root);
        fill3Shifts(root);
        fill3PriRestart(root);
        fill3Appliance(root);
        fill3Kpi(root);
        fill3WebHttps(root);
        fill3FxoSupervision(root);
        fill3Storage(root);
        root.put("schema", 3);
    }

    /** Service figures: the factory service level (80 % in 20 s); shifts come from the one rota (fill3Qa). */
    private static void fill3Kpi(ObjectNode root) {
        if (!root.has("kpi")) {
            root.set("kpi", new ObjectMapper().valueToTree(ConfigDocuments.defaultKpi()));
        }
    }

    /**
     * Quality monitoring: the factory rota (morning, evening, night) when the document has no
     * shifts, and the brief's QA rules (5 %, 3 a shift, 20 a month, six months).
     */
    private static void fill3Qa(ObjectNode root) {
        ObjectMapper mapper = new ObjectMapper();
        if (!root.has("shifts")) {
            root.set("shifts", mapper.valueToTree(ConfigDocuments.defaultShifts()));
        }
        if (!root.has("qa")) {
            root.set("qa", mapper.valueToTree(ConfigDocuments.defaultQa()));
        }
    }

    /**
     * Work orders: the factory deadlines, no crews (their PINs are the site's to set), the
     * factory shift leads; no crew number or menu code, so no call reaches the crew IVR until a
     * technician sets one.
     */
    private static void fill3WorkOrders(ObjectNode root) {
        if (!root.has("workOrders")) {
            ObjectNode w = new ObjectMapper().valueToTree(ConfigDocuments.defaultWorkOrders());
            // a factory lead of a shift or an agent the site does not have would make the upgraded document invalid
            java.util.Set<String> agents = agentIds(root);
            java.util.Set<String> shifts = new java.util.HashSet<>();
            root.path("shifts").forEach(sh -> shifts.add(sh.path("id").asText()));
            com.fasterxml.jackson.databind.node.ArrayNode leads = w.putArray("leads");
            ConfigDocuments.defaultWorkOrders().leads().stream()
                    .filter(l -> agents.contains(l.agent()) && shifts.contains(l.shift()))
                    .forEach(l -> leads.addObject().put("shift", l.shift()).put("agent", l.agent()));
            root.set("workOrders", w);
        }
    }

    /**
     * Shifts (issue 17: weekdays, cover shifts, rotating leads): a shift of the document that lacks
     * them runs every day and on holidays as before, is a main shift, and keeps its standing lead; a
     * factory rotation naming agents the site does not have is dropped (the standing lead leads).
     */
    private static void fill3Shifts(ObjectNode root) {
        ObjectMapper mapper = new ObjectMapper();
        java.util.Set<String> agents = agentIds(root);
        for (JsonNode n : root.path("shifts")) {
            if (n instanceof ObjectNode shift) {
                if (!shift.has("days")) {
                    shift.set("days", mapper.valueToTree(BoxConfig.ShiftDays.values()));
                }
                if (!shift.has("cover")) {
                    shift.put("cover", false);
                }
                boolean known = true;
                for (JsonNode lead : shift.path("rotation").path("leads")) {
                    known &= agents.contains(lead.asText());
                }
                if (!shift.has("rotation") || !known) {
                    shift.set("rotation", mapper.valueToTree(BoxConfig.Rotation.NONE));
                }
            }
        }
    }

    private static java.util.Set<String> agentIds(ObjectNode root) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        root.path("agents").forEach(a -> ids.add(a.path("id").asText()));
        return ids;
    }

    /**
     * Schema 3 (issue 12, PRI at link-up): every span restarts its idle channels at link-up as
     * before ({@code ALL_IDLE}) with the standard T316. {@code recording.recordIvr} is left as the
     * document has it: schema 2 required the field, so every schema-2 document states it, and a
     * {@code false} there is the technician's (or the old factory's) explicit choice; only the
     * factory document of schema 3 records from the answer by default.
     */
    private static void fill3PriRestart(ObjectNode root) {
        for (JsonNode s : root.path("spans")) {
            if (s instanceof ObjectNode span) {
                if (!span.has("restartOnLinkUp")) {
                    span.put("restartOnLinkUp", "ALL_IDLE");
                }
                putIfAbsent(span, "t316S", BoxConfig.Span.DEFAULT_T316_S);
            }
        }
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

    /**
     * The web admin's HTTPS moved into the document: the factory settings for the document's web
     * port, which is what a schema-2 box did (HTTPS on web port + 363, HTTP redirecting, its own
     * certificate) unless started with {@code BOX_HTTPS=off}, which still forces it off.
     */
    private static void fill3WebHttps(ObjectNode root) {
        if (root.path("web") instanceof ObjectNode web && !web.has("https")) {
            BoxConfig.Https d = BoxConfig.Https.factory(web.path("port").asInt(8080));
            ObjectNode h = web.putObject("https");
            h.put("enabled", d.enabled());
            h.put("port", d.port());
            h.put("redirectHttp", d.redirectHttp());
            h.put("certificate", d.certificate().name());
        }
    }

    /** Analog line supervision: what the engine did before it was a setting (a Chinese exchange line). */
    private static void fill3FxoSupervision(ObjectNode root) {
        for (JsonNode f : root.path("fxo")) {
            if (f instanceof ObjectNode line && !line.has("supervision")) {
                BoxConfig.FxoSupervision d = BoxConfig.FxoSupervision.CHINA;
                ObjectNode s = line.putObject("supervision");
                s.put("polarityReversal", d.polarityReversal());
                s.put("answerTimeoutS", d.answerTimeoutS());
                s.put("disconnectToneMs", d.disconnectToneMs());
            }
        }
    }

    /** The disk reserve recordings may not use: the factory 256 MiB (before: only BOX_DISK_RESERVE_MIB). */
    private static void fill3Storage(ObjectNode root) {
        if (root.path("recording") instanceof ObjectNode recording && !recording.has("diskReserveMiB")) {
            recording.put("diskReserveMiB", BoxConfig.Recording.DEFAULT_DISK_RESERVE_MIB);
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
