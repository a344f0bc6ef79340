package io.branchbox.firmware.workorder;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The work orders as the central office sees them in each {@code figures} message (nested object
 * {@code workOrders}, schema {@code figures.schema.json}): orders opened and closed in the
 * interval, open orders now by kind, and every order late now (at most {@link #LATE_LISTED} listed,
 * {@code lateCount} is the true number), plus the voicemail inbox's open and late messages.
 *
 * @param opened        orders accepted in the interval
 * @param closed        orders closed in the interval
 * @param openByKind    open orders at the interval's end, per kind (every kind present, 0 for none)
 * @param lateCount     open orders whose next deadline has passed and was escalated
 * @param late          the late orders, earliest deadline first, at most {@link #LATE_LISTED}
 * @param caseLag       orders accepted in the interval that were flagged as case lag
 * @param callbacksDue  orders on the callback list now
 * @param voicemailsOpen unhandled voicemail messages now
 * @param voicemailsLate unhandled voicemail messages past their deadline now
 */
public record WorkOrderFigures(int opened, int closed, Map<OrderKind, Integer> openByKind, int lateCount,
        List<Late> late, int caseLag, int callbacksDue, int voicemailsOpen, int voicemailsLate) {

    /** Late orders listed by number in one message; the office reads the rest from the alarms. */
    public static final int LATE_LISTED = 50;

    public WorkOrderFigures {
        openByKind = Map.copyOf(openByKind);
        late = List.copyOf(late);
    }

    /** One late order: its stage overdue since {@code due}, its owner and crew (empty before dispatch). */
    public record Late(String order, OrderKind kind, Stage stage, Instant due, String owner, String crew) {}

    /** Folds {@code orders} (every order the book knows) for the interval [{@code from}, {@code to}). */
    static WorkOrderFigures of(List<WorkOrder> orders, Instant from, Instant to, int callbacksDue,
            List<VoicemailInbox.Message> voicemails) {
        int opened = 0;
        int closed = 0;
        int caseLag = 0;
        Map<OrderKind, Integer> open = new EnumMap<>(OrderKind.class);
        for (OrderKind k : OrderKind.values()) {
            open.put(k, 0);
        }
        List<Late> late = new java.util.ArrayList<>();
        for (WorkOrder w : orders) {
            if (in(w.acceptedAt(), from, to)) {
                opened++;
                caseLag += w.caseLag() ? 1 : 0;
            }
            if (w.status().open()) {
                open.merge(w.kind(), 1, Integer::sum);
                if (w.late() && w.due() != null) {
                    late.add(new Late(w.number(), w.kind(), w.due().stage(), w.due().at(), w.owner(), w.crew()));
                }
            } else if (!w.stages().isEmpty() && in(w.stages().get(w.stages().size() - 1).at(), from, to)) {
                closed++;
            }
        }
        late.sort(java.util.Comparator.comparing(Late::due).thenComparing(Late::order));
        int vmOpen = 0;
        int vmLate = 0;
        for (VoicemailInbox.Message m : voicemails) {
            if (m.open()) {
                vmOpen++;
                vmLate += m.late() ? 1 : 0;
            }
        }
        return new WorkOrderFigures(opened, closed, open, late.size(),
                late.subList(0, Math.min(LATE_LISTED, late.size())), caseLag, callbacksDue, vmOpen, vmLate);
    }

    private static boolean in(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    /** The JSON object of the {@code figures} message (docs/MQTT.md). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("opened", opened);
        m.put("closed", closed);
        Map<String, Object> byKind = new LinkedHashMap<>();
        openByKind.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> byKind.put(e.getKey().name(), e.getValue()));
        m.put("openByKind", byKind);
        m.put("caseLag", caseLag);
        m.put("callbacksDue", callbacksDue);
        m.put("lateCount", lateCount);
        m.put("late", late.stream().map(l -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("order", l.order());
            o.put("kind", l.kind().name());
            o.put("stage", l.stage().name());
            o.put("due", l.due().toString());
            o.put("owner", l.owner());
            o.put("crew", l.crew());
            return o;
        }).toList());
        m.put("voicemailsOpen", voicemailsOpen);
        m.put("voicemailsLate", voicemailsLate);
        return m;
    }
}
