package io.branchbox.firmware.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.workorder.Actor;
import io.branchbox.firmware.workorder.ActorRole;
import io.branchbox.firmware.workorder.Area;
import io.branchbox.firmware.workorder.CallbackOutcome;
import io.branchbox.firmware.workorder.ConfigShiftRota;
import io.branchbox.firmware.workorder.NewOrder;
import io.branchbox.firmware.workorder.OrderKind;
import io.branchbox.firmware.workorder.Source;
import io.branchbox.firmware.workorder.Stage;
import io.branchbox.firmware.workorder.StageInput;
import io.branchbox.firmware.workorder.Via;
import io.branchbox.firmware.workorder.WorkOrderBook;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The KPIs fed by the events the work-order book really journals (not a stand-in vocabulary): a
 * repair run to a reaching callback within 24 h, a complaint left without feedback past 24 h, a
 * complaint fed back in time.
 */
class WorkOrderEventsKpiTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant MONDAY_0900 = Instant.parse("2026-12-07T01:00:00Z");
    private static final Actor AGENT2 = Actor.web("agent2", ActorRole.AGENT);

    @Test
    void repairCallbackAndComplaintTimelinessCountTheBooksOwnEvents() {
        ManualScheduler time = new ManualScheduler(MONDAY_0900, SHANGHAI);
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig c = d.withWorkOrders(new BoxConfig.WorkOrders(d.workOrders().deadlines(),
                List.of(new BoxConfig.Crew("31", "城区抢修一班")), d.workOrders().leads(), "crew-pins.properties", "", ""));
        List<JournalEvent> journal = new ArrayList<>();
        WorkOrderBook book = new WorkOrderBook(time, e -> {
            journal.add(e.withSeq(journal.size() + 1));
            return journal.size();
        }, c.workOrders(), new ConfigShiftRota(c));
        book.accept(new NewOrder(OrderKind.REPAIR, Source.CALL, "c1", "13800138000", "张三", "解放路12号", Area.TOWN, ""),
                AGENT2, null);
        book.accept(new NewOrder(OrderKind.COMPLAINT, Source.CALL, "c2", "13700000000", "李四", "", Area.TOWN, ""),
                AGENT2, null);
        book.accept(new NewOrder(OrderKind.COMPLAINT, Source.CALL, "c3", "13600000000", "王五", "", Area.TOWN, ""),
                AGENT2, null);
        step(time);
        book.enter("1001", StageInput.dispatch("31"), AGENT2, null);
        book.enter("1003", StageInput.of(Stage.ASSIGN), AGENT2, null);
        step(time);
        book.enter("1001", StageInput.of(Stage.ARRIVE), new Actor("31", ActorRole.CREW, Via.PHONE, "crew-1"), null);
        book.enter("1003", StageInput.of(Stage.HANDLE), AGENT2, null);
        step(time);
        book.enter("1001", StageInput.of(Stage.COMPLETE), new Actor("31", ActorRole.CREW, Via.PHONE, "crew-2"), null);
        book.enter("1003", StageInput.callback(CallbackOutcome.REACHED_SATISFIED), AGENT2, null);
        time.advance(Duration.ofHours(3));
        book.enter("1001", StageInput.callback(CallbackOutcome.REACHED_SATISFIED), AGENT2, null);
        time.advance(Duration.ofHours(30)); // complaint 1002 is past its 24 h feedback deadline

        KpiLedger ledger = new KpiLedger(new KpiSettings(SHANGHAI, 20, 80, c.shifts()), 10);
        journal.forEach(ledger);
        LocalDate monday = LocalDate.of(2026, 12, 7);
        KpiRow row = KpiReports.rows(ledger.days(monday, monday.plusDays(1), time.clock().instant()), monday,
                monday.plusDays(1), Grouping.ALL, ledger.settings()).get(0);
        assertEquals(100.0, row.value(Kpi.REPAIR_CALLBACK_RATE).value(), 1e-9, "1001 called back within 24 h");
        assertEquals(100.0, row.value(Kpi.VALID_CALLBACK_RATE).value(), 1e-9, "and the customer was reached");
        assertEquals(50.0, row.value(Kpi.COMPLAINT_TIMELINESS).value(), 1e-9, "1003 fed back in time, 1002 not");
    }

    private static void step(ManualScheduler time) {
        time.advance(Duration.ofMinutes(5));
    }
}
