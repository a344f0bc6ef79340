package io.branchbox.firmware.workorder;

import java.time.Instant;
import java.util.List;

/**
 * A shift handover (交接班记录): written by the leaving lead from a generated draft, acknowledged
 * by the arriving lead. The listed open orders pass to the arriving shift only on acknowledgement.
 *
 * @param orders     the open orders handed over
 * @param callbacks  orders whose callback or feedback is due
 * @param alarms     orders late at the time of writing
 * @param ackBy      the arriving lead, {@code null} until acknowledged
 */
public record Handover(String id, String fromShift, String toShift, String writtenBy, Instant writtenAt,
        List<String> orders, List<String> callbacks, List<String> alarms, String notes, String ackBy, Instant ackAt) {

    public Handover {
        orders = List.copyOf(orders);
        callbacks = List.copyOf(callbacks);
        alarms = List.copyOf(alarms);
    }

    public boolean acknowledged() {
        return ackBy != null;
    }

    Handover acknowledged(String by, Instant at) {
        return new Handover(id, fromShift, toShift, writtenBy, writtenAt, orders, callbacks, alarms, notes, by, at);
    }
}
