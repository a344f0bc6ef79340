package io.branchbox.firmware.config;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of the call-handling sections: queue limits and skills, agents' skill levels, the IVR
 * menu tree (every step leads somewhere that exists), business hours and the console rules.
 * Part of {@link ConfigValidator}; stateless.
 */
final class CallCenterChecks {
    private static final String PROMPT = "[a-z0-9-]{1,40}";

    private CallCenterChecks() {}

    static void check(BoxConfig c, Set<String> queues, ConfigErrors e) {
        for (int i = 0; i < c.queues().size(); i++) {
            BoxConfig.Queue q = c.queues().get(i);
            String at = "queues[" + i + "]";
            e.range(at + ".maxLength", q.maxLength(), 0, 500);
            e.require(q.skill() != null && (q.skill().isEmpty() || q.skill().matches("[a-z0-9-]{1,32}")), at + ".skill",
                    "skillOrNone", "a skill name (a-z, 0-9, -) or \"\" for none");
            e.range(at + ".widenEveryS", q.widenEveryS(), 0, 3600);
            e.require(q.announceEveryS() == 0 || q.announceEveryS() >= 15 && q.announceEveryS() <= 600,
                    at + ".announceEveryS", "announce", "0 (never) or 15..600 seconds");
            e.require(q.overflow() != BoxConfig.Overflow.QUEUE || !q.overflowQueue().isEmpty(), at + ".overflowQueue",
                    "overflowQueueNeeded", "overflow QUEUE needs an overflow queue");
        }
        for (int i = 0; i < c.agents().size(); i++) {
            String at = "agents[" + i + "].skills";
            c.agents().get(i).skills().forEach((skill, level) -> {
                e.require(skill.matches("[a-z0-9-]{1,32}"), at + "." + skill, "skillName", "not a skill name");
                e.range(at + "." + skill, level, 1, 5);
            });
        }
        checkIvr(c.ivr(), queues, e);
        checkHours(c.hours(), queues, e);
        checkConsole(c.console(), e);
    }

    private static void checkIvr(BoxConfig.Ivr ivr, Set<String> queues, ConfigErrors e) {
        if (ivr == null) {
            return;
        }
        e.identifier("ivr.promptSet", ivr.promptSet());
        Set<String> menus = new HashSet<>();
        for (int i = 0; i < ivr.menus().size(); i++) {
            e.require(menus.add(ivr.menus().get(i).name()), "ivr.menus[" + i + "].name", "menuTwice",
                    "menu defined twice", ivr.menus().get(i).name());
        }
        e.require(ivr.entryMenu() != null && (ivr.entryMenu().isEmpty() || menus.contains(ivr.entryMenu())),
                "ivr.entryMenu", "entryMenu", "a menu's name, or \"\" for none");
        for (int i = 0; i < ivr.menus().size(); i++) {
            BoxConfig.Menu m = ivr.menus().get(i);
            String at = "ivr.menus[" + i + "]";
            e.identifier(at + ".name", m.name());
            e.require(m.prompt() != null && m.prompt().matches(PROMPT), at + ".prompt", "promptName", "a prompt name");
            e.require(m.invalidPrompt() != null && m.invalidPrompt().matches(PROMPT), at + ".invalidPrompt", "promptName", "a prompt name");
            e.range(at + ".timeoutS", m.timeoutS(), 1, 30);
            e.range(at + ".retries", m.retries(), 0, 5);
            for (Map.Entry<String, BoxConfig.Step> choice : m.choices().entrySet()) {
                e.require(choice.getKey().matches("[0-9*#]"), at + ".choices." + choice.getKey(), "choiceKey",
                        "one key: 0-9, * or #");
                checkStep(at + ".choices." + choice.getKey(), choice.getValue(), menus, queues, e);
            }
            checkStep(at + ".fallback", m.fallback(), menus, queues, e);
        }
        ivr.priorityCallers().forEach((number, priority) -> {
            e.require(number.matches("[0-9]{1,32}"), "ivr.priorityCallers." + number, "callerNumber",
                    "not a caller's number");
            e.range("ivr.priorityCallers." + number, priority, 1, 9);
        });
    }

    private static void checkStep(String at, BoxConfig.Step s, Set<String> menus, Set<String> queues, ConfigErrors e) {
        if (s == null || s.action() == null) {
            e.add(at, "stepAction", "a step needs an action: MENU, QUEUE, VOICEMAIL, CALLBACK, FORWARD or HANGUP");
            return;
        }
        String t = s.target() == null ? "" : s.target();
        switch (s.action()) {
            case MENU -> e.require(menus.contains(t), at + ".target", "noMenu", "no menu named '" + t + "'", t);
            case QUEUE, VOICEMAIL, CALLBACK -> e.require(queues.contains(t), at + ".target", "noQueue",
                    "no queue named '" + t + "'", t);
            case FORWARD -> e.require(t.matches("[0-9]{1,32}"), at + ".target", "forwardNumber",
                    "the number to forward to");
            case HANGUP -> e.require(t.isEmpty() || t.matches(PROMPT), at + ".target", "hangupTarget",
                    "a prompt name, or \"\"");
        }
        e.range(at + ".priority", s.priority(), 0, 9);
    }

    private static void checkHours(BoxConfig.Hours h, Set<String> queues, ConfigErrors e) {
        if (h == null) {
            e.missing("hours");
            return;
        }
        for (int i = 0; i < h.weekly().size(); i++) {
            BoxConfig.OpenPeriod p = h.weekly().get(i);
            String at = "hours.weekly[" + i + "]";
            e.require(!p.days().isEmpty(), at + ".days", "atLeastOneDay", "at least one day");
            LocalTime open = time(at + ".open", p.open(), e);
            // "24:00" closes at the end of the day, which LocalTime cannot hold
            LocalTime close = "24:00".equals(p.close()) ? LocalTime.MAX : time(at + ".close", p.close(), e);
            e.require(open == null || close == null || open.isBefore(close), at + ".close", "opensAfterCloses",
                    "opens after it closes");
        }
        for (int i = 0; i < h.holidays().size(); i++) {
            date("hours.holidays[" + i + "].date", h.holidays().get(i).date(), e);
        }
        for (int i = 0; i < h.workdays().size(); i++) {
            date("hours.workdays[" + i + "]", h.workdays().get(i), e);
        }
        BoxConfig.NightService n = h.night();
        if (n == null || n.action() == null) {
            e.add("hours.night.action", "oneOf", "MESSAGE, CALLBACK, VOICEMAIL or FORWARD",
                    "MESSAGE, CALLBACK, VOICEMAIL, FORWARD");
            return;
        }
        e.require(n.prompt() != null && n.prompt().matches(PROMPT), "hours.night.prompt", "promptName",
                "a prompt name");
        e.require(n.action() != BoxConfig.NightAction.FORWARD || n.forwardNumber() != null && n.forwardNumber().matches("[0-9]{1,32}"),
                "hours.night.forwardNumber", "onDutyNumber", "the on-duty number to forward to");
        e.require(n.action() == BoxConfig.NightAction.MESSAGE || n.action() == BoxConfig.NightAction.FORWARD
                || queues.contains(n.queue()), "hours.night.queue", "nightQueue",
                "the queue that callbacks and messages belong to");
    }

    private static void checkConsole(BoxConfig.Console c, ConfigErrors e) {
        if (c == null) {
            e.missing("console");
            return;
        }
        e.range("console.missedOffersToNotReady", c.missedOffersToNotReady(), 1, 10);
        codes("console.notReadyReasons", c.notReadyReasons(), e);
        codes("console.wrapUpCodes", c.wrapUpCodes(), e);
        e.range("console.callbackAttempts", c.callbackAttempts(), 1, 10);
        e.range("console.callbackRetryS", c.callbackRetryS(), 30, 86_400);
    }

    private static void codes(String at, List<String> codes, ConfigErrors e) {
        e.require(!codes.isEmpty(), at, "atLeastOneCode", "at least one code");
        e.require(new HashSet<>(codes).size() == codes.size(), at, "codeTwice", "a code listed twice");
        codes.forEach(code -> e.identifier(at, code));
    }

    private static LocalTime time(String at, String v, ConfigErrors e) {
        try {
            return LocalTime.parse(String.valueOf(v));
        } catch (DateTimeException ex) {
            e.add(at, "notTime", "'" + v + "' is not a time of day (HH:mm)", v);
            return null;
        }
    }

    private static void date(String at, String v, ConfigErrors e) {
        try {
            LocalDate.parse(String.valueOf(v));
        } catch (DateTimeException ex) {
            e.add(at, "notDate", "'" + v + "' is not a date (yyyy-MM-dd)", v);
        }
    }
}
