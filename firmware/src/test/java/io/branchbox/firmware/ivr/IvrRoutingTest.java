package io.branchbox.firmware.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IvrRoutingTest {
    /** Friday 9 October 2026, 10:00 in Shanghai (UTC+8). */
    private static final Instant FRIDAY_MORNING = Instant.parse("2026-10-09T02:00:00Z");
    /** Friday 9 October 2026, 20:00 in Shanghai. */
    private static final Instant FRIDAY_NIGHT = Instant.parse("2026-10-09T12:00:00Z");
    /** Monday 12 October 2026, 08:30 in Shanghai. */
    private static final Instant MONDAY_OPENING = Instant.parse("2026-10-12T00:30:00Z");
    private static final BoxConfig.NightService CALLBACK =
            new BoxConfig.NightService(BoxConfig.NightAction.CALLBACK, "closed", "", "inquiry");

    private static final BoxConfig FACTORY = ConfigDocuments.defaults();
    private static final BoxConfig.Ivr FACTORY_IVR = FACTORY.ivr();
    /** The factory IVR with a VIP caller. */
    private static final BoxConfig WITH_VIP = FACTORY.withIvr(new BoxConfig.Ivr(FACTORY_IVR.greetingPrompt(),
            FACTORY_IVR.defaultQueue(), FACTORY_IVR.numberToQueue(), FACTORY_IVR.surveyPrompt(), FACTORY_IVR.entryMenu(),
            FACTORY_IVR.menus(), Map.of("13800138000", 7), FACTORY_IVR.promptSet()));
    /** No menu: the repair hotline number goes straight to repair, everything else to inquiry. */
    private static final BoxConfig NO_MENU = FACTORY.withIvr(new BoxConfig.Ivr("greeting", "inquiry",
            Map.of("95598", "inquiry", "96789", "repair"), "survey"));
    /** Weekdays 08:30 to 17:30, callbacks at night. */
    private static final BoxConfig OFFICE_HOURS = WITH_VIP.withHours(new BoxConfig.Hours(
            List.of(new BoxConfig.OpenPeriod(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), "08:30", "17:30")),
            List.of(), List.of(), CALLBACK));

    @Test
    void theFactoryBoxSendsEveryCallToTheMainMenu() {
        assertEquals(new Entry.Menu("main", 0), new IvrRouting(FACTORY).route("95598", "13900139000", FRIDAY_NIGHT));
    }

    @Test
    void aPriorityCallerKeepsTheirPriority() {
        IvrRouting routing = new IvrRouting(WITH_VIP);
        assertEquals(new Entry.Menu("main", 7), routing.route("95598", "13800138000", FRIDAY_MORNING));
        assertEquals(new Entry.Menu("main", 0), routing.route("95598", "013800138000", FRIDAY_MORNING),
                "numbers match exactly");
        assertEquals(new Entry.Menu("main", 0), routing.route("95598", null, FRIDAY_MORNING), "withheld");
    }

    @Test
    void closedMeansNightServiceWithTheNextOpening() {
        IvrRouting routing = new IvrRouting(OFFICE_HOURS);
        assertEquals(new Entry.Night(CALLBACK, MONDAY_OPENING, 7), routing.route("95598", "13800138000", FRIDAY_NIGHT));
        assertEquals(new Entry.Menu("main", 0), routing.route("95598", "13900139000", FRIDAY_MORNING));
    }

    @Test
    void withoutAMenuTheDialledNumberChoosesTheQueue() {
        IvrRouting routing = new IvrRouting(NO_MENU);
        assertEquals(new Entry.Queue("repair", 0), routing.route("96789", "13900139000", FRIDAY_MORNING));
        assertEquals(new Entry.Queue("inquiry", 0), routing.route("95598", "13900139000", FRIDAY_MORNING));
    }

    @Test
    void anUnknownOrMissingDialledNumberGoesToTheDefaultQueue() {
        IvrRouting routing = new IvrRouting(NO_MENU);
        assertEquals(new Entry.Queue("inquiry", 0), routing.route("12345", "13900139000", FRIDAY_MORNING));
        assertEquals(new Entry.Queue("inquiry", 0), routing.route("", "", FRIDAY_MORNING));
        assertEquals(new Entry.Queue("inquiry", 0), routing.route(null, "", FRIDAY_MORNING));
    }

    @Test
    void theCalendarIsTheSitesAndShared() {
        IvrRouting routing = new IvrRouting(OFFICE_HOURS);
        assertEquals(java.time.ZoneId.of("Asia/Shanghai"), routing.calendar().zone());
        assertFalse(routing.calendar().isOpen(FRIDAY_NIGHT));
    }
}
