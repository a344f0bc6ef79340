package io.branchbox.admin.qa;

import io.branchbox.admin.console.ConsoleHandlers;
import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.http.Paging;
import io.branchbox.firmware.console.AgentSummary;
import io.branchbox.firmware.console.MonitorMode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Live listening for scoring ({@code /api/qa/live...}, QA_SCORE): the console's supervisor listen,
 * scored like a recording. The score itself goes to {@link QaHandlers#score} with {@code live:
 * true}; the recording follows when the call ends.
 *
 * <p>Threading: Jetty's request threads; the console answers within its own timeout.
 */
public final class QaLiveHandlers {
    /** A call being talked now, for live listening: the agent, their seat, the call and since when. */
    record LiveCall(String agentId, String name, int seat, String callId, Instant since) {}

    private final QaRequests requests;
    private final Function<Context, QaHandlers.Who> who;
    private final ConsoleHandlers console;

    QaLiveHandlers(QaRequests requests, Function<Context, QaHandlers.Who> who, ConsoleHandlers console) {
        this.requests = requests;
        this.who = who;
        this.console = console;
    }

    /**
     * The calls being talked now (not the inspector's own), one page of the list envelope, with the
     * inspector's agent id ({@code listenerId}) and seat ({@code seat}, 0: no seat, so no live
     * listening) beside it.
     */
    public void live(Context ctx) {
        requests.service();
        String me = who.apply(ctx).agentId();
        int seat = 0;
        List<LiveCall> calls = new ArrayList<>();
        for (AgentSummary a : console.agentsNow()) {
            if (a.agentId().equals(me)) {
                seat = a.seat();
            } else if (talking(a)) {
                calls.add(new LiveCall(a.agentId(), a.name(), a.seat(), a.callId(), a.since()));
            }
        }
        Map<String, Object> about = new java.util.LinkedHashMap<>(); // listenerId may be null: no Map.of
        about.put("listenerId", me);
        about.put("seat", seat);
        ctx.json(Paging.of(ctx).of(calls).and(about));
    }

    /**
     * The inspector starts listening to {@code agentId}'s call on the phone of their own seat (the
     * console's supervisor listen, refused as it refuses); answers the call to score.
     */
    public void listenLive(Context ctx) {
        requests.service();
        String target = ctx.pathParam("agentId");
        console.monitorAs(who.apply(ctx).agentId(), target, MonitorMode.LISTEN);
        LiveCall call = console.agentsNow().stream().filter(a -> a.agentId().equals(target) && talking(a))
                .findFirst().map(a -> new LiveCall(a.agentId(), a.name(), a.seat(), a.callId(), a.since()))
                .orElseThrow(() -> new HttpProblem(409, target + " is no longer talking to a caller"));
        ctx.json(call);
    }

    /** The inspector stops listening to {@code agentId}'s call. */
    public void endLive(Context ctx) {
        requests.service();
        console.monitorAs(who.apply(ctx).agentId(), ctx.pathParam("agentId"), MonitorMode.END);
        ctx.json(Map.of("ok", true));
    }

    /** An agent with a call (the console leaves an idle agent's call id empty). */
    private static boolean talking(AgentSummary a) {
        return a.callId() != null && !a.callId().isBlank();
    }
}
