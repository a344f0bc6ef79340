package io.branchbox.firmware.workorder;

import static io.branchbox.firmware.workorder.WorkOrderEvents.*;

import io.branchbox.firmware.journal.JournalEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders as the journal says they are: every {@code workorder.*} event applied in journal
 * order. The same {@link #apply} serves live events (right after the book appends them) and a
 * rebuild from the journal at start, so the state after a restart is the state before it.
 *
 * <p>Not thread-safe: {@link WorkOrderBook} holds its lock around every call.
 */
final class WorkOrderProjection {
    final Map<String, OrderRecord> orders = new LinkedHashMap<>();
    /** Client submission id → what it submitted ({@code order/stage}), for idempotent retries. */
    final Map<String, String> submissions = new LinkedHashMap<>();
    final Map<String, Handover> handovers = new LinkedHashMap<>();
    /** Handover id → the client submission id that wrote it. */
    final Map<String, String> handoverSubmissions = new LinkedHashMap<>();
    private int lastNumber = 1000;

    /** The number the next order gets: digits only, rising, never reused. */
    String nextNumber() {
        return Integer.toString(lastNumber + 1);
    }

    void apply(JournalEvent e) {
        String type = e.type();
        if (type.equals(HANDOVER_WRITTEN)) {
            handovers.put(e.attr(HANDOVER), new Handover(e.attr(HANDOVER), e.attr(FROM_SHIFT), e.attr(TO_SHIFT),
                    e.attr(BY), e.at(), list(e.attr(ORDERS)), list(e.attr(CALLBACKS)), list(e.attr(ALARMS)),
                    nz(e.attr(NOTE_TEXT)), null, null));
            if (e.attr(SUBMISSION) != null) {
                handoverSubmissions.put(e.attr(HANDOVER), e.attr(SUBMISSION));
            }
            return;
        }
        if (type.equals(HANDOVER_ACKNOWLEDGED)) {
            Handover h = handovers.get(e.attr(HANDOVER));
            if (h != null) {
                handovers.put(h.id(), h.acknowledged(e.attr(BY), e.at()));
                for (String n : h.orders()) {
                    OrderRecord o = orders.get(n);
                    if (o != null && o.status.open()) {
                        o.shift = h.toShift();
                    }
                }
            }
            return;
        }
        OrderRecord o = orders.get(e.attr(ORDER));
        if (type.equals(NOTE)) {
            if (o != null) {
                o.corrections.add(new WorkOrder.Correction(e.seq(), Long.parseLong(e.attr(REF)), e.at(), e.attr(BY),
                        nz(e.attr(NOTE_TEXT))));
                remember(e);
            }
            return;
        }
        if (type.equals(LATE)) {
            if (o != null) {
                o.lateDue = new WorkOrder.Due(Stage.valueOf(e.attr(STAGE)), Instant.parse(e.attr(DUE)));
                o.everLate = true;
            }
            return;
        }
        Stage stage = Stage.ofEventType(type);
        if (stage == null) {
            return;
        }
        StageRecord r = new StageRecord(e.seq(), stage, e.at(), e.attr(BY), ActorRole.valueOf(e.attr(ROLE)),
                Via.valueOf(e.attr(VIA)), e.callId() == null ? "" : e.callId(), nz(e.attr(CREW)),
                e.attr(OUTCOME) == null ? null : CallbackOutcome.valueOf(e.attr(OUTCOME)), nz(e.attr(NOTE_TEXT)));
        if (stage == Stage.ACCEPT) {
            o = new OrderRecord(e.attr(ORDER), OrderKind.valueOf(e.attr(KIND)), e.attr(BY),
                    Source.valueOf(e.attr(SOURCE)), r.callId(), nz(e.attr(CALLER)), nz(e.attr(NAME)),
                    nz(e.attr(ADDRESS)), Area.valueOf(e.attr(AREA)), nz(e.attr(SUMMARY)), e.at(),
                    Boolean.parseBoolean(e.attr(CASE_LAG)), nz(e.attr(SHIFT)));
            orders.put(o.number, o);
            lastNumber = Math.max(lastNumber, Integer.parseInt(o.number));
            o.stages.add(r);
            remember(e);
            return;
        }
        if (o == null) {
            return; // the book never journals a stage of an unknown order; an old journal may, ignore it
        }
        OrderStatus satisfied = Transitions.next(o.kind, o.status, stage).orElse(o.status);
        OrderStatus next = stage == Stage.CALLBACK ? Transitions.afterCallback(o.status, satisfied, r.outcome()) : satisfied;
        o.stages.add(r);
        if (stage == Stage.DISPATCH) {
            o.crew = r.crew();
        }
        if (stage == Stage.COMPLETE) {
            o.completedAt = e.at();
        }
        if (next != o.status || stage == Stage.DISPATCH) {
            o.status = next;
            o.statusSince = e.at();
            o.lateDue = null; // the late deadline is met (late), a new one runs
        }
        remember(e);
    }

    private void remember(JournalEvent e) {
        String sub = e.attr(SUBMISSION);
        if (sub != null) {
            submissions.put(sub, submissionKey(e.attr(ORDER), e.type()));
        }
    }

    static String submissionKey(String order, String type) {
        return (order == null ? "" : order) + "/" + type;
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
