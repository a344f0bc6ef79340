package io.branchbox.firmware.workorder;

import static io.branchbox.firmware.workorder.WorkOrderFixture.*;
import static org.junit.jupiter.api.Assertions.*;

import io.branchbox.firmware.journal.JournalEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state machine: every stage its own event, none skipped or merged, only by those entitled. */
class WorkOrderStagesTest {
    private final WorkOrderFixture f = new WorkOrderFixture();

    @Test
    void aRepairRunsThroughEveryStageEachItsOwnEventAtItsOwnTime() {
        WorkOrder o = f.repairFromCall("20261207-090000-0001");
        assertEquals("1001", o.number());
        assertEquals(OrderStatus.ACCEPTED, o.status());
        assertEquals("agent2", o.owner());
        assertEquals("2026-12-07/morning", o.shift());

        f.time.advance(Duration.ofMinutes(3));
        f.book.enter("1001", StageInput.dispatch("31"), AGENT2, null);
        f.time.advance(Duration.ofMinutes(25));
        f.book.enter("1001", StageInput.of(Stage.ARRIVE), crewByPhone("31", "20261207-092800-0007"), null);
        f.time.advance(Duration.ofMinutes(50));
        f.book.enter("1001", StageInput.of(Stage.COMPLETE), crewByPhone("31", "20261207-101800-0011"), null);
        f.time.advance(Duration.ofHours(2));
        o = f.book.enter("1001", StageInput.callback(CallbackOutcome.REACHED_SATISFIED), AGENT2, null);

        assertEquals(OrderStatus.CLOSED, o.status());
        assertEquals(List.of("workorder.accepted", "workorder.dispatched", "workorder.arrived", "workorder.completed",
                "workorder.callback"), f.types());
        assertEquals(5, f.journal.stream().map(JournalEvent::at).distinct().count(), "five stages, five times");
        JournalEvent arrived = f.journal.get(2);
        assertEquals("20261207-092800-0007", arrived.callId(), "the crew's call is the proof");
        assertEquals("PHONE", arrived.attr(WorkOrderEvents.VIA));
        assertEquals("31", arrived.attr(WorkOrderEvents.CREW));
        assertEquals("true", f.journal.get(4).attr(WorkOrderEvents.REACHED));
        assertEquals("true", f.journal.get(4).attr(WorkOrderEvents.ON_TIME));
        assertNull(o.due());
    }

    @Test
    void aStageCannotBeSkippedAndARefusalJournalsNothing() {
        f.repairFromCall("c1");
        f.time.advance(Duration.ofMinutes(1));
        Refusal r = assertThrows(Refusal.class,
                () -> f.book.enter("1001", StageInput.of(Stage.COMPLETE), crewByPhone("31", "c2"), null));
        assertEquals(Refusal.Reason.STAGE_NOT_ALLOWED, r.reason(), "completion before dispatch and arrival");
        assertEquals(Refusal.Reason.STAGE_NOT_ALLOWED, assertThrows(Refusal.class,
                () -> f.book.enter("1001", StageInput.callback(CallbackOutcome.REACHED_SATISFIED), AGENT2, null)).reason());
        assertEquals(Refusal.Reason.STAGE_NOT_ALLOWED, assertThrows(Refusal.class,
                () -> f.book.enter("1001", StageInput.of(Stage.ASSIGN), AGENT2, null)).reason(), "a complaint stage");
        assertEquals(1, f.journal.size());
        assertEquals(OrderStatus.ACCEPTED, f.book.find("1001").orElseThrow().status());
    }

    @Test
    void arrivalAndCompletionNeedTwoTimesAndTwoCalls() {
        f.repairFromCall("c1");
        f.time.advance(Duration.ofMinutes(1));
        f.book.enter("1001", StageInput.dispatch("31"), AGENT2, null);
        assertEquals(Refusal.Reason.SAME_TIME_AS_PREVIOUS, assertThrows(Refusal.class,
                () -> f.book.enter("1001", StageInput.of(Stage.ARRIVE), crewByPhone("31", "c2"), null)).reason());
        f.time.advance(Duration.ofMinutes(20));
        f.book.enter("1001", StageInput.of(Stage.ARRIVE), crewByPhone("31", "c2"), null);
        f.time.advance(Duration.ofMinutes(1));
        Refusal merged = assertThrows(Refusal.class,
                () -> f.book.enter("1001", StageInput.of(Stage.COMPLETE), crewByPhone("31", "c2"), null));
        assertEquals(Refusal.Reason.SAME_CALL_AS_PREVIOUS, merged.reason(), "the old system's failure: one call for both");
        f.book.enter("1001", StageInput.of(Stage.COMPLETE), crewByPhone("31", "c3"), null);
        assertEquals(OrderStatus.COMPLETED, f.book.find("1001").orElseThrow().status());
    }

    @Test
    void onlyThoseEntitledEnterAStage() {
        f.repairFromCall("c1");
        f.time.advance(Duration.ofMinutes(1));
        assertEquals(Refusal.Reason.NOT_ENTITLED, assertThrows(Refusal.class,
                () -> f.book.enter("1001", StageInput.dispatch("31"), crewByPhone("31", "c9"), null)).reason());
        f.book.enter("1001", StageInput.dispatch("31"), AGENT2, null);
        f.time.advance(Duration.ofMinutes(1));
        assertEquals(Refusal.Reason.NOT_ENTITLED, assertThrows(Refusal.class,
                () -> f.book.enter("1001", StageInput.of(Stage.ARRIVE), AGENT2, null)).reason(), "agents never report for a crew");
        assertEquals(Refusal.Reason.WRONG_CREW, assertThrows(Refusal.class,
                () -> f.book.enter("1001", StageInput.of(Stage.ARRIVE), crewByPhone("32", "c5"), null)).reason());
        assertEquals(Refusal.Reason.BAD_INPUT, assertThrows(Refusal.class,
                () -> f.book.enter("1001", StageInput.of(Stage.ARRIVE), crewByPhone("31", ""), null)).reason(),
                "a phone report without its call is no proof");
        assertEquals(Refusal.Reason.UNKNOWN_ORDER, assertThrows(Refusal.class,
                () -> f.book.enter("9999", StageInput.of(Stage.ARRIVE), crewByPhone("31", "c5"), null)).reason());
        assertEquals(2, f.journal.size());
    }

    @Test
    void aSubmissionRetriedIsRecordedOnce() {
        NewOrder n = new NewOrder(OrderKind.COMPLAINT, Source.CALL, "c1", "13900000000", "李四", "", Area.TOWN, "态度差");
        WorkOrder a = f.book.accept(n, AGENT2, "sub-1");
        WorkOrder b = f.book.accept(n, AGENT2, "sub-1");
        assertEquals(a.number(), b.number());
        f.time.advance(Duration.ofMinutes(2));
        f.book.enter(a.number(), StageInput.of(Stage.ASSIGN), AGENT2, "sub-2");
        f.time.advance(Duration.ofMinutes(2));
        f.book.enter(a.number(), StageInput.of(Stage.ASSIGN), AGENT2, "sub-2");
        assertEquals(2, f.journal.size());
        assertEquals(Refusal.Reason.DUPLICATE_SUBMISSION_DIFFERS, assertThrows(Refusal.class,
                () -> f.book.enter(a.number(), StageInput.of(Stage.HANDLE), AGENT2, "sub-2")).reason());
    }

    @Test
    void aCustomerNotSatisfiedReopensTheRepairForANewDispatch() {
        f.repairFromCall("c1");
        f.time.advance(Duration.ofMinutes(1));
        f.book.enter("1001", StageInput.dispatch("31"), AGENT2, null);
        f.time.advance(Duration.ofMinutes(1));
        f.book.enter("1001", StageInput.of(Stage.ARRIVE), crewByPhone("31", "c2"), null);
        f.time.advance(Duration.ofMinutes(1));
        f.book.enter("1001", StageInput.of(Stage.COMPLETE), crewByPhone("31", "c3"), null);
        f.time.advance(Duration.ofMinutes(1));
        WorkOrder o = f.book.enter("1001", StageInput.callback(CallbackOutcome.NO_ANSWER), AGENT2, null);
        assertEquals(OrderStatus.COMPLETED, o.status(), "not reached: the callback stays due");
        assertEquals(List.of("1001"), f.book.callbacksDue().stream().map(WorkOrder::number).toList());
        f.time.advance(Duration.ofMinutes(30));
        o = f.book.enter("1001", StageInput.callback(CallbackOutcome.REACHED_NOT_SATISFIED), AGENT2, null);
        assertEquals(OrderStatus.REOPENED, o.status());
        assertEquals(Stage.DISPATCH, o.due().stage());
        assertTrue(f.book.callbacksDue().isEmpty());
    }

    @Test
    void aCorrectionIsANewEventAndTheStageStays() {
        f.repairFromCall("c1");
        long acceptedSeq = f.journal.get(0).seq();
        f.time.advance(Duration.ofMinutes(1));
        f.book.correct("1001", acceptedSeq, "地址应为解放路21号", AGENT2, "fix-1");
        f.book.correct("1001", acceptedSeq, "地址应为解放路21号", AGENT2, "fix-1"); // a retried click
        assertEquals(List.of("workorder.accepted", "workorder.note"), f.types());
        assertEquals("城关镇解放路12号", f.book.find("1001").orElseThrow().address());
        WorkOrder.Correction c = f.book.find("1001").orElseThrow().corrections().get(0);
        assertEquals(acceptedSeq, c.ref());
        assertEquals("地址应为解放路21号", c.text());
        WorkOrderBook again = f.newBook();
        List.copyOf(f.journal).forEach(again::replay);
        assertEquals(c, again.find("1001").orElseThrow().corrections().get(0), "rebuilt from the journal");
    }

    @Test
    void theProjectionRebuiltFromTheJournalIsTheSame() {
        f.repairFromCall("c1");
        f.time.advance(Duration.ofMinutes(12));
        f.book.enter("1001", StageInput.dispatch("31"), AGENT2, "s");
        WorkOrder before = f.book.find("1001").orElseThrow();
        int events = f.journal.size();

        WorkOrderBook again = f.newBook();
        List.copyOf(f.journal).forEach(again::replay);
        again.start();
        f.time.runPending();

        assertEquals(before, again.find("1001").orElseThrow());
        assertEquals(events, f.journal.size(), "a rebuild journals nothing, not even the late dispatch again");
        assertEquals(before, again.enter("1001", StageInput.dispatch("31"), AGENT2, "s"), "submissions survive the restart");
    }
}
