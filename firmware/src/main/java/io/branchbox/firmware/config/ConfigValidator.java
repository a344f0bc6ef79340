package io.branchbox.firmware.config;

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
    public static final int MAX_SEATS = 16;

    public List<ConfigError> validate(BoxConfig c) {
        ConfigErrors e = new ConfigErrors();
        if (c.schema() != BoxConfig.SCHEMA) {
            e.add("schema", "this firmware reads schema " + BoxConfig.SCHEMA + ", the document is " + c.schema());
        }
        e.require(c.site() != null, "site", "missing");
        if (c.site() != null) {
            e.identifier("site.siteId", c.site().siteId());
            e.identifier("site.boxId", c.site().boxId());
            try {
                ZoneId.of(String.valueOf(c.site().timezone()));
            } catch (DateTimeException ex) {
                e.add("site.timezone", "unknown time zone '" + c.site().timezone() + "'");
            }
        }
        e.require(c.board() != null && notBlank(c.board().device()), "board.device", "a device path is required");
        if (c.board() != null) {
            e.range("board.baud", c.board().baud(), 9600, 4_000_000);
        }
        checkPins(c.pins(), e);
        checkSpans(c.spans(), e);
        if (c.outbound() == null) {
            e.add("outbound", "missing");
        } else {
            BoxConfig.Outbound o = c.outbound();
            Set<Integer> spans = new HashSet<>();
            c.spans().forEach(s -> spans.add(s.span()));
            for (int span : o.spanOrder()) {
                e.require(spans.contains(span), "outbound.spanOrder", "span " + span + " is not configured");
            }
            e.require(o.spanOrder().stream().distinct().count() == o.spanOrder().size(), "outbound.spanOrder", "a span listed twice");
            e.require(List.of("HIGHEST_FIRST", "LOWEST_FIRST").contains(o.channelOrder()), "outbound.channelOrder",
                    "HIGHEST_FIRST or LOWEST_FIRST");
            e.require(List.of("PREFERRED", "EXCLUSIVE", "NETWORK_CHOOSES").contains(o.channelMode()), "outbound.channelMode",
                    "PREFERRED, EXCLUSIVE or NETWORK_CHOOSES");
            e.range("outbound.maxAttempts", o.maxAttempts(), 1, 30);
            e.range("outbound.maxAttemptsPerSpan", o.maxAttemptsPerSpan(), 1, 30);
            e.range("outbound.deadlineS", o.deadlineS(), 5, 600);
        }
        Set<Integer> fxoPorts = new HashSet<>();
        for (int i = 0; i < c.fxo().size(); i++) {
            BoxConfig.FxoPort f = c.fxo().get(i);
            e.range("fxo[" + i + "].port", f.port(), 0, 7);
            e.require(fxoPorts.add(f.port()), "fxo[" + i + "].port", "FXO port " + f.port() + " configured twice");
            e.range("fxo[" + i + "].ringsToAnswer", f.ringsToAnswer(), 1, 10);
            e.require(f.callerId() != null, "fxo[" + i + "].callerId", "NONE, FSK_BELL_202, FSK_V23 or DTMF");
        }
        Set<String> queueNames = checkQueues(c.queues(), e);
        for (int i = 0; i < c.queues().size(); i++) {
            String to = c.queues().get(i).overflowQueue();
            e.require(to != null && (to.isEmpty() || queueNames.contains(to) && !to.equals(c.queues().get(i).name())),
                    "queues[" + i + "].overflowQueue", "another queue's name, or \"\" for none");
        }
        checkAgents(c.agents(), queueNames, e);
        CallCenterChecks.check(c, queueNames, e);
        QaChecks.check(c, e);
        if (c.ivr() == null) {
            e.add("ivr", "missing");
        } else {
            e.require(queueNames.contains(c.ivr().defaultQueue()), "ivr.defaultQueue",
                    "no queue named '" + c.ivr().defaultQueue() + "'");
            e.require(notBlank(c.ivr().greetingPrompt()), "ivr.greetingPrompt", "a prompt name is required");
            e.require(c.ivr().surveyPrompt() != null, "ivr.surveyPrompt", "a prompt name, or \"\" for no survey");
            c.ivr().numberToQueue().forEach((number, queue) -> {
                e.require(number.matches("[0-9*#]{1,32}"), "ivr.numberToQueue." + number, "not a dialled number");
                e.require(queueNames.contains(queue), "ivr.numberToQueue." + number, "no queue named '" + queue + "'");
            });
        }
        if (c.recording() == null) {
            e.add("recording", "missing");
        } else {
            e.require(notBlank(c.recording().directory()), "recording.directory", "required");
            e.range("recording.retentionDays", c.recording().retentionDays(), 1, 3650);
        }
        if (c.uplink() != null && c.uplink().enabled()) {
            String uri = String.valueOf(c.uplink().serverUri());
            e.require(uri.startsWith("tcp://") || uri.startsWith("ssl://"), "uplink.serverUri",
                    "must start with tcp:// or ssl://");
            e.require(notBlank(c.uplink().topicPrefix()), "uplink.topicPrefix", "required");
            e.range("uplink.healthIntervalS", c.uplink().healthIntervalS(), 5, 3600);
            e.range("uplink.figuresIntervalS", c.uplink().figuresIntervalS(), 60, 86_400);
            e.require(c.uplink().protocol() != null, "uplink.protocol", "MQTT_5 or MQTT_3_1_1");
            e.require(c.uplink().clientCertFile().isEmpty() == c.uplink().clientKeyFile().isEmpty(),
                    "uplink.clientKeyFile", "a client certificate and its key go together");
        }
        if (c.web() == null) {
            e.add("web", "missing");
        } else {
            e.range("web.port", c.web().port(), 0, 65535);
        }
        checkAppliance(c.appliance(), e);
        return e.list;
    }

    private static void checkAppliance(BoxConfig.Appliance a, ConfigErrors e) {
        if (a == null || a.backup() == null) {
            e.add("appliance.backup", "missing");
            return;
        }
        e.range("appliance.backup.hour", a.backup().hour(), 0, 23);
        e.range("appliance.backup.keep", a.backup().keep(), 1, 365);
        e.require(notBlank(a.backup().directory()), "appliance.backup.directory",
                "a directory (relative to the data directory, or absolute: a mounted USB disk)");
        for (int i = 0; i < a.provisioningDirs().size(); i++) {
            e.require(a.provisioningDirs().get(i).startsWith("/"), "appliance.provisioningDirs[" + i + "]",
                    "an absolute directory, e.g. /boot/branchbox");
        }
    }

    private static void checkPins(BoxConfig.Pins p, ConfigErrors e) {
        if (p == null) {
            e.add("pins", "missing");
            return;
        }
        Set<Integer> used = new HashSet<>();
        int[] pins = {p.boardReset(), p.boardPresent(), p.pwrLed(), p.trunkLed(), p.uplinkLed(), p.recLed(), p.factoryButton()};
        String[] names = {"boardReset", "boardPresent", "pwrLed", "trunkLed", "uplinkLed", "recLed", "factoryButton"};
        for (int i = 0; i < pins.length; i++) {
            e.range("pins." + names[i], pins[i], 0, 27);
            e.require(used.add(pins[i]), "pins." + names[i], "GPIO" + pins[i] + " is used twice");
        }
        for (int i = 0; i < p.seatExpanders().size(); i++) {
            BoxConfig.SeatExpander x = p.seatExpanders().get(i);
            e.range("pins.seatExpanders[" + i + "].address", x.address(), 0x20, 0x27);
            e.require(used.add(x.intPin()), "pins.seatExpanders[" + i + "].intPin", "GPIO" + x.intPin() + " is used twice");
        }
    }

    private static void checkSpans(List<BoxConfig.Span> spans, ConfigErrors e) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < spans.size(); i++) {
            BoxConfig.Span s = spans.get(i);
            e.range("spans[" + i + "].span", s.span(), 0, 3);
            e.require(seen.add(s.span()), "spans[" + i + "].span", "span " + s.span() + " configured twice");
            e.require(s.framing() != null, "spans[" + i + "].framing", "CRC4 or NO_CRC4");
            e.require(s.clock() != null, "spans[" + i + "].clock", "LINE or INTERNAL");
        }
    }

    private static Set<String> checkQueues(List<BoxConfig.Queue> queues, ConfigErrors e) {
        Set<String> names = new HashSet<>();
        e.require(!queues.isEmpty(), "queues", "at least one queue is required");
        for (int i = 0; i < queues.size(); i++) {
            BoxConfig.Queue q = queues.get(i);
            String at = "queues[" + i + "]";
            e.identifier(at + ".name", q.name());
            e.require(names.add(q.name()), at + ".name", "queue '" + q.name() + "' defined twice");
            e.require(q.strategy() != null, at + ".strategy", "LONGEST_IDLE, ROUND_ROBIN or FEWEST_CALLS");
            e.require(q.overflow() != null, at + ".overflow", "NONE, QUEUE, VOICEMAIL or CALLBACK");
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
            e.require(ids.add(a.id()), at + ".id", "agent '" + a.id() + "' defined twice");
            e.range(at + ".seat", a.seat(), 0, MAX_SEATS);
            e.require(a.seat() == 0 || seats.add(a.seat()), at + ".seat", "seat " + a.seat() + " is given to two agents");
            for (String q : a.queues()) {
                e.require(queues.contains(q), at + ".queues", "no queue named '" + q + "'");
            }
        }
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
