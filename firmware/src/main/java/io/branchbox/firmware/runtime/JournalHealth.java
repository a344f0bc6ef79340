package io.branchbox.firmware.runtime;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.uplink.Alarm;
import java.io.IOException;
import java.util.Map;

/**
 * Watches the journal's backlog: while the disk refuses writes, events wait in memory. Above
 * {@link #ALARM_AT} held events (or on any write failure) {@code JOURNAL_WRITE} is raised;
 * above {@link #REFUSE_AT} the box refuses new calls (cause 42, switching equipment congestion,
 * so the network can route them elsewhere) rather than grow the backlog until memory runs out
 * and events are lost. Calls in progress go on; held events are written when the disk recovers.
 *
 * <p>Threading: {@link #update} on the signalling thread with each snapshot; {@link #refusesCalls}
 * from call entry on the same thread.
 */
final class JournalHealth {
    static final String CODE = "JOURNAL_WRITE";
    static final long ALARM_AT = 1_000;
    /** About 10 MB of events: far below the heap, far above any healthy backlog. */
    static final long REFUSE_AT = 20_000;

    private JournalHealth() {}

    static void update(EventJournal journal, BoxFaults faults) {
        long held = journal.heldEvents();
        IOException failure = journal.writeFailure();
        if (failure == null && held < ALARM_AT) {
            faults.clear(CODE);
            return;
        }
        boolean refusing = held >= REFUSE_AT;
        faults.raise(CODE, refusing ? Alarm.Severity.CRITICAL : Alarm.Severity.MAJOR,
                "journal cannot write" + (failure == null ? "" : " (" + failure.getMessage() + ")") + ": " + held
                        + " event(s) held in memory" + (refusing ? "; new calls are refused (cause 42) until it writes again"
                        : "; new calls are refused from " + REFUSE_AT), Map.of("heldEvents", held));
    }

    static boolean refusesCalls(EventJournal journal) {
        return journal.heldEvents() >= REFUSE_AT;
    }
}
