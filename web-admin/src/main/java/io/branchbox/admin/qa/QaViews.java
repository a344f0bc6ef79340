package io.branchbox.admin.qa;

import io.branchbox.admin.http.Paging;
import io.branchbox.firmware.qa.CallFacts;
import io.branchbox.firmware.qa.QaCompletion;
import io.branchbox.firmware.qa.QaResult;
import io.branchbox.firmware.qa.QaService;
import io.branchbox.firmware.qa.Sample;
import io.branchbox.firmware.qa.form.FormVersion;
import io.branchbox.firmware.qa.form.ScoringForm;
import io.branchbox.firmware.qa.signal.CallSignals;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the {@code /qa} page shows, as records Javalin writes as JSON: the month's plan with what
 * remains (per agent and month, per agent and shift), and the call list with signals.
 */
final class QaViews {
    private QaViews() {}

    /** A sample with where it stands: {@code PENDING}, {@code SCORED} (any sign-off) or {@code LOST}. */
    record PlanRow(String callId, String agentId, String shift, String reason, String status, String replaces,
            Integer total) {}

    /** One agent's month: drawn (live) and scored, against the monthly minimum. */
    record AgentQuota(String agentId, int drawn, int scored, int minimum) {}

    /** One agent's shift: drawn and scored against the per-shift minimum. */
    record ShiftQuota(String shift, String agentId, int drawn, int scored, int minimum) {}

    record Plan(String month, long seed, QaCompletion completion, int drawn, int remaining, int lost,
            List<AgentQuota> agents, List<ShiftQuota> shifts, List<PlanRow> samples) {

        /**
         * As the route answers it: one page of the samples in the list envelope, the month's
         * figures and quotas (short lists, one row per agent or shift) beside it.
         */
        Map<String, Object> page(Paging paging) {
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("month", month);
            about.put("seed", seed);
            about.put("completion", completion);
            about.put("drawn", drawn);
            about.put("remaining", remaining);
            about.put("lost", lost);
            about.put("agents", agents);
            about.put("shifts", shifts);
            return paging.of(samples).and(about);
        }
    }

    /**
     * One saved version of a form for the editor's history: its size (points, scored and fatal
     * items), who saved it and when (the {@code qa.form.defined} event's).
     */
    record FormVersionRow(String id, int version, String nameZh, String nameEn, int maxPoints, int items,
            int fatalItems, int commentBelow, String by, String at) {}

    static FormVersionRow formVersion(FormVersion v) {
        ScoringForm f = v.form();
        long fatal = f.items().stream().filter(ScoringForm.Item::fatal).count();
        return new FormVersionRow(f.id(), f.version(), f.nameZh(), f.nameEn(), f.maxPoints(),
                f.items().size() - (int) fatal, (int) fatal, f.commentBelow(), v.by(), v.at() == null ? null : v.at().toString());
    }

    /** One call in the list, with its signals (null until computed) and QA state. */
    record CallRow(String callId, String agentId, String queue, String wrapUpCode, String answeredAt, long talkMs,
            long holdMs, boolean recorded, boolean veryShort, CallSignals signals, boolean sampled, String state,
            Integer total) {}

    /**
     * A result as the agent and the shift lead read it: the result, the items that lost points
     * ("核实客户身份与户号 -10") and the fatal errors, by their Chinese names from the form version used.
     */
    record ResultView(String callId, String agentId, String state, io.branchbox.firmware.qa.Score current,
            List<QaResult.Step> steps, List<String> lost, List<String> fatal) {}

    static ResultView result(QaService qa, QaResult r) {
        io.branchbox.firmware.qa.Score s = r.current();
        Optional<io.branchbox.firmware.qa.form.ScoringForm> form = qa.book().form(s.formId(), s.formVersion());
        List<String> lost = new ArrayList<>();
        List<String> fatal = new ArrayList<>();
        form.ifPresent(f -> f.items().forEach(i -> {
            if (i.fatal() && s.fatal().contains(i.id())) {
                fatal.add(i.nameZh());
            } else if (!i.fatal() && s.points().getOrDefault(i.id(), 0) < i.points()) {
                lost.add(i.nameZh() + " -" + (i.points() - s.points().getOrDefault(i.id(), 0)));
            }
        }));
        return new ResultView(r.callId(), r.agentId(), r.state().name(), s, r.steps(), lost, fatal);
    }

    static Plan plan(QaService qa, YearMonth month) {
        List<Sample> samples = qa.book().samples(month.toString());
        List<PlanRow> rows = new ArrayList<>();
        Map<String, int[]> agents = new TreeMap<>();
        Map<String, int[]> shifts = new TreeMap<>();
        int remaining = 0;
        int lost = 0;
        for (Sample s : samples) {
            Optional<QaResult> r = qa.book().result(s.callId());
            String status = r.isPresent() ? "SCORED" : s.lost() ? "LOST" : "PENDING";
            rows.add(new PlanRow(s.callId(), s.agentId(), s.shift().key(), s.reason().name(), status, s.replaces(),
                    r.map(x -> x.current().total()).orElse(null)));
            if (s.lost() && r.isEmpty()) {
                lost++;
                continue;
            }
            remaining += r.isEmpty() ? 1 : 0;
            count(agents, s.agentId(), r.isPresent());
            count(shifts, s.shift().key() + "|" + s.agentId(), r.isPresent());
        }
        List<AgentQuota> a = new ArrayList<>();
        agents.forEach((k, v) -> a.add(new AgentQuota(k, v[0], v[1], qa.settings().minPerAgentMonth())));
        List<ShiftQuota> sh = new ArrayList<>();
        shifts.forEach((k, v) -> {
            String[] parts = k.split("\\|", 2);
            sh.add(new ShiftQuota(parts[0], parts[1], v[0], v[1], qa.settings().minPerAgentShift()));
        });
        return new Plan(month.toString(), QaService.seedOf(month), qa.completion(month), samples.size() - lost,
                remaining, lost, a, sh, rows);
    }

    static List<CallRow> calls(QaService qa, List<CallFacts> calls) {
        Map<String, CallSignals> signals = qa.book().signals(calls.stream().map(CallFacts::callId).toList());
        long shortMs = qa.settings().shortCallS() * 1000L;
        List<CallRow> out = new ArrayList<>();
        Map<String, Optional<QaResult>> results = new HashMap<>();
        for (CallFacts c : calls) {
            Optional<QaResult> r = results.computeIfAbsent(c.callId(), id -> qa.book().result(id));
            out.add(new CallRow(c.callId(), c.agentId(), c.queue(), c.wrapUpCode(), c.answeredAt().toString(), c.talkMs(),
                    c.holdMs(), c.recorded(), c.talkMs() < shortMs, signals.get(c.callId()),
                    qa.book().sample(c.callId()).isPresent(), r.map(x -> x.state().name()).orElse(null),
                    r.map(x -> x.current().total()).orElse(null)));
        }
        return out;
    }

    private static void count(Map<String, int[]> m, String key, boolean scored) {
        int[] v = m.computeIfAbsent(key, k -> new int[2]);
        v[0]++;
        if (scored) {
            v[1]++;
        }
    }
}
