package io.branchbox.admin.workorders;

import io.branchbox.admin.http.JsonBodies;
import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.http.Paging;
import io.branchbox.firmware.workorder.Actor;
import io.branchbox.firmware.workorder.ActorRole;
import io.branchbox.firmware.workorder.Area;
import io.branchbox.firmware.workorder.CallbackOutcome;
import io.branchbox.firmware.workorder.NewOrder;
import io.branchbox.firmware.workorder.OrderKind;
import io.branchbox.firmware.workorder.Refusal;
import io.branchbox.firmware.workorder.Source;
import io.branchbox.firmware.workorder.Stage;
import io.branchbox.firmware.workorder.StageInput;
import io.branchbox.firmware.workorder.Via;
import io.branchbox.firmware.workorder.VoicemailInbox;
import io.branchbox.firmware.workorder.WorkOrder;
import io.branchbox.firmware.workorder.WorkOrderService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work-order API. Who acts comes from the session only ({@code actorOf}: the user name is the
 * agent id; users with {@code WORKORDERS_SUPERVISE} act as leads). A refusal of the book answers
 * 409 {@code {"error","code","message"}} (404 for an unknown order) and changes nothing; bad input
 * 400; 503 until a box's work orders are attached. Customer data (names, addresses, numbers) is
 * never logged.
 *
 * <p>Threading: Jetty threads, concurrently; {@link #attach} at any time.
 */
public final class WorkOrderHandlers {
    private static final Logger log = LoggerFactory.getLogger(WorkOrderHandlers.class);

    private final JsonBodies bodies;
    private final Function<Context, Actor> actorOf;
    private final Handler listen;
    private volatile WorkOrderService service;
    private volatile Clock clock = Clock.systemUTC();

    public WorkOrderHandlers(JsonBodies bodies, Function<Context, Actor> actorOf) {
        this(bodies, actorOf, null);
    }

    /**
     * With {@code listen}, the recordings' listen handler (path parameter {@code callId}; it logs
     * the access like any recording access), through which agents hear voicemail messages only.
     */
    public WorkOrderHandlers(JsonBodies bodies, Function<Context, Actor> actorOf, Handler listen) {
        this.bodies = bodies;
        this.actorOf = actorOf;
        this.listen = listen;
    }

    /** Serves {@code s} (null: 503 again); {@code c} stamps handover drafts. */
    public void attach(WorkOrderService s, Clock c) {
        this.clock = c;
        this.service = s;
    }

    /** {@code GET /api/workorders?number=&caller=&crew=&stage=&late=true&offset=&limit=}: one page in the list envelope. */
    public void list(Context ctx) {
        ctx.json(Paging.of(ctx).of(search(ctx)).map(o -> WorkOrderJson.Order.of(o, zone())));
    }

    /** {@code GET /api/workorders/export.csv} with the list's filters. */
    public void export(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"workorders.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result("\uFEFF" + WorkOrderJson.csv(search(ctx), zone()));
    }

    /** {@code GET /api/workorders/{number}}. */
    public void one(Context ctx) {
        WorkOrder o = service().book().find(ctx.pathParam("number"))
                .orElseThrow(() -> new HttpProblem(404, "no work order " + ctx.pathParam("number")));
        ctx.json(WorkOrderJson.Order.of(o, zone()));
    }

    /** {@code GET /api/workorders/callbacks}: the callback list, earliest deadline first, one page of the list envelope. */
    public void callbacks(Context ctx) {
        ctx.json(Paging.of(ctx).of(service().book().callbacksDue()).map(o -> WorkOrderJson.Order.of(o, zone())));
    }

    /** {@code GET /api/workorders/late}: open orders past a deadline (the wallboard's list). */
    public void late(Context ctx) {
        ctx.json(lateOf(service()));
    }

    /**
     * The late orders as the wallboard shows them, for the push stream's {@code lateOrders} event
     * (sent when it changes, so the wallboard shows an escalation within a tick of it); empty
     * while the box runs no work orders. Any thread; the book's search is in memory.
     */
    public Optional<List<?>> lateNow() {
        WorkOrderService s = service;
        return s == null ? Optional.empty() : Optional.of(lateOf(s));
    }

    private List<WorkOrderJson.Order> lateOf(WorkOrderService s) {
        return s.book().search(WorkOrder::late).stream().map(o -> WorkOrderJson.Order.of(o, zone())).toList();
    }

    /** {@code POST /api/workorders}: opens an order owned by the user. */
    public void create(Context ctx) {
        WorkOrderRequests.Create r = bodies.read(ctx, WorkOrderRequests.Create.class);
        NewOrder n = new NewOrder(parse(OrderKind.class, r.kind(), "kind"),
                r.source() == null ? Source.CALL : parse(Source.class, r.source(), "source"), r.callId(),
                r.callerNumber(), r.callerName(), r.address(),
                r.area() == null ? Area.TOWN : parse(Area.class, r.area(), "area"), r.summary());
        Actor by = actorOf.apply(ctx);
        WorkOrder o = refusing(ctx, () -> service().book().accept(n, by, r.submission()));
        if (o != null) {
            log.info("user {} opened work order {}", by.id(), o.number());
            ctx.status(201).json(WorkOrderJson.Order.of(o, zone()));
        }
    }

    /** {@code POST /api/workorders/{number}/stages}: an agent or lead enters a stage. */
    public void enter(Context ctx) {
        WorkOrderRequests.Enter r = bodies.read(ctx, WorkOrderRequests.Enter.class);
        Stage stage = parse(Stage.class, r.stage(), "stage");
        CallbackOutcome outcome = r.outcome() == null || r.outcome().isEmpty() ? null
                : parse(CallbackOutcome.class, r.outcome(), "outcome");
        Actor user = actorOf.apply(ctx);
        Actor by = new Actor(user.id(), user.role(), Via.WEB, r.callId());
        String number = ctx.pathParam("number");
        WorkOrder o = refusing(ctx, () -> service().book().enter(number, new StageInput(stage, r.crew(), outcome,
                r.note()), by, r.submission()));
        if (o != null) {
            log.info("user {} entered {} on work order {}", by.id(), stage, number);
            ctx.json(WorkOrderJson.Order.of(o, zone()));
        }
    }

    /**
     * {@code POST /api/workorders/{number}/corrections}: a lead corrects a stage, as a new event
     * (the stage stays as entered); answers the order with its corrections.
     */
    public void correct(Context ctx) {
        WorkOrderRequests.Correct r = bodies.read(ctx, WorkOrderRequests.Correct.class);
        Actor by = actorOf.apply(ctx);
        String number = ctx.pathParam("number");
        WorkOrder o = refusing(ctx, () -> {
            service().book().correct(number, r.ref(), r.text(), by, r.submission());
            return service().book().find(number).orElseThrow();
        });
        if (o != null) {
            log.info("user {} corrected event {} of work order {}", by.id(), r.ref(), number);
            ctx.json(WorkOrderJson.Order.of(o, zone()));
        }
    }

    /** {@code POST /api/workorders/crew-report}: a crew reports arrival or completion on its phone browser. */
    public void crewReport(Context ctx) {
        WorkOrderRequests.CrewReport r = bodies.read(ctx, WorkOrderRequests.CrewReport.class);
        Stage stage = parse(Stage.class, r.stage(), "stage");
        if (stage != Stage.ARRIVE && stage != Stage.COMPLETE) {
            throw new HttpProblem(400, "a crew reports ARRIVE or COMPLETE");
        }
        WorkOrderService s = service();
        if (s.crewPins().verify(r.crew(), r.pin()).isEmpty()) {
            log.warn("user {}: crew report refused, wrong crew or PIN", actorOf.apply(ctx).id());
            ctx.status(403).json(Map.of("error", "wrong crew or PIN", "code", "WRONG_PIN", "message", "wrong crew or PIN"));
            return;
        }
        Actor by = new Actor(r.crew(), ActorRole.CREW, Via.WEB, "");
        WorkOrder o = refusing(ctx, () -> s.book().enter(r.order(), StageInput.of(stage), by, r.submission()));
        if (o != null) {
            log.info("crew {} reported {} on work order {} (web)", r.crew(), stage, r.order());
            ctx.json(WorkOrderJson.Order.of(o, zone()));
        }
    }

    /** {@code GET /api/handovers}: the draft for the shift on duty and every handover. */
    public void handovers(Context ctx) {
        WorkOrderService s = service();
        WorkOrderJson.HandoverView draft = null;
        String problem = null;
        try {
            draft = WorkOrderJson.HandoverView.of(s.handovers().draft(clock.instant()), zone());
        } catch (Refusal e) {
            problem = e.getMessage();
        }
        List<WorkOrderJson.HandoverView> all = s.handovers().all().stream()
                .map(x -> WorkOrderJson.HandoverView.of(x, zone())).toList();
        String fromShift = draft == null ? null : draft.fromShift();
        Map<String, Object> about = new java.util.LinkedHashMap<>();
        about.put("draft", draft);
        about.put("draftProblem", problem);
        // whether this shift's handover is written already: the list is paged, so the page cannot tell
        about.put("draftWritten", fromShift != null && all.stream().anyMatch(x -> x.fromShift().equals(fromShift)));
        ctx.json(Paging.of(ctx).of(all).and(about));
    }

    /** {@code GET /api/voicemails}: the console's voicemail inbox, open messages first, one page of the list envelope. */
    public void voicemails(Context ctx) {
        ctx.json(Paging.of(ctx).of(service().voicemails().list()).map(m -> WorkOrderJson.Voicemail.of(m, zone())));
    }

    /** {@code POST /api/voicemails/{callId}/handled {"outcome":"DONE|ORDER|CALLBACK","order":"1001"}}. */
    public void voicemailHandled(Context ctx) {
        WorkOrderRequests.Handled r = bodies.read(ctx, WorkOrderRequests.Handled.class);
        VoicemailInbox.Outcome outcome = parse(VoicemailInbox.Outcome.class, r.outcome(), "outcome");
        Actor by = actorOf.apply(ctx);
        var m = refusing(ctx, () -> service().voicemails().handle(ctx.pathParam("callId"), outcome, r.order(), by));
        if (m != null) {
            log.info("user {} handled voicemail {} ({})", by.id(), m.callId(), outcome);
            ctx.json(WorkOrderJson.Voicemail.of(m, zone()));
        }
    }

    /**
     * {@code GET /api/voicemails/{callId}/audio}: a voicemail message's recording, for those who
     * may not hear recordings in general: only a call that left a message in the inbox; the access is
     * logged in the recording access log as any listening is.
     */
    public void voicemailAudio(Context ctx) throws Exception {
        String callId = ctx.pathParam("callId");
        if (listen == null) {
            throw new HttpProblem(503, "recordings are not available on this box");
        }
        if (!service().voicemails().contains(callId)) {
            throw new HttpProblem(404, "no voicemail message from call " + callId);
        }
        listen.handle(ctx);
    }

    /** {@code GET /api/crews}: every crew and whether it has a PIN (never the PIN). */
    public void crews(Context ctx) {
        ctx.json(Paging.of(ctx).of(service().crewPins().status()));
    }

    /** {@code POST /api/crews/{id}/pin {"pin":"2468"}}: sets or resets a crew's PIN; answers the crew's status. */
    public void setCrewPin(Context ctx) throws java.io.IOException {
        WorkOrderRequests.Pin r = bodies.read(ctx, WorkOrderRequests.Pin.class);
        String crew = ctx.pathParam("id");
        Actor by = actorOf.apply(ctx);
        try {
            service().setCrewPin(crew, r.pin(), by);
        } catch (Refusal e) {
            throw new HttpProblem(400, e.getMessage());
        }
        log.info("user {} set the PIN of crew {}", by.id(), crew);
        ctx.json(service().crewPins().status().stream().filter(s -> s.crew().equals(crew)).findFirst().orElseThrow());
    }

    /** {@code POST /api/handovers}: the leaving lead writes the handover. */
    public void writeHandover(Context ctx) {
        WorkOrderRequests.Write r = bodies.read(ctx, WorkOrderRequests.Write.class);
        Actor by = actorOf.apply(ctx);
        var h = refusing(ctx, () -> service().handovers().write(by, r.notes(), clock.instant(), r.submission()));
        if (h != null) {
            log.info("lead {} wrote handover {}", by.id(), h.id());
            ctx.status(201).json(WorkOrderJson.HandoverView.of(h, zone()));
        }
    }

    /** {@code POST /api/handovers/{id}/ack}: the arriving lead acknowledges. */
    public void acknowledge(Context ctx) {
        Actor by = actorOf.apply(ctx);
        var h = refusing(ctx, () -> service().handovers().acknowledge(ctx.pathParam("id"), by));
        if (h != null) {
            log.info("lead {} acknowledged handover {}", by.id(), h.id());
            ctx.json(WorkOrderJson.HandoverView.of(h, zone()));
        }
    }

    private List<WorkOrder> search(Context ctx) {
        String number = ctx.queryParam("number");
        String caller = ctx.queryParam("caller");
        String crew = ctx.queryParam("crew");
        String stage = ctx.queryParam("stage");
        boolean lateOnly = "true".equals(ctx.queryParam("late"));
        Predicate<WorkOrder> f = o -> (blank(number) || o.number().equals(number.strip()))
                && (blank(caller) || o.callerNumber().contains(caller.strip()))
                && (blank(crew) || o.crew().equals(crew.strip()))
                && (blank(stage) || o.status().name().equals(stage.strip()))
                && (!lateOnly || o.late());
        return service().book().search(f);
    }

    private <T> T refusing(Context ctx, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (Refusal e) {
            int status = e.reason() == Refusal.Reason.UNKNOWN_ORDER ? 404 : 409;
            ctx.status(status).json(Map.of("error", e.getMessage(), "code", e.reason().name(), "message", e.getMessage()));
            return null;
        }
    }

    private java.time.ZoneId zone() {
        return clock.getZone();
    }

    private WorkOrderService service() {
        WorkOrderService s = service;
        if (s == null) {
            throw new HttpProblem(503, "work orders are not available: the box is not running");
        }
        return s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String v, String field) {
        try {
            return Enum.valueOf(type, v == null ? "" : v.strip());
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "field '" + field + "': '" + v + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
