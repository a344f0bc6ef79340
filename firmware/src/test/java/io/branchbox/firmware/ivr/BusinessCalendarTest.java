package io.branchbox.firmware.ivr;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<DayOfWeek> WEEKDAYS = List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    private static final BoxConfig.NightService NIGHT =
            new BoxConfig.NightService(BoxConfig.NightAction.MESSAGE, "closed", "", "");

    /** A branch office: weekdays with a lunch break, closed for National Day, Saturday 10 October worked. */
    private final BusinessCalendar branch = new BusinessCalendar(new BoxConfig.Hours(
            List.of(new BoxConfig.OpenPeriod(WEEKDAYS, "08:30", "12:00"),
                    new BoxConfig.OpenPeriod(WEEKDAYS, "13:30", "17:30")),
            List.of(new BoxConfig.Holiday("2026-10-01", "National Day"),
                    new BoxConfig.Holiday("2026-10-02", "National Day")),
            List.of("2026-10-10"),
            NIGHT), SHANGHAI);

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void periodsAreOpenFromOpeningTimeUntilJustBeforeClosingTime() {
        assertFalse(branch.isOpen(shanghai("2026-10-09T08:29:59")));
        assertTrue(branch.isOpen(shanghai("2026-10-09T08:30")));
        assertTrue(branch.isOpen(shanghai("2026-10-09T11:59:59")));
        assertFalse(branch.isOpen(shanghai("2026-10-09T12:00")));
        assertTrue(branch.isOpen(shanghai("2026-10-09T13:30")));
        assertTrue(branch.isOpen(shanghai("2026-10-09T17:29:59.999")));
        assertFalse(branch.isOpen(shanghai("2026-10-09T17:30")));
        assertFalse(branch.isOpen(shanghai("2026-10-11T10:00")), "an ordinary Sunday");
    }

    @Test
    void aPeriodMayCloseAtMidnight() {
        BusinessCalendar late = new BusinessCalendar(new BoxConfig.Hours(
                List.of(new BoxConfig.OpenPeriod(WEEKDAYS, "08:30", "24:00")), List.of(), List.of(), NIGHT), SHANGHAI);
        assertTrue(late.isOpen(shanghai("2026-10-09T23:59:59.999")));
        assertFalse(late.isOpen(shanghai("2026-10-10T00:00")), "Saturday: closed");
        assertFalse(late.isOpen(shanghai("2026-10-09T08:29")));
        assertEquals(shanghai("2026-10-12T08:30"), late.nextOpening(shanghai("2026-10-10T01:00")).orElseThrow());
    }

    @Test
    void holidayIsClosedAllDayThoughAWeekday() {
        assertFalse(branch.isOpen(shanghai("2026-10-01T10:00")));
        assertFalse(branch.isOpen(shanghai("2026-10-02T14:00")));
        assertTrue(branch.isOpen(shanghai("2026-09-30T10:00")));
    }

    @Test
    void adjustedWorkdayOnASaturdayKeepsMondaysPeriods() {
        assertTrue(branch.isOpen(shanghai("2026-10-10T08:30")));
        assertFalse(branch.isOpen(shanghai("2026-10-10T12:30")), "Monday's lunch break too");
        assertTrue(branch.isOpen(shanghai("2026-10-10T17:00")));
        assertFalse(branch.isOpen(shanghai("2026-10-11T10:00")), "the Sunday after is not a workday");
        assertFalse(branch.isOpen(shanghai("2026-10-17T10:00")), "an ordinary Saturday");
    }

    @Test
    void noWeeklyPeriodsMeansAlwaysOpen() {
        BusinessCalendar always = new BusinessCalendar(new BoxConfig.Hours(List.of(), List.of(), List.of(), NIGHT), SHANGHAI);
        assertTrue(always.isAlwaysOpen());
        assertTrue(always.isOpen(shanghai("2026-10-01T03:00")));
        assertTrue(always.isOpen(shanghai("2026-10-11T23:59:59")));
        assertEquals(Optional.empty(), always.nextOpening(shanghai("2026-10-11T23:59:59")));
    }

    @Test
    void aroundTheClockStillClosesOnHolidays() {
        BusinessCalendar rota = new BusinessCalendar(new BoxConfig.Hours(List.of(),
                List.of(new BoxConfig.Holiday("2026-02-17", "Spring Festival")), List.of(), NIGHT), SHANGHAI);
        assertFalse(rota.isAlwaysOpen());
        assertTrue(rota.isOpen(shanghai("2026-02-16T23:59:59")));
        assertFalse(rota.isOpen(shanghai("2026-02-17T12:00")));
        assertEquals(Optional.of(shanghai("2026-02-18T00:00")), rota.nextOpening(shanghai("2026-02-17T12:00")));
    }

    @Test
    void nextOpeningIsNowWhileOpen() {
        Instant open = shanghai("2026-10-09T09:15");
        assertEquals(Optional.of(open), branch.nextOpening(open));
    }

    @Test
    void nextOpeningAfterLunchAndBeforeOpening() {
        assertEquals(Optional.of(shanghai("2026-10-09T13:30")), branch.nextOpening(shanghai("2026-10-09T12:00")));
        assertEquals(Optional.of(shanghai("2026-10-09T08:30")), branch.nextOpening(shanghai("2026-10-09T02:00")));
    }

    @Test
    void nextOpeningAcrossAWeekendIsMondayMorning() {
        assertEquals(Optional.of(shanghai("2026-10-19T08:30")), branch.nextOpening(shanghai("2026-10-16T17:30")));
    }

    @Test
    void nextOpeningSkipsHolidaysAndTheWeekendAfterThem() {
        assertEquals(Optional.of(shanghai("2026-10-05T08:30")), branch.nextOpening(shanghai("2026-09-30T18:00")));
    }

    @Test
    void nextOpeningFindsTheAdjustedSaturday() {
        assertEquals(Optional.of(shanghai("2026-10-10T08:30")), branch.nextOpening(shanghai("2026-10-09T20:00")));
    }

    @Test
    void wallClockHoursHoldAcrossTheSpringChangeInBerlin() {
        BusinessCalendar berlin = new BusinessCalendar(new BoxConfig.Hours(
                List.of(new BoxConfig.OpenPeriod(WEEKDAYS, "08:30", "17:30")), List.of(), List.of(), NIGHT), BERLIN);
        // Friday 27 March is CET (UTC+1), Monday 30 March CEST (UTC+2).
        assertTrue(berlin.isOpen(Instant.parse("2026-03-27T07:30:00Z")));
        assertFalse(berlin.isOpen(Instant.parse("2026-03-30T06:29:59Z")));
        assertTrue(berlin.isOpen(Instant.parse("2026-03-30T06:30:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-03-30T06:30:00Z")),
                berlin.nextOpening(Instant.parse("2026-03-27T17:00:00Z")));
    }

    @Test
    void aPeriodOpeningInTheSpringGapOpensWhenTheGapEnds() {
        // 29 March 2026 in Berlin: 02:00 CET jumps to 03:00 CEST at 01:00Z; 02:30 never happens.
        BusinessCalendar early = new BusinessCalendar(new BoxConfig.Hours(
                List.of(new BoxConfig.OpenPeriod(List.of(SUNDAY), "02:30", "04:00")), List.of(), List.of(), NIGHT), BERLIN);
        Instant gapEnd = Instant.parse("2026-03-29T01:00:00Z");
        assertEquals(Optional.of(gapEnd), early.nextOpening(Instant.parse("2026-03-28T20:00:00Z")));
        assertTrue(early.isOpen(gapEnd));
        assertFalse(early.isOpen(Instant.parse("2026-03-29T00:59:59Z")));
        assertFalse(early.isOpen(Instant.parse("2026-03-29T02:00:00Z")), "04:00 CEST");
    }

    @Test
    void theAutumnOverlapHourCountsTwice() {
        // 25 October 2026 in Berlin: 03:00 CEST falls back to 02:00 CET at 01:00Z; 02:00..03:00 happens twice.
        BusinessCalendar early = new BusinessCalendar(new BoxConfig.Hours(
                List.of(new BoxConfig.OpenPeriod(List.of(SUNDAY), "02:00", "02:30")), List.of(), List.of(), NIGHT), BERLIN);
        assertTrue(early.isOpen(Instant.parse("2026-10-25T00:15:00Z")), "02:15 CEST");
        assertFalse(early.isOpen(Instant.parse("2026-10-25T00:45:00Z")), "02:45 CEST");
        assertTrue(early.isOpen(Instant.parse("2026-10-25T01:15:00Z")), "02:15 CET");
    }

    @Test
    void ofTakesTheSitesTimeZone() {
        BoxConfig config = io.branchbox.firmware.config.ConfigDocuments.defaults()
                .withHours(new BoxConfig.Hours(List.of(new BoxConfig.OpenPeriod(WEEKDAYS, "08:30", "17:30")),
                        List.of(), List.of(), NIGHT));
        BusinessCalendar calendar = BusinessCalendar.of(config);
        assertEquals(SHANGHAI, calendar.zone());
        assertTrue(calendar.isOpen(Instant.parse("2026-10-09T00:30:00Z")), "08:30 in Shanghai");
    }
}
