package io.branchbox.rig.scenario;

import static io.branchbox.rig.scenario.ScenarioSite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.admin.reports.ReportCommand;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.kpi.KpiJson;
import io.branchbox.firmware.workorder.Actor;
import io.branchbox.firmware.workorder.ActorRole;
import io.branchbox.firmware.workorder.Area;
import io.branchbox.firmware.workorder.CallbackOutcome;
import io.branchbox.firmware.workorder.NewOrder;
import io.branchbox.firmware.workorder.OrderKind;
import io.branchbox.firmware.workorder.OrderStatus;
import io.branchbox.firmware.workorder.Source;
import io.branchbox.firmware.workorder.Stage;
import io.branchbox.firmware.workorder.StageInput;
import io.branchbox.firmware.workorder.Via;
import io.branchbox.firmware.workorder.WorkOrder;
import io.branchbox.firmware.workorder.WorkOrderBook;
import io.branchbox.firmware.workorder.WorkOrderEvents;
import io.branchbox.rig.carrier.OfferedCall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repair from the first call to the callback, through the simulated carrier: a caller reports a
 * fault, the agent opens a repair order during the call and dispatches it, the crew calls the crew
 * line twice and reports arrival and then completion with DTMF, the agent calls the customer back.
 * Every stage is its own event at its own time; every call behind a stage is recorded.
 */
class WorkOrderScenarioTest {
    private static final String CUSTOMER = "13800000017";
    private static final String CREW_PHONE = "13900000031";
    private static final String CREW_LINE = "95598800";

    @TempDir
    Path data;

    @Test
    void aRepairRunsFromTheFaultCallThroughTwoCrewCallsToTheCallback() throws Exception {
        Files.createDirectories(data);
        Files.writeString(data.resolve("crew-pins.properties"), "31=2468\n");
        try (ScenarioSite s = ScenarioSite.start(data, c -> c.withWorkOrders(new BoxConfig.WorkOrders(
                c.workOrders().deadlines(), List.of(new BoxConfig.Crew("31", "城区抢修一班")),
                List.of(new BoxConfig.ShiftLead("morning", "agent1"), new BoxConfig.ShiftLead("evening", "agent3"),
                        new BoxConfig.ShiftLead("night", "agent4")),
                "crew-pins.properties", CREW_LINE, "")))) {
            WorkOrderBook book = s.box.runtime().workOrders().book();
            Actor agent2 = Actor.web("agent2", ActorRole.AGENT);

            // the fault call: the agent opens the order while talking, and dispatches the crew
            ok(s.console().ready("agent2"));
            OfferedCall caller = s.call(CUSTOMER, "95598", 1);
            String faultCall = s.callIdOf(CUSTOMER);
            assertEquals("agent2", s.offeredTo(faultCall, 1));
            ok(s.console().answer("agent2"));
            s.await(CallEventTypes.CALL_CONNECTED, faultCall);
            WorkOrder order = book.accept(new NewOrder(OrderKind.REPAIR, Source.CALL, faultCall, CUSTOMER, "陈先生",
                    "城关镇解放路12号", Area.TOWN, "整栋楼停电"), agent2, "scenario-accept");
            Thread.sleep(5); // a stage needs its own instant: the clock must move on
            book.enter(order.number(), StageInput.dispatch("31"), agent2, "scenario-dispatch");
            ok(s.console().hangup("agent2"));
            caller.cleared().get(10, TimeUnit.SECONDS);

            // the crew on site calls the crew line: arrival
            String arrivalCall = crewReports(s, 2, order.number(), "1");
            s.await(Stage.ARRIVE.eventType(), arrivalCall);
            // the job done: a second call for completion
            String completionCall = crewReports(s, 3, order.number(), "2");
            s.await(Stage.COMPLETE.eventType(), completionCall);
            assertNotEquals(arrivalCall, completionCall);
            assertEquals(OrderStatus.COMPLETED, book.find(order.number()).orElseThrow().status());
            assertTrue(book.callbacksDue().stream().anyMatch(o -> o.number().equals(order.number())),
                    "the completed repair is on the callback list");

            // the agent calls the customer back from the console and enters the outcome
            ok(s.console().dial("agent2", CUSTOMER));
            OfferedCall back = s.awaitCallFromBox(CUSTOMER);
            back.answered().get(10, TimeUnit.SECONDS);
            String callback = s.await("the callback's call.started", e -> e.type().equals(CallEventTypes.CALL_STARTED)
                    && "OUT".equals(e.attr(CallEventTypes.DIRECTION))).callId();
            s.await(CallEventTypes.CALL_CONNECTED, callback);
            // a callback is a conversation: let the customer be heard at agent2's headset (seat 2)
            // before hanging up, or the recording may end before its first 20 ms frame
            long heard = s.headset(2).heard();
            ScenarioSite.waitFor("the customer heard at seat 2", ScenarioSite.WAIT, () -> s.headset(2).heard() > heard + 10);
            ok(s.console().hangup("agent2"));
            back.cleared().get(10, TimeUnit.SECONDS);
            book.enter(order.number(), StageInput.callback(CallbackOutcome.REACHED_SATISFIED),
                    new Actor("agent2", ActorRole.AGENT, Via.WEB, callback), "scenario-callback");

            WorkOrder done = book.find(order.number()).orElseThrow();
            assertEquals(OrderStatus.CLOSED, done.status());
            List<Stage> stages = done.stages().stream().map(st -> st.stage()).toList();
            assertEquals(List.of(Stage.ACCEPT, Stage.DISPATCH, Stage.ARRIVE, Stage.COMPLETE, Stage.CALLBACK), stages);
            assertEquals(5, done.stages().stream().map(st -> st.at()).distinct().count(), "five stages, five times");
            for (String call : List.of(faultCall, arrivalCall, completionCall, callback)) {
                s.recording(s.record(call, true)); // each stage's call is recorded, its WAV whole
            }
            JournalEvent arrived = s.await(Stage.ARRIVE.eventType(), arrivalCall);
            assertEquals("PHONE", arrived.attr(WorkOrderEvents.VIA));
            assertEquals("31", arrived.attr(WorkOrderEvents.BY));
            // what the repair callback KPI counts (docs/WORKORDERS.md): a callback on time that reached the customer
            JournalEvent cb = s.await(Stage.CALLBACK.eventType(), callback);
            assertEquals("true", cb.attr(WorkOrderEvents.ON_TIME));
            assertEquals("true", cb.attr(WorkOrderEvents.REACHED));
            assertEquals(order.number(), cb.attr(WorkOrderEvents.ORDER));

            // and the KPI counts it: the report command on the running box's directory, as a
            // technician would run it (the journal reaches the disk within a second; wait for it)
            JsonNode kpis = awaitReport(data, row -> row.path("counts").path("repairOrders").asInt() >= 1);
            assertEquals(1, kpis.path("counts").path("repairOrders").asInt(), kpis.toString());
            assertEquals(1, kpis.path("counts").path("repairCalledBack").asInt(), kpis.toString());
            assertEquals(1, kpis.path("counts").path("repairCallbackReached").asInt(), kpis.toString());
            assertEquals(100.0, kpis.path("repairCallbackRate").asDouble(), 0.01, kpis.toString());
            assertEquals(100.0, kpis.path("validCallbackRate").asDouble(), 0.01, kpis.toString());
        }
    }

    /**
     * The branch's row of {@code report --format json} for yesterday to today in the site's zone
     * (a run across midnight stays inside the period), once it satisfies {@code ready}.
     */
    private static JsonNode awaitReport(Path data, Predicate<JsonNode> ready) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = ReportCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC(),
                    "--data", data.toString(), "--from", today.minusDays(1).toString(), "--to", today.toString(),
                    "--format", "json");
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            JsonNode row = KpiJson.MAPPER.readTree(out.toString(StandardCharsets.UTF_8)).get(0);
            if (ready.test(row) || System.nanoTime() > deadline) {
                return row;
            }
            Thread.sleep(200);
        }
    }

    /** A crew member calls the crew line on timeslot {@code ts}, keys crew, PIN, order and stage; returns the call id. */
    private static String crewReports(ScenarioSite s, int ts, String order, String stageKey) throws Exception {
        java.util.Set<String> before = new java.util.HashSet<>();
        s.events().stream().filter(e -> e.type().equals(CallEventTypes.CALL_STARTED)).forEach(e -> before.add(e.callId()));
        OfferedCall crew = s.call(CREW_PHONE, CREW_LINE, ts);
        String callId = s.await("the crew call on ts " + ts, e -> e.type().equals(CallEventTypes.CALL_STARTED)
                && CREW_PHONE.equals(e.attr(CallEventTypes.CALLING)) && !before.contains(e.callId())).callId();
        s.await("the crew IVR on " + callId, e -> e.type().equals(CallEventTypes.CALL_IVR) && callId.equals(e.callId()));
        s.line(ts).press("31*2468#" + order + "#" + stageKey);
        assertEquals(16, crew.cleared().get(20, TimeUnit.SECONDS), "the box hangs up after the confirmation");
        return callId;
    }
}
