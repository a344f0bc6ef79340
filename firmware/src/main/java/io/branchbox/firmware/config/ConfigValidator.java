package io.branchbox.firmware.config;

import io.branchbox.drivers.cb1.msg.Units;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@link BoxConfig} as a whole: every field in range, and the cross-references (an
 * agent's queue exists, no two agents on one seat, the IVR names existing queues, no pin used
 * twice) hold. Returns every problem at once so a technician fixes them in one pass.
 *
 * <p>Thread-safe and stateless.
 */
public final class ConfigValidator {
    /** Seats on the CB-1: one per headset port. */
    /** One seat per headset port of the board (the datasheet's count). */
    public static final int MAX_SEATS = Units.MAX_HEADSETS;

    public List<ConfigError> validate(BoxConfig c) {
        ConfigErrors e = new ConfigErrors();
        if (c.schema() != BoxConfig.SCHEMA) {
            e.add("schema", "schema", "this firmware reads schema " + BoxConfig.SCHEMA + ", the document is " + c.schema(),
                    BoxConfig.SCHEMA, c.schema());
        }
        e.require(c.site() != null, "site", "missing", "missing");
        if (c.site() != null) {
            e.identifier("site.siteId", c.site().siteId());
            e.identifier("site.boxId", c.site().boxId());
            try {
                ZoneId.of(String.valueOf(c.site().timezone()));
            } catch (DateTimeException ex) {
                e.add("site.timezone", "timezone", "unknown time zone '" + c.site().timezone() + "'", c.site().timezone());
            }
        }
        e.require(c.board() != null && notBlank(c.board().device()), "board.device", "required", "a device path is required");
        if (c.board() != null) {
            e.range("board.baud", c.board().baud(), 9600, 4_000_000);
        }
        checkPins(c.pins(), e);
        checkSpans(c.spans(), e);
        if (c.outbound() == null) {
            e.missing("outbound");
        } else {
            BoxConfig.Outbound o = c.outbound();
            Set<Integer> spans = new HashSet<>();
            c.spans().forEach(s -> spans.add(s.span()));
            for (int span : o.spanOrder()) {
                e.require(spans.contains(span), "outbound.spanOrder", "spanNotConfigured",
                        "span " + span + " is not configured", span);
            }
            e.require(o.spanOrder().stream().distinct().count() == o.spanOrder().size(), "outbound.spanOrder", "listedTwice",
                    "a span listed twice");
            e.require(List.of("HIGHEST_FIRST", "LOWEST_FIRST").contains(o.channelOrder()), "outbound.channelOrder",
                    "oneOf", "HIGHEST_FIRST or LOWEST_FIRST", "HIGHEST_FIRST, LOWEST_FIRST");
            e.require(List.of("PREFERRED", "EXCLUSIVE", "NETWORK_CHOOSES").contains(o.channelMode()), "outbound.channelMode",
                    "oneOf", "PREFERRED, EXCLUSIVE or NETWORK_CHOOSES", "PREFERRED, EXCLUSIVE, NETWORK_CHOOSES");
            e.range("outbound.maxAttempts", o.maxAttempts(), 1, 30);
            e.range("outbound.maxAttemptsPerSpan", o.maxAttemptsPerSpan(), 1, 30);
            e.range("outbound.deadlineS", o.deadlineS(), 5, 600);
        }
        Set<Integer> fxoPorts = new HashSet<>();
        for (int i = 0; i < c.fxo().size(); i++) {
            BoxConfig.FxoPort f = c.fxo().get(i);
            e.range("fxo[" + i + "].port", f.port(), 0, 7);
            e.require(fxoPorts.add(f.port()), "fxo[" + i + "].port", "fxoTwice",
                    "FXO port " + f.port() + " configured twice", f.port());
            e.range("fxo[" + i + "].ringsToAnswer", f.ringsToAnswer(), 1, 10);
            if (f.supervision() == null) {
                e.missing("fxo[" + i + "].supervision");
            } else {
                e.range("fxo[" + i + "].supervision.answerTimeoutS", f.supervision().answerTimeoutS(), 5, 120);
                e.range("fxo[" + i + "].supervision.disconnectToneMs", f.supervision().disconnectToneMs(), 500, 10_000);
            }
            e.require(f.callerId() != null, "fxo[" + i + "].callerId", "oneOf",
                    "NONE, FSK_BELL_202, FSK_V23 or DTMF", "NONE, FSK_BELL_202, FSK_V23, DTMF");
        }
        Set<String> queueNames = checkQueues(c.queues(), e);
        for (int i = 0; i < c.queues().size(); i++) {
            String to = c.queues().get(i).overflowQueue();
            e.require(to != null && (to.isEmpty() || queueNames.contains(to) && !to.equals(c.queues().get(i).name())),
                    "queues[" + i + "].overflowQueue", "overflowTarget",
                    "another queue's name, or \"\" for none");
        }
        checkAgents(c.agents(), queueNames, e);
        CallCenterChecks.check(c, queueNames, e);
        KpiChecks.check(c.kpi(), e);
        QaChecks.check(c, e);
        WorkOrderChecks.check(c, e);
        if (c.ivr() == null) {
            e.missing("ivr");
        } else {
            e.require(queueNames.contains(c.ivr().defaultQueue()), "ivr.defaultQueue",
                    "noQueue", "no queue named '" + c.ivr().defaultQueue() + "'", c.ivr().defaultQueue());
            e.require(notBlank(c.ivr().greetingPrompt()), "ivr.greetingPrompt", "promptName",
                    "a prompt name is required");
            e.require(c.ivr().surveyPrompt() != null, "ivr.surveyPrompt", "surveyPrompt",
                    "a prompt name, or \"\" for no survey");
            c.ivr().numberToQueue().forEach((number, queue) -> {
                e.require(number.matches("[0-9*#]{1,32}"), "ivr.numberToQueue." + number, "dialledNumber",
                        "not a dialled number");
                e.require(queueNames.contains(queue), "ivr.numberToQueue." + number, "noQueue",
                        "no queue named '" + queue + "'", queue);
            });
        }
        if (c.recording() == null) {
            e.missing("recording");
        } else {
            e.require(notBlank(c.recording().directory()), "recording.directory", "required", "required");
            e.range("recording.retentionDays", c.recording().retentionDays(), 1, 3650);
            e.range("recording.diskReserveMiB", c.recording().diskReserveMiB(), 0, BoxConfig.Recording.MAX_DISK_RESERVE_MIB);
        }
        if (c.uplink() != null && c.uplink().enabled()) {
            String uri = String.valueOf(c.uplink().serverUri());
            e.require(uri.startsWith("tcp://") || uri.startsWith("ssl://"), "uplink.serverUri",
                    "uriScheme", "must start with tcp:// or ssl://");
            e.require(notBlank(c.uplink().topicPrefix()), "uplink.topicPrefix", "required", "required");
            e.range("uplink.healthIntervalS", c.uplink().healthIntervalS(), 5, 3600);
            e.range("uplink.figuresIntervalS", c.uplink().figuresIntervalS(), 60, 86_400);
            e.require(c.uplink().protocol() != null, "uplink.protocol", "oneOf", "MQTT_5 or MQTT_3_1_1",
                    "MQTT_5, MQTT_3_1_1");
            e.require(c.uplink().clientCertFile().isEmpty() == c.uplink().clientKeyFile().isEmpty(),
                    "uplink.clientKeyFile", "certKeyPair",
                    "a client certificate and its key go together");
        }
        if (c.web() == null) {
            e.missing("web");
        } else {
            e.range("web.port", c.web().port(), 0, 65535);
            checkHttps(c.web(), e);
        }
        checkAppliance(c.appliance(), e);
        return e.list;
    }

    private static void checkHttps(BoxConfig.Web w, ConfigErrors e) {
        BoxConfig.Https h = w.https();
        if (h == null) {
            e.missing("web.https");
            return;
        }
        e.range("web.https.port", h.port(), 0, 65535);
        e.require(!h.enabled() || h.port() == 0 || h.port() != w.port(), "web.https.port", "samePort",
                "HTTPS needs a port of its own, not the HTTP port " + w.port(), w.port());
        e.require(h.certificate() != null, "web.https.certificate", "oneOf", "must be one of BOX, UPLOADED", "BOX, UPLOADED");
    }

    private static void checkAppliance(BoxConfig.Appliance a, ConfigErrors e) {
        if (a == null || a.backup() == null) {
            e.missing("appliance.backup");
            return;
        }
        e.range("appliance.backup.hour", a.backup().hour(), 0, 23);
        e.range("appliance.backup.keep", a.backup().keep(), 1, 365);
        e.require(notBlank(a.backup().directory()), "appliance.backup.directory", "backupDirectory",
                "a directory (relative to the data directory, or absolute: a mounted USB disk)");
        for (int i = 0; i < a.provisioningDirs().size(); i++) {
            e.require(a.provisioningDirs().get(i).startsWith("/"), "appliance.provisioningDirs[" + i + "]",
                    "absoluteDirectory", "an absolute directory, e.g. /boot/branchbox");
        }
    }

    private static void checkPins(BoxConfig.Pins p, ConfigErrors e) {
        if (p == null) {
            e.missing("pins");
            return;
        }
        Set<Integer> used = new HashSet<>();
        int[] pins = {p.boardReset(), p.boardPresent(), p.pwrLed(), p.trunkLed(), p.uplinkLed(), p.recLed(), p.factoryButton()};
        String[] names = {"boardReset", "boardPresent", "pwrLed", "trunkLed", "uplinkLed", "recLed", "factoryButton"};
        for (int i = 0; i < pins.length; i++) {
            e.range("pins." + names[i], pins[i], 0, 27);
            e.require(used.add(pins[i]), "pins." + names[i], "gpioTwice", "GPIO" + pins[i] + " is used twice",
                    pins[i]);
        }
        for (int i = 0; i < p.seatExpanders().size(); i++) {
            BoxConfig.SeatExpander x = p.seatExpanders().get(i);
            e.range("pins.seatExpanders[" + i + "].address", x.address(), 0x20, 0x27);
            e.require(used.add(x.intPin()), "pins.seatExpanders[" + i + "].intPin", "gpioTwice",
                    "GPIO" + x.intPin() + " is used twice", x.intPin());
        }
    }

    private static void checkSpans(List<BoxConfig.Span> spans, ConfigErrors e) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < spans.size(); i++) {
            BoxConfig.Span s = spans.get(i);
            e.range("spans[" + i + "].span", s.span(), 0, 3);
            e.require(seen.add(s.span()), "spans[" + i + "].span", "spanTwice",
                    "span " + s.span() + " configured twice", s.span());
            e.require(s.framing() != null, "spans[" + i + "].framing", "oneOf", "CRC4 or NO_CRC4", "CRC4, NO_CRC4");
            e.require(s.clock() != null, "spans[" + i + "].clock", "oneOf", "LINE or INTERNAL", "LINE, INTERNAL");
            e.require(s.restartOnLinkUp() != null, "spans[" + i + "].restartOnLinkUp", "oneOf", "ALL_IDLE or NONE",
                    "ALL_IDLE, NONE");
            e.range("spans[" + i + "].t316S", s.t316S(), 2, 600);
        }
    }

    private static Set<String> checkQueues(List<BoxConfig.Queue> queues, ConfigErrors e) {
        Set<String> names = new HashSet<>();
        e.require(!queues.isEmpty(), "queues", "atLeastOneQueue", "at least one queue is required");
        for (int i = 0; i < queues.size(); i++) {
            BoxConfig.Queue q = queues.get(i);
            String at = "queues[" + i + "]";
            e.identifier(at + ".name", q.name());
            e.require(names.add(q.name()), at + ".name", "queueTwice",
                    "queue '" + q.name() + "' defined twice", q.name());
            e.require(q.strategy() != null, at + ".strategy", "oneOf",
                    "LONGEST_IDLE, ROUND_ROBIN or FEWEST_CALLS", "LONGEST_IDLE, ROUND_ROBIN, FEWEST_CALLS");
            e.require(q.overflow() != null, at + ".overflow", "oneOf",
                    "NONE, QUEUE, VOICEMAIL or CALLBACK", "NONE, QUEUE, VOICEMAIL, CALLBACK");
            e.range(at + ".offerTimeoutS", q.offerTimeoutS(), 3, 120);
            e.range(at + ".wrapUpS", q.wrapUpS(), 0, 600);
            e.range(at + ".maxWaitS", q.maxWaitS(), 10, 3600);
        }
        return names;
    }

    private static void checkAgents(List<BoxConfig.Agent> agents, Set<String> queues, ConfigErrors e) {
        Set<String> ids = new HashSet<>();
        Set<Integer> seats = new HashSet<>();
        for (int i = 0; i < agents.size(); i++) {
            BoxConfig.Agent a = agents.get(i);
            String at = "agents[" + i + "]";
            e.identifier(at + ".id", a.id());
            e.require(ids.add(a.id()), at + ".id", "agentTwice", "agent '" + a.id() + "' defined twice",
                    a.id());
            e.range(at + ".seat", a.seat(), 0, MAX_SEATS);
            e.require(a.seat() == 0 || seats.add(a.seat()), at + ".seat", "seatTwice",
                    "seat " + a.seat() + " is given to two agents", a.seat());
            for (String q : a.queues()) {
                e.require(queues.contains(q), at + ".queues", "noQueue", "no queue named '" + q + "'", q);
            }
        }
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
