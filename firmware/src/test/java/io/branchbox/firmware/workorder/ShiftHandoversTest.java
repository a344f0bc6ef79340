package io.branchbox.firmware.workorder;

import static io.branchbox.firmware.workorder.WorkOrderFixture.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** First-contact ownership: an open order passes to the next shift only through an acknowledged handover. */
class ShiftHandoversTest {
    private final WorkOrderFixture f = new WorkOrderFixture();

    @Test
    void openOrdersPassToTheEveningShiftOnlyWhenItsLeadAcknowledgesTheHandover() {
        f.repairFromCall("c1");
        f.time.advance(Duration.ofMinutes(15)); // 09:15: late, not yet dispatched
        WorkOrder done = f.book.accept(new NewOrder(OrderKind.INQUIRY, Source.CALL, "c2", "13600000000", "赵六", "",
                Area.TOWN, "电价"), AGENT2, null);
        f.time.advance(Duration.ofHours(8)); // 17:15, still the morning shift

        Handover draft = f.handovers.draft(f.time.clock().instant());
        assertEquals("2026-12-07/morning", draft.fromShift());
        assertEquals("2026-12-07/evening", draft.toShift());
        assertEquals("agent1", draft.writtenBy());
        assertEquals(List.of("1001", done.number()), draft.orders());
        assertTrue(draft.alarms().contains("1001"));

        assertEquals(Refusal.Reason.NOT_ENTITLED, assertThrows(Refusal.class,
                () -> f.handovers.write(AGENT2, "", f.time.clock().instant(), null)).reason(), "only the leaving lead");
        Handover h = f.handovers.write(LEAD1, "1001 待派工，抢修一班电话占线", f.time.clock().instant(), "hw-1");
        assertEquals(h, f.handovers.write(LEAD1, "again", f.time.clock().instant(), "hw-1"), "retried once");
        assertEquals(Refusal.Reason.BAD_INPUT, assertThrows(Refusal.class,
                () -> f.handovers.write(LEAD1, "twice", f.time.clock().instant(), "hw-2")).reason(), "one handover a shift");

        f.time.advance(Duration.ofMinutes(20)); // 17:35, the evening shift is on duty
        assertEquals("2026-12-07/morning", f.book.find("1001").orElseThrow().shift(),
                "a shift change alone moves nothing");
        assertEquals(Refusal.Reason.NOT_ENTITLED, assertThrows(Refusal.class,
                () -> f.handovers.acknowledge(h.id(), LEAD1)).reason(), "the arriving lead acknowledges");

        Handover acked = f.handovers.acknowledge(h.id(), LEAD3);
        assertTrue(acked.acknowledged());
        WorkOrder o = f.book.find("1001").orElseThrow();
        assertEquals("2026-12-07/evening", o.shift());
        assertEquals("agent2", o.owner(), "the agent who took the call still owns it");
        assertEquals(List.of(WorkOrderEvents.HANDOVER_WRITTEN, WorkOrderEvents.HANDOVER_ACKNOWLEDGED),
                f.types().stream().filter(t -> t.startsWith("workorder.handover")).toList());

        WorkOrderBook rebuilt = f.newBook();
        List.copyOf(f.journal).forEach(rebuilt::replay);
        assertEquals("2026-12-07/evening", rebuilt.find("1001").orElseThrow().shift());
    }
}
