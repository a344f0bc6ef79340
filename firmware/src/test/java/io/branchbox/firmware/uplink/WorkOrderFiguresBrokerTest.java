package io.branchbox.firmware.uplink;

import static io.branchbox.firmware.uplink.BrokerTests.WAIT;
import static io.branchbox.firmware.uplink.BrokerTests.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.workorder.Actor;
import io.branchbox.firmware.workorder.ActorRole;
import io.branchbox.firmware.workorder.Area;
import io.branchbox.firmware.workorder.ConfigShiftRota;
import io.branchbox.firmware.workorder.NewOrder;
import io.branchbox.firmware.workorder.OrderKind;
import io.branchbox.firmware.workorder.Source;
import io.branchbox.firmware.workorder.StageInput;
import io.branchbox.firmware.workorder.WorkOrderBook;
import io.branchbox.firmware.workorder.WorkOrderFigures;
import io.branchbox.time.ExecutorScheduler;
import io.branchbox.time.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the central office learns of the work orders: the {@code workOrders} object of a
 * {@code figures} message, built by the book in virtual time (two repairs and a complaint, one
 * repair late for dispatch), sent through a real Mosquitto and checked against the schema.
 */
class WorkOrderFiguresBrokerTest {
    private static final Instant MONDAY_0900 = Instant.parse("2026-12-07T01:00:00Z");
    private static final Actor AGENT2 = Actor.web("agent2", ActorRole.AGENT);

    @TempDir
    Path dir;

    private WorkOrderFigures figures() {
        ManualScheduler time = new ManualScheduler(MONDAY_0900, ZoneId.of("Asia/Shanghai"));
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig c = d.withWorkOrders(new BoxConfig.WorkOrders(d.workOrders().deadlines(),
                List.of(new BoxConfig.Crew("31", "城区抢修一班")), d.workOrders().leads(), "crew-pins.properties", "", ""));
        long[] seq = {0};
        WorkOrderBook book = new WorkOrderBook(time, e -> ++seq[0], c.workOrders(), new ConfigShiftRota(c));
        book.accept(new NewOrder(OrderKind.REPAIR, Source.CALL, "c1", "13800138000", "张三", "解放路12号", Area.TOWN, ""),
                AGENT2, null);
        time.advance(Duration.ofMinutes(2));
        book.accept(new NewOrder(OrderKind.REPAIR, Source.CALL, "c2", "13700000000", "李四", "李家村", Area.RURAL, ""),
                AGENT2, null);
        book.accept(new NewOrder(OrderKind.COMPLAINT, Source.CALL, "c3", "13600000000", "王五", "", Area.TOWN, ""),
                AGENT2, null);
        time.advance(Duration.ofMinutes(3));
        book.enter("1002", StageInput.dispatch("31"), AGENT2, null);
        time.advance(Duration.ofMinutes(6)); // 1001 is past its 10-minute dispatch deadline, 1002 was dispatched
        return book.figures(MONDAY_0900, time.clock().instant(), List.of());
    }

    @Test
    void countsAndLateOrdersOfTheIntervalFold() {
        WorkOrderFigures f = figures();
        assertEquals(3, f.opened());
        assertEquals(0, f.closed());
        assertEquals(Map.of(OrderKind.REPAIR, 2, OrderKind.COMPLAINT, 1, OrderKind.INQUIRY, 0), f.openByKind());
        assertEquals(1, f.lateCount(), "the undispatched repair only: the complaint's 30-minute assignment still runs");
        assertEquals("1001", f.late().get(0).order());
        assertEquals(MONDAY_0900.plus(Duration.ofMinutes(10)), f.late().get(0).due());
    }

    @Test
    void theOfficeReceivesASchemaValidWorkOrdersObjectThroughMosquitto() throws Exception {
        MosquittoBroker.require();
        Map<String, Object> orders = figures().toMap();
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
                Subscriber office = new Subscriber(broker.uri(), "branchbox/s1/b1/figures");
                ExecutorScheduler scheduler = new ExecutorScheduler("uplink-wo", Clock.systemUTC())) {
            UplinkService uplink = new UplinkService(BrokerTests.settings(broker.uri(), Duration.ofMillis(200))
                    .withProtocol(UplinkSettings.Protocol.MQTT_5), Files.createDirectories(dir.resolve("data")),
                    scheduler, Map::of, null);
            uplink.start();
            assertTrue(eventually(() -> uplink.status().state() == UplinkState.CONNECTED), "status " + uplink.status());
            assertTrue(uplink.publishFigures(MONDAY_0900, MONDAY_0900.plusSeconds(900), Map.of("offered", 4), orders));

            JsonNode m = Schemas.assertValid("figures", office.await(x -> true, 1, WAIT).get(0).payload());
            JsonNode w = m.get("workOrders");
            assertEquals(3, w.get("opened").asInt());
            assertEquals(2, w.at("/openByKind/REPAIR").asInt());
            assertEquals(1, w.get("lateCount").asInt());
            assertEquals("1001", w.at("/late/0/order").asText());
            assertEquals("DISPATCH", w.at("/late/0/stage").asText());
            assertEquals("agent2", w.at("/late/0/owner").asText());
            assertEquals(4, m.at("/figures/offered").asInt(), "the call figures beside it are untouched");
            uplink.stop().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theSchemaRefusesALateOrderWithoutItsStageAndAcceptsFiguresWithoutWorkOrders() {
        UplinkPayloads p = new UplinkPayloads("s1", "b1");
        Map<String, Object> orders = new java.util.LinkedHashMap<>(figures().toMap());
        Map<String, Object> late = new java.util.LinkedHashMap<>(((List<Map<String, Object>>) orders.get("late")).get(0));
        late.remove("stage");
        orders.put("late", List.of(late));
        String bad = new String(p.figures(7, MONDAY_0900, MONDAY_0900, MONDAY_0900.plusSeconds(900), Map.of(), orders),
                java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(Schemas.errors("figures", bad).isEmpty(), "a late order names the late stage");
        Schemas.assertValid("figures", new String(p.figures(8, MONDAY_0900, MONDAY_0900, MONDAY_0900.plusSeconds(900),
                Map.of()), java.nio.charset.StandardCharsets.UTF_8));
    }
}
