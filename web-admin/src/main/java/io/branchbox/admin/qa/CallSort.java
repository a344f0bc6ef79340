package io.branchbox.admin.qa;

import io.branchbox.admin.http.HttpProblem;
import io.branchbox.firmware.qa.signal.CallSignals;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The column the QA call list is sorted by ({@code ?sort=&desc=}), on the box: the list is paged
 * by the box, so sorting on the page would order one page only. Calls without signals sort as
 * −1 (first ascending), as the page did. Stateless; any thread.
 */
enum CallSort {
    CALL_ID("callId", text(QaViews.CallRow::callId)),
    AGENT_ID("agentId", text(QaViews.CallRow::agentId)),
    QUEUE("queue", text(QaViews.CallRow::queue)),
    ANSWERED_AT("answeredAt", text(QaViews.CallRow::answeredAt)),
    TALK_MS("talkMs", Comparator.comparingLong(QaViews.CallRow::talkMs)),
    HOLD_MS("holdMs", Comparator.comparingLong(QaViews.CallRow::holdMs)),
    SILENCE_PCT("silencePct", signal(CallSignals::silencePct)),
    TALK_OVER_PCT("talkOverPct", signal(CallSignals::talkOverPct)),
    LONGEST_SILENCE_MS("longestSilenceMs", signal(CallSignals::longestSilenceMs)),
    AGENT_SHARE_PCT("agentSharePct", signal(CallSignals::agentSharePct)),
    STATE("state", text(QaViews.CallRow::state));

    private final String key;
    private final Comparator<QaViews.CallRow> order;

    CallSort(String key, Comparator<QaViews.CallRow> order) {
        this.key = key;
        this.order = order.thenComparing(QaViews.CallRow::callId);
    }

    /** The column named {@code key} (the page's {@code data-sort}); answered time when none; 400 for another. */
    static CallSort of(String key) {
        if (key == null || key.isBlank()) {
            return ANSWERED_AT;
        }
        for (CallSort s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new HttpProblem(400, "unknown sort column '" + key.toLowerCase(Locale.ROOT) + "'");
    }

    Comparator<QaViews.CallRow> order(boolean descending) {
        return descending ? order.reversed() : order;
    }

    private static Comparator<QaViews.CallRow> text(Function<QaViews.CallRow, String> f) {
        return Comparator.comparing(r -> f.apply(r) == null ? "" : f.apply(r));
    }

    private static Comparator<QaViews.CallRow> signal(ToDoubleFunction<CallSignals> f) {
        return Comparator.comparingDouble(r -> r.signals() == null ? -1 : f.applyAsDouble(r.signals()));
    }
}
