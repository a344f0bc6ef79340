package io.branchbox.firmware.workorder;

import static io.branchbox.firmware.workorder.WorkOrderFixture.*;
import static org.junit.jupiter.api.Assertions.*;

import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.uplink.Alarm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deadlines and escalation in virtual time, the callback list, case lag. */
class WorkOrderDeadlinesTest {
    private final WorkOrderFixture f = new WorkOrderFixture();

    private List<JournalEvent> late() {
        return f.journal.stream().filter(e -> e.type().equals(WorkOrderEvents.LATE)).toList();
    }

    @Test
    void anUndispatchedRepairIsLateAtTenMinutesAndEscalatesToTheShiftLead() {
        f.repairFromCall("c1");
        f.time.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertTrue(late().isEmpty());
        assertFalse(f.book.find("1001").orElseThrow().late());

        f.time.advance(Duration.ofSeconds(1));
        assertEquals(1, late().size());
        JournalEvent e = late().get(0);
        assertEquals("DISPATCH", e.attr(WorkOrderEvents.STAGE));
        assertEquals("agent1", e.attr(WorkOrderEvents.LEAD), "the morning shift's lead");
        assertEquals(MONDAY_0900.plus(Duration.ofMinutes(10)), e.at());
        Alarm a = f.alarms.get(f.alarms.size() - 1);
        assertEquals("WORKORDER_LATE_1001", a.code());
        assertEquals(Alarm.Severity.MAJOR, a.severity());
        assertTrue(f.book.find("1001").orElseThrow().late());

        f.time.advance(Duration.ofMinutes(30));
        assertEquals(1, late().size(), "escalated once");
        WorkOrder o = f.book.enter("1001", StageInput.dispatch("31"), AGENT2, null);
        assertEquals("false", f.journal.get(f.journal.size() - 1).attr(WorkOrderEvents.ON_TIME));
        assertEquals(Alarm.Severity.CLEARED, f.alarms.get(f.alarms.size() - 1).severity());
        assertFalse(o.late());
        assertTrue(o.everLate());
    }

    @Test
    void arrivalIsDue45MinutesAfterDispatchInTownAnd90Rural() {
        f.repairFromCall("c1");
        f.book.accept(new NewOrder(OrderKind.REPAIR, Source.CALL, "c2", "13700000000", "王五", "李家村", Area.RURAL, ""),
                AGENT2, null);
        f.time.advance(Duration.ofMinutes(5));
        f.book.enter("1001", StageInput.dispatch("31"), AGENT2, null);
        f.book.enter("1002", StageInput.dispatch("32"), AGENT2, null);
        Instant dispatched = f.time.clock().instant();
        assertEquals(dispatched.plus(Duration.ofMinutes(45)), f.book.find("1001").orElseThrow().due().at());
        assertEquals(dispatched.plus(Duration.ofMinutes(90)), f.book.find("1002").orElseThrow().due().at());

        f.time.advance(Duration.ofMinutes(45));
        assertEquals(List.of("1001"), late().stream().map(e -> e.attr(WorkOrderEvents.ORDER)).toList());
        f.time.advance(Duration.ofMinutes(45));
        assertEquals(List.of("1001", "1002"), late().stream().map(e -> e.attr(WorkOrderEvents.ORDER)).toList());
        assertEquals("ARRIVE", late().get(1).attr(WorkOrderEvents.STAGE));
    }

    @Test
    void aCompletedRepairIsOnTheCallbackListDue24HoursAfterCompletion() {
        f.repairFromCall("c1");
        f.time.advance(Duration.ofMinutes(5));
        f.book.enter("1001", StageInput.dispatch("31"), AGENT2, null);
        f.time.advance(Duration.ofMinutes(30));
        f.book.enter("1001", StageInput.of(Stage.ARRIVE), crewByPhone("31", "c2"), null);
        assertTrue(f.book.callbacksDue().isEmpty());
        f.time.advance(Duration.ofMinutes(40));
        f.book.enter("1001", StageInput.of(Stage.COMPLETE), crewByPhone("31", "c3"), null);
        Instant completed = f.time.clock().instant();

        List<WorkOrder> list = f.book.callbacksDue();
        assertEquals(1, list.size());
        assertEquals(new WorkOrder.Due(Stage.CALLBACK, completed.plus(Duration.ofHours(24))), list.get(0).due());

        f.time.advance(Duration.ofHours(24));
        assertEquals("CALLBACK", late().get(0).attr(WorkOrderEvents.STAGE));
        assertEquals("agent1", late().get(0).attr(WorkOrderEvents.LEAD), "10:15 the next day: the morning lead on duty");
    }

    @Test
    void aComplaintIsDueForFeedback24HoursAfterAcceptanceAndOnTheListOnceHandled() {
        WorkOrder c = f.book.accept(new NewOrder(OrderKind.COMPLAINT, Source.CALL, "c1", "13900000000", "李四", "",
                Area.TOWN, "态度差"), AGENT2, null);
        f.time.advance(Duration.ofMinutes(20));
        f.book.enter(c.number(), StageInput.of(Stage.ASSIGN), AGENT2, null);
        assertTrue(f.book.callbacksDue().isEmpty(), "assigned, not yet handled");
        assertEquals(new WorkOrder.Due(Stage.CALLBACK, MONDAY_0900.plus(Duration.ofHours(24))),
                f.book.find(c.number()).orElseThrow().due());
        f.time.advance(Duration.ofHours(3));
        f.book.enter(c.number(), StageInput.of(Stage.HANDLE), Actor.web("agent4", ActorRole.AGENT), null);
        assertEquals(List.of(c.number()), f.book.callbacksDue().stream().map(WorkOrder::number).toList());
        f.time.advance(Duration.ofHours(1));
        WorkOrder o = f.book.enter(c.number(), StageInput.callback(CallbackOutcome.REACHED_SATISFIED), AGENT2, null);
        assertEquals(OrderStatus.FED_BACK, o.status());
        assertEquals("true", f.journal.get(f.journal.size() - 1).attr(WorkOrderEvents.ON_TIME), "complaint on time");
        f.time.advance(Duration.ofMinutes(1));
        assertEquals(OrderStatus.CLOSED, f.book.enter(c.number(), StageInput.of(Stage.CLOSE), LEAD1, null).status());
    }

    @Test
    void anOrderAcceptedMoreThanFiveMinutesAfterItsCallEndedIsFlaggedAsCaseLag() {
        f.book.onCallEnded("c1", MONDAY_0900);
        f.book.onCallEnded("c2", MONDAY_0900);
        f.time.advance(Duration.ofMinutes(5));
        WorkOrder inTime = f.repairFromCall("c1");
        f.time.advance(Duration.ofSeconds(1));
        WorkOrder lagging = f.repairFromCall("c2");
        WorkOrder during = f.repairFromCall("c3");
        assertFalse(inTime.caseLag());
        assertTrue(lagging.caseLag());
        assertFalse(during.caseLag(), "opened during the call");
        assertEquals("true", f.journal.get(1).attr(WorkOrderEvents.CASE_LAG));
    }
}
