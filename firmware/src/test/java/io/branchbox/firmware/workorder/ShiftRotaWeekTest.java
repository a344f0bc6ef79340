package io.branchbox.firmware.workorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The factory rota in virtual time over a week boundary, a public holiday and a make-up workday
 * (Shanghai): weekday morning / lunch cover / evening, nights and weekends with their rotating
 * leads, and who a late stage escalates to.
 */
class ShiftRotaWeekTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Friday 2026-12-04 20:00 in Shanghai. */
    private static final Instant FRIDAY_2000 = Instant.parse("2026-12-04T12:00:00Z");

    private final BoxConfig config;
    private final ConfigShiftRota rota;
    private final ManualScheduler time = new ManualScheduler(FRIDAY_2000, SHANGHAI);

    ShiftRotaWeekTest() {
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig.Hours h = d.hours();
        config = d.withHours(new BoxConfig.Hours(h.weekly(), List.of(new BoxConfig.Holiday("2027-01-01", "元旦")),
                List.of("2026-12-12"), h.night()));
        rota = new ConfigShiftRota(config);
    }

    private String now() {
        ShiftRota.OnDuty d = rota.onDuty(time.clock().instant()).orElseThrow();
        return d.key() + "@" + d.lead();
    }

    private List<String> all() {
        return rota.allOnDuty(time.clock().instant()).stream().map(ShiftRota.OnDuty::key).toList();
    }

    private void to(String local) {
        Instant t = java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
        time.advance(Duration.between(time.clock().instant(), t));
    }

    @Test
    void fridayEveningNightWeekendAndBackToMondayAcrossTheWeekBoundary() {
        assertEquals("2026-12-04/evening@agent3", now());
        to("2026-12-04T22:00");
        assertEquals("2026-12-04/night@agent6", now(), "the night rotation's second lead this week");
        to("2026-12-05T02:00");
        assertEquals("2026-12-04/night@agent6", now(), "after midnight still Friday's night");
        to("2026-12-05T08:30");
        assertEquals("2026-12-05/weekend@agent1", now(), "Saturday: the weekend shift, no morning");
        to("2026-12-05T12:30");
        assertEquals(List.of("2026-12-05/weekend"), all(), "no lunch cover at the weekend");
        to("2026-12-06T23:00");
        assertEquals("2026-12-06/night@agent6", now());
        assertEquals("2026-12-07/morning", rota.next(time.clock().instant()).orElseThrow().key(),
                "Sunday night hands over to Monday's morning");
        to("2026-12-07T08:29");
        assertEquals("2026-12-06/night@agent6", now(), "Monday 08:29 is Sunday's night: the rotation turns with the shift's day");
        to("2026-12-07T08:30");
        assertEquals("2026-12-07/morning@agent1", now());
        to("2026-12-07T22:00");
        assertEquals("2026-12-07/night@agent5", now(), "a new week: the rotation's first lead");
        to("2026-12-13T09:00");
        assertEquals("2026-12-13/weekend@agent3", now(), "the next weekend: the weekend rotation's second lead");
    }

    @Test
    void lunchCoverOverlapsTheMorningWithoutOwningIt() {
        to("2026-12-07T11:59");
        assertEquals(List.of("2026-12-07/morning"), all());
        to("2026-12-07T12:00");
        assertEquals(List.of("2026-12-07/morning", "2026-12-07/lunch"), all());
        assertEquals("2026-12-07/morning@agent1", now(), "the morning shift owns the calls and escalations");
        assertEquals("agent2", rota.allOnDuty(time.clock().instant()).get(1).lead());
        to("2026-12-07T14:00");
        assertEquals(List.of("2026-12-07/morning"), all());
    }

    @Test
    void aHolidayRunsTheWeekendShiftAndAMakeUpSaturdayRunsTheWeekdayShifts() {
        to("2026-12-12T09:00");
        assertEquals("2026-12-12/morning@agent1", now(), "Saturday 12th is a make-up workday");
        to("2026-12-12T12:30");
        assertEquals(List.of("2026-12-12/morning", "2026-12-12/lunch"), all());
        to("2026-12-31T22:00");
        assertEquals("2026-12-31/night@agent6", now());
        to("2027-01-01T10:00");
        assertEquals("2027-01-01/weekend@agent3", now(), "New Year's Day, a Friday, runs the weekend shift");
        to("2027-01-01T12:30");
        assertEquals(List.of("2027-01-01/weekend"), all(), "no lunch cover on a holiday");
        to("2027-01-01T18:00");
        assertEquals("2027-01-01/weekend@agent3", now(), "no evening shift on a holiday");
    }

    @Test
    void aLateStageOnSaturdayNightEscalatesToTheRotatingNightLead() {
        to("2026-12-06T02:00"); // Sunday 02:00: Saturday's night
        List<JournalEvent> journal = new ArrayList<>();
        WorkOrderBook book = new WorkOrderBook(time, e -> {
            journal.add(e);
            return journal.size();
        }, config.workOrders(), rota);
        book.accept(new NewOrder(OrderKind.REPAIR, Source.CALL, "c1", "13800138000", "张三", "解放路12号", Area.TOWN, ""),
                Actor.web("agent6", ActorRole.AGENT), null);
        assertEquals("2026-12-05/night", book.find("1001").orElseThrow().shift());
        time.advance(Duration.ofMinutes(10));
        JournalEvent late = journal.get(journal.size() - 1);
        assertEquals(WorkOrderEvents.LATE, late.type());
        assertEquals("agent6", late.attr(WorkOrderEvents.LEAD));
        assertTrue(book.find("1001").orElseThrow().late());
    }
}
