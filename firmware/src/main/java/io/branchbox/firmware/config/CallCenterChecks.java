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
                    "a skill name (a-z, 0-9, -) or \"\" for none");
            e.range(at + ".widenEveryS", q.widenEveryS(), 0, 3600);
            e.require(q.announceEveryS() == 0 || q.announceEveryS() >= 15 && q.announceEveryS() <= 600,
                    at + ".announceEveryS", "0 (never) or 15..600 seconds");
            e.require(q.overflow() != BoxConfig.Overflow.QUEUE || !q.overflowQueue().isEmpty(), at + ".overflowQueue",
                    "overflow QUEUE needs an overflow queue");
        }
        for (int i = 0; i < c.agents().size(); i++) {
            String at = "agents[" + i + "].skills";
            c.agents().get(i).skills().forEach((skill, level) -> {
                e.require(skill.matches("[a-z0-9-]{1,32}"), at + "." + skill, "not a skill name");
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
            e.require(menus.add(ivr.menus().get(i).name()), "ivr.menus[" + i + "].name", "menu defined twice");
        }
        e.require(ivr.entryMenu() != null && (ivr.entryMenu().isEmpty() || menus.contains(ivr.entryMenu())),
                "ivr.entryMenu", "a menu's name, or \"\" for none");
        for (int i = 0; i < ivr.menus().size(); i++) {
            BoxConfig.Menu m = ivr.menus().get(i);
            String at = "ivr.menus[" + i + "]";
            e.identifier(at + ".name", m.name());
            e.require(m.prompt() != null && m.prompt().matches(PROMPT), at + ".prompt", "a prompt name");
            e.require(m.invalidPrompt() != null && m.invalidPrompt().matches(PROMPT), at + ".invalidPrompt", "a prompt name");
            e.range(at + ".timeoutS", m.timeoutS(), 1, 30);
            e.range(at + ".retries", m.retries(), 0, 5);
            for (Map.Entry<String, BoxConfig.Step> choice : m.choices().entrySet()) {
                e.require(choice.getKey().matches("[0-9*#]"), at + ".choices." + choice.getKey(), "one key: 0-9, * or #");
                checkStep(at + ".choices." + choice.getKey(), choice.getValue(), menus, queues, e);
            }
            checkStep(at + ".fallback", m.fallback(), menus, queues, e);
        }
        ivr.priorityCallers().forEach((number, priority) -> {
            e.require(number.matches("[0-9]{1,32}"), "ivr.priorityCallers." + number, "not a caller's number");
            e.range("ivr.priorityCallers." + number, priority, 1, 9);
        });
    }

    private static void checkStep(String at, BoxConfig.Step s, Set<String> menus, Set<String> queues, ConfigErrors e) {
        if (s == null || s.action() == null) {
            e.add(at, "a step needs an action: MENU, QUEUE, VOICEMAIL, CALLBACK, FORWARD or HANGUP");
            return;
        }
        String t = s.target() == null ? "" : s.target();
        switch (s.action()) {
            case MENU -> e.require(menus.contains(t), at + ".target", "no menu named '" + t + "'");
            case QUEUE, VOICEMAIL, CALLBACK -> e.require(queues.contains(t), at + ".target", "no queue named '" + t + "'");
            case FORWARD -> e.require(t.matches("[0-9]{1,32}"), at + ".target", "the number to forward to");
            case HANGUP -> e.require(t.isEmpty() || t.matches(PROMPT), at + ".target", "a prompt name, or \"\"");
        }
        e.range(at + ".priority", s.priority(), 0, 9);
    }

    private static void checkHours(BoxConfig.Hours h, Set<String> queues, ConfigErrors e) {
        if (h == null) {
            e.add("hours", "missing");
            return;
        }
        for (int i = 0; i < h.weekly().size(); i++) {
            BoxConfig.OpenPeriod p = h.weekly().get(i);
            String at = "hours.weekly[" + i + "]";
            e.require(!p.days().isEmpty(), at + ".days", "at least one day");
            LocalTime open = time(at + ".open", p.open(), e);
            // "24:00" closes at the end of the day, which LocalTime cannot hold
            LocalTime close = "24:00".equals(p.close()) ? LocalTime.MAX : time(at + ".close", p.close(), e);
            e.require(open == null || close == null || open.isBefore(close), at, "opens after it closes");
        }
        for (int i = 0; i < h.holidays().size(); i++) {
            date("hours.holidays[" + i + "].date", h.holidays().get(i).date(), e);
        }
        for (int i = 0; i < h.workdays().size(); i++) {
            date("hours.workdays[" + i + "]", h.workdays().get(i), e);
        }
        BoxConfig.NightService n = h.night();
        if (n == null || n.action() == null) {
            e.add("hours.night.action", "MESSAGE, CALLBACK, VOICEMAIL or FORWARD");
            return;
        }
        e.require(n.prompt() != null && n.prompt().matches(PROMPT), "hours.night.prompt", "a prompt name");
        e.require(n.action() != BoxConfig.NightAction.FORWARD || n.forwardNumber() != null && n.forwardNumber().matches("[0-9]{1,32}"),
                "hours.night.forwardNumber", "the on-duty number to forward to");
        e.require(n.action() == BoxConfig.NightAction.MESSAGE || n.action() == BoxConfig.NightAction.FORWARD
                || queues.contains(n.queue()), "hours.night.queue", "the queue that callbacks and messages belong to");
    }

    private static void checkConsole(BoxConfig.Console c, ConfigErrors e) {
        if (c == null) {
            e.add("console", "missing");
            return;
        }
        e.range("console.missedOffersToNotReady", c.missedOffersToNotReady(), 1, 10);
        codes("console.notReadyReasons", c.notReadyReasons(), e);
        codes("console.wrapUpCodes", c.wrapUpCodes(), e);
        e.range("console.callbackAttempts", c.callbackAttempts(), 1, 10);
        e.range("console.callbackRetryS", c.callbackRetryS(), 30, 86_400);
    }

    private static void codes(String at, List<String> codes, ConfigErrors e) {
        e.require(!codes.isEmpty(), at, "at least one code");
        e.require(new HashSet<>(codes).size() == codes.size(), at, "a code listed twice");
        codes.forEach(code -> e.identifier(at, code));
    }

    private static LocalTime time(String at, String v, ConfigErrors e) {
        try {
            return LocalTime.parse(String.valueOf(v));
        } catch (DateTimeException ex) {
            e.add(at, "'" + v + "' is not a time of day (HH:mm)");
            return null;
        }
    }

    private static void date(String at, String v, ConfigErrors e) {
        try {
            LocalDate.parse(String.valueOf(v));
        } catch (DateTimeException ex) {
            e.add(at, "'" + v + "' is not a date (yyyy-MM-dd)");
        }
    }
}
