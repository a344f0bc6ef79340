package io.branchbox.firmware.workorder;

import static io.branchbox.firmware.workorder.WorkOrderEvents.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shift handovers (交接班) and first-contact ownership across shifts: an order stays with the
 * agent who took the call (its owner) and with the shift that accepted it; it passes to the next
 * shift only when the leaving lead's handover listing it is acknowledged by the arriving lead.
 * Both steps are journal events ({@code workorder.handover.written} / {@code .acknowledged}).
 *
 * <p>Threading: as {@link WorkOrderBook}, whose lock every method takes.
 */
public final class ShiftHandovers {
    private final WorkOrderBook book;
    private final ConfigShiftRota rota;

    public ShiftHandovers(WorkOrderBook book, ConfigShiftRota rota) {
        this.book = book;
        this.rota = rota;
    }

    /** A generated draft for the shift on duty at {@code now}: open orders, due callbacks, late orders. */
    public Handover draft(Instant now) {
        synchronized (book) {
            ShiftRota.OnDuty from = rota.onDuty(now).orElseThrow(() ->
                    new Refusal(Refusal.Reason.BAD_INPUT, "no shift is on duty now: nothing to hand over"));
            ShiftRota.OnDuty to = rota.next(now).orElseThrow(() ->
                    new Refusal(Refusal.Reason.BAD_INPUT, "no shift follows " + from.key()));
            List<String> open = new ArrayList<>();
            List<String> callbacks = new ArrayList<>();
            List<String> late = new ArrayList<>();
            book.projection().orders.values().stream().filter(o -> o.status.open() && !to.key().equals(o.shift))
                    .sorted(Comparator.comparing(o -> o.number))
                    .forEach(o -> {
                        WorkOrder w = book.view(o);
                        open.add(o.number);
                        if (w.due() != null && w.due().stage() == Stage.CALLBACK && w.status() != OrderStatus.ASSIGNED) {
                            callbacks.add(o.number);
                        }
                        if (w.late()) {
                            late.add(o.number);
                        }
                    });
            return new Handover("", from.key(), to.key(), from.lead(), now, open, callbacks, late, "", null, null);
        }
    }

    /** The leaving shift's lead writes the handover from the current draft and their notes. */
    public Handover write(Actor by, String notes, Instant now, String submission) {
        synchronized (book) {
            Handover d = draft(now);
            Optional<Handover> again = retried(submission);
            if (again.isPresent()) {
                return again.get();
            }
            if (by.role() != ActorRole.LEAD || !by.id().equals(d.writtenBy())) {
                throw new Refusal(Refusal.Reason.NOT_ENTITLED, "the handover of " + d.fromShift()
                        + " is written by its lead " + d.writtenBy() + ", not " + by.id());
            }
            if (book.projection().handovers.values().stream().anyMatch(h -> h.fromShift().equals(d.fromShift()))) {
                throw new Refusal(Refusal.Reason.BAD_INPUT, "the handover of " + d.fromShift() + " is already written");
            }
            String id = "H" + (book.projection().handovers.size() + 1);
            Map<String, String> a = new LinkedHashMap<>();
            a.put(HANDOVER, id);
            a.put(FROM_SHIFT, d.fromShift());
            a.put(TO_SHIFT, d.toShift());
            a.put(BY, by.id());
            a.put(ORDERS, String.join(",", d.orders()));
            a.put(CALLBACKS, String.join(",", d.callbacks()));
            a.put(ALARMS, String.join(",", d.alarms()));
            a.put(NOTE_TEXT, notes == null ? "" : notes.strip());
            if (submission != null && !submission.isBlank()) {
                a.put(SUBMISSION, submission);
            }
            book.appendHandoverEvent(HANDOVER_WRITTEN, by, a);
            return book.projection().handovers.get(id);
        }
    }

    /** The arriving shift's lead acknowledges handover {@code id}: its open orders pass to their shift. */
    public Handover acknowledge(String id, Actor by) {
        synchronized (book) {
            Handover h = book.projection().handovers.get(id);
            if (h == null) {
                throw new Refusal(Refusal.Reason.BAD_INPUT, "no handover " + id);
            }
            if (h.acknowledged()) {
                return h; // a second click is harmless
            }
            String lead = rota.onDuty(rota.startOf(h.toShift())).map(ShiftRota.OnDuty::lead).orElse("");
            if (by.role() != ActorRole.LEAD || !by.id().equals(lead)) {
                throw new Refusal(Refusal.Reason.NOT_ENTITLED, "handover " + id + " is acknowledged by the lead of "
                        + h.toShift() + " (" + lead + "), not " + by.id());
            }
            Map<String, String> a = new LinkedHashMap<>();
            a.put(HANDOVER, id);
            a.put(BY, by.id());
            a.put(TO_SHIFT, h.toShift());
            book.appendHandoverEvent(HANDOVER_ACKNOWLEDGED, by, a);
            return book.projection().handovers.get(id);
        }
    }

    /** Every handover, newest first. */
    public List<Handover> all() {
        synchronized (book) {
            List<Handover> l = new ArrayList<>(book.projection().handovers.values());
            java.util.Collections.reverse(l);
            return l;
        }
    }

    private Optional<Handover> retried(String submission) {
        if (submission == null || submission.isBlank()) {
            return Optional.empty();
        }
        return book.projection().handovers.values().stream().filter(h -> submission.equals(submissionOf(h))).findFirst();
    }

    private String submissionOf(Handover h) {
        return book.projection().handoverSubmissions.get(h.id());
    }
}
