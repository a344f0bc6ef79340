package io.branchbox.firmware.runtime;

import io.branchbox.firmware.isdn.q931.Refusal;
import io.branchbox.firmware.isdn.q931.RestartEvent;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.trunk.SpanEvents;

/**
 * Journals what the PRI spans report besides calls: refused callers ({@code call.refused}) and
 * restart events ({@code span.restart}), so they are in the one event log and in the statistics.
 *
 * <p>Threading: called on the signalling thread; {@link EventJournal#append} only queues.
 */
final class SpanJournal implements SpanEvents {
    private final EventJournal journal;

    SpanJournal(EventJournal journal) {
        this.journal = journal;
    }

    @Override
    public void onRefused(int span, Refusal r) {
        journal.append(new CallEvents.Refused(r.cause(),
                r.timeslot() > 0 ? "span" + span + "/ts" + r.timeslot() : "span" + span,
                r.calling(), r.called(), r.reason()));
    }

    @Override
    public void onRestartEvent(int span, RestartEvent e) {
        journal.append(new CallEvents.SpanRestarted(e.kind().name(), "span" + span, e.cause().orElse(null),
                e.timeslots()));
    }
}
