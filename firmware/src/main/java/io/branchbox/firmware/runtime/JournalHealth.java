package io.branchbox.firmware.runtime;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.uplink.Alarm;
import java.io.IOException;
import java.util.Map;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.call.TrunkCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    /** Q.850 cause 42, switching equipment congestion: the network may route the call elsewhere. */
    static final Q850Cause REFUSAL_CAUSE = Q850Cause.SWITCHING_EQUIPMENT_CONGESTION;
    private static final Logger log = LoggerFactory.getLogger(JournalHealth.class);

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

    /**
     * Whether a new call may enter: false, with {@code call} refused with {@link #REFUSAL_CAUSE},
     * while the journal holds {@link #REFUSE_AT} events or more.
     */
    static boolean admit(EventJournal journal, TrunkCall call) {
        if (!refusesCalls(journal)) {
            return true;
        }
        log.error("call from {} refused (cause {}): the journal holds {} unwritten event(s)", call.callingNumber(),
                REFUSAL_CAUSE, journal.heldEvents());
        call.hangup(REFUSAL_CAUSE);
        return false;
    }
}
