package io.branchbox.firmware.runtime;

import static io.branchbox.firmware.journal.CallEventTypes.CALLED;
import static io.branchbox.firmware.journal.CallEventTypes.CALLING;
import static io.branchbox.firmware.journal.CallEventTypes.CALL_REFUSED;
import static io.branchbox.firmware.journal.CallEventTypes.CAUSE;
import static io.branchbox.firmware.journal.CallEventTypes.CHANNELS;
import static io.branchbox.firmware.journal.CallEventTypes.KIND;
import static io.branchbox.firmware.journal.CallEventTypes.REASON;
import static io.branchbox.firmware.journal.CallEventTypes.SPAN_RESTART;
import static io.branchbox.firmware.journal.CallEventTypes.TRUNK;

import io.branchbox.firmware.isdn.q931.Refusal;
import io.branchbox.firmware.isdn.q931.RestartEvent;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.trunk.SpanEvents;
import java.util.Map;
import java.util.stream.Collectors;

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
        journal.append(CALL_REFUSED, null, null, null, Map.of(CAUSE, String.valueOf(r.cause()),
                TRUNK, r.timeslot() > 0 ? "span" + span + "/ts" + r.timeslot() : "span" + span,
                CALLING, r.calling(), CALLED, r.called(), REASON, r.reason()));
    }

    @Override
    public void onRestartEvent(int span, RestartEvent e) {
        journal.append(SPAN_RESTART, null, null, null, Map.of(KIND, e.kind().name(), TRUNK, "span" + span,
                CAUSE, e.cause().map(String::valueOf).orElse("0"),
                CHANNELS, e.timeslots().stream().map(String::valueOf).collect(Collectors.joining(","))));
    }
}
