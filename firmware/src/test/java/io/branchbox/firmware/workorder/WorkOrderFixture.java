package io.branchbox.firmware.workorder;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.uplink.Alarm;
import io.branchbox.time.ManualScheduler;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A book in virtual time on the factory document with two crews, 09:00 on a Monday in Shanghai
 * (the morning shift, lead agent1). The journal is a list: every event appended, in order.
 */
final class WorkOrderFixture {
    static final Instant MONDAY_0900 = Instant.parse("2026-12-07T01:00:00Z");
    static final Actor AGENT2 = Actor.web("agent2", ActorRole.AGENT);
    static final Actor LEAD1 = Actor.web("agent1", ActorRole.LEAD);
    static final Actor LEAD3 = Actor.web("agent3", ActorRole.LEAD);

    final BoxConfig config;
    final ManualScheduler time = new ManualScheduler(MONDAY_0900, ZoneId.of("Asia/Shanghai"));
    final List<JournalEvent> journal = new ArrayList<>();
    final List<Alarm> alarms = new ArrayList<>();
    final ConfigShiftRota rota;
    final WorkOrderBook book;
    final ShiftHandovers handovers;
    private long seq;

    WorkOrderFixture() {
        BoxConfig d = ConfigDocuments.defaults();
        config = d.withWorkOrders(new BoxConfig.WorkOrders(d.workOrders().deadlines(),
                List.of(new BoxConfig.Crew("31", "城区抢修一班"), new BoxConfig.Crew("32", "农村抢修班")),
                d.workOrders().leads(), "crew-pins.properties", "95598800", "9"));
        rota = new ConfigShiftRota(config);
        book = newBook();
        handovers = new ShiftHandovers(book, rota);
    }

    /** A second book over the same journal, as after a restart. */
    WorkOrderBook newBook() {
        WorkOrderBook b = new WorkOrderBook(time, e -> {
            journal.add(e.withSeq(++seq));
            return seq;
        }, config.workOrders(), rota);
        b.setAlarmSink(alarms::add);
        return b;
    }

    static Actor crewByPhone(String crew, String callId) {
        return new Actor(crew, ActorRole.CREW, Via.PHONE, callId);
    }

    WorkOrder repairFromCall(String callId) {
        return book.accept(new NewOrder(OrderKind.REPAIR, Source.CALL, callId, "13800138000", "张三",
                "城关镇解放路12号", Area.TOWN, "停电"), AGENT2, null);
    }

    List<String> types() {
        return journal.stream().map(JournalEvent::type).toList();
    }
}
