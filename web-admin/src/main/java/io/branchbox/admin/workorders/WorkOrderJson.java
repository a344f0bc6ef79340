package io.branchbox.admin.workorders;

import io.branchbox.firmware.workorder.Handover;
import io.branchbox.firmware.workorder.StageRecord;
import io.branchbox.firmware.workorder.Transitions;
import io.branchbox.firmware.workorder.VoicemailInbox;
import io.branchbox.firmware.workorder.WorkOrder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The JSON and CSV shapes of work orders. Times are the site's local time as text
 * ({@code 2026-12-07 09:00:00}, the zone of the box's clock), so every page and export shows the
 * branch's own clock whatever the browser's zone; names, addresses and notes go out as typed and
 * the pages render them as text only.
 */
final class WorkOrderJson {
    private WorkOrderJson() {}

    record Order(String number, String kind, String status, String owner, String shift, String crew, String source,
            String callId, String callerNumber, String callerName, String address, String area, String summary,
            String acceptedAt, boolean caseLag, String dueStage, String dueAt, boolean late, boolean everLate,
            List<Stage> stages, List<String> allowed, List<Correction> corrections) {
        static Order of(WorkOrder o, ZoneId z) {
            return new Order(o.number(), o.kind().name(), o.status().name(), o.owner(), o.shift(), o.crew(),
                    o.source().name(), o.callId(), o.callerNumber(), o.callerName(), o.address(), o.area().name(),
                    o.summary(), text(o.acceptedAt(), z), o.caseLag(), o.due() == null ? null : o.due().stage().name(),
                    o.due() == null ? null : text(o.due().at(), z), o.late(), o.everLate(),
                    o.stages().stream().map(s -> Stage.of(s, z)).toList(),
                    Transitions.allowed(o.kind(), o.status()).stream().map(Enum::name).toList(),
                    o.corrections().stream().map(c -> new Correction(c.seq(), c.ref(), text(c.at(), z), c.by(), c.text()))
                            .toList());
        }
    }

    /** A correction of the stage event {@code ref}. */
    record Correction(long seq, long ref, String at, String by, String text) {}

    record Stage(long seq, String stage, String at, String by, String role, String via, String callId, String crew,
            String outcome, String note) {
        static Stage of(StageRecord s, ZoneId z) {
            return new Stage(s.seq(), s.stage().name(), text(s.at(), z), s.by(), s.role().name(), s.via().name(),
                    s.callId(), s.crew(), s.outcome() == null ? null : s.outcome().name(), s.note());
        }
    }

    record HandoverView(String id, String fromShift, String toShift, String writtenBy, String writtenAt,
            List<String> orders, List<String> callbacks, List<String> alarms, String notes, String ackBy, String ackAt) {
        static HandoverView of(Handover h, ZoneId z) {
            return new HandoverView(h.id(), h.fromShift(), h.toShift(), h.writtenBy(), text(h.writtenAt(), z), h.orders(),
                    h.callbacks(), h.alarms(), h.notes(), h.ackBy(), text(h.ackAt(), z));
        }
    }

    record Voicemail(String callId, String caller, String queue, String at, long durationMs, String due, boolean late,
            boolean open, String handledBy, String handledAt, String outcome, String order) {
        static Voicemail of(VoicemailInbox.Message m, ZoneId z) {
            return new Voicemail(m.callId(), m.caller(), m.queue(), text(m.at(), z), m.durationMs(), text(m.due(), z),
                    m.late(), m.open(), m.handledBy(), text(m.handledAt(), z), m.outcome() == null ? null : m.outcome().name(),
                    m.order());
        }
    }


    /** The CSV export's header; one row per order, in the list's order. */
    static final String CSV_HEADER = "number,kind,status,owner,shift,crew,callerNumber,callerName,address,area,"
            + "acceptedAt,caseLag,dueStage,dueAt,late,everLate,callId,stages\r\n";

    static String csv(List<WorkOrder> orders, ZoneId z) {
        StringBuilder b = new StringBuilder(CSV_HEADER);
        for (WorkOrder o : orders) {
            String stages = String.join(" ", o.stages().stream().map(s -> s.stage() + "@" + text(s.at(), z)).toList());
            row(b, o.number(), o.kind().name(), o.status().name(), o.owner(), o.shift(), o.crew(), o.callerNumber(),
                    o.callerName(), o.address(), o.area().name(), text(o.acceptedAt(), z), Boolean.toString(o.caseLag()),
                    o.due() == null ? "" : o.due().stage().name(), o.due() == null ? "" : text(o.due().at(), z),
                    Boolean.toString(o.late()), Boolean.toString(o.everLate()), o.callId(), stages);
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells[i]));
        }
        b.append("\r\n");
    }

    /** RFC 4180 quoting, and a leading = + - @ defused so a spreadsheet never runs a cell as a formula. */
    static String cell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    static String text(Instant t, ZoneId z) {
        return t == null ? null : LOCAL.format(t.atZone(z));
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
}
