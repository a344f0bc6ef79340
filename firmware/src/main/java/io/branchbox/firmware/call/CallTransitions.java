package io.branchbox.firmware.call;

import static io.branchbox.firmware.call.Call.State.*;
import static io.branchbox.firmware.call.CallEvent.*;

import io.branchbox.firmware.call.Call.State;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one transition table of a call: for each state, the events allowed there and the state
 * each leads to. Every change of {@link Call#state()} goes through it ({@link Call#on}); the
 * state diagram in docs/ARCHITECTURE.md is generated from it ({@link #markdown()}) and checked
 * against it by a test.
 *
 * <p>Immutable and stateless; shared by every call. A row whose target is its source re-enters
 * the state (its "since" restarts), as a call moving to another queue starts a new wait.
 */
final class CallTransitions {
    private CallTransitions() {}

    /** One allowed transition. */
    record Row(State from, CallEvent event, State to) {}

    private static final List<Row> ROWS;
    private static final Map<State, Map<CallEvent, State>> TABLE = new EnumMap<>(State.class);

    static {
        List<Row> rows = new ArrayList<>();
        add(rows, TRUNK_ANSWERED, IVR, ANSWERING);
        add(rows, DIAL, DIALLING, ANSWERING);
        add(rows, CREW_LINE, IVR, IVR);
        add(rows, QUEUE_JOINED, QUEUED, IVR, QUEUED);
        add(rows, OVERFLOW_TO_QUEUE, QUEUED, IVR, QUEUED);
        add(rows, TO_VOICEMAIL, VOICEMAIL, IVR, QUEUED);
        add(rows, VOICEMAIL_TIME_UP, VOICEMAIL, VOICEMAIL);
        add(rows, CALLBACK_BOOKED, CALLBACK, IVR, QUEUED);
        add(rows, FORWARD, FORWARDED, IVR);
        add(rows, FORWARD_FAILED, State.GOODBYE, FORWARDED);
        add(rows, LAST_MESSAGE, State.GOODBYE, IVR);
        add(rows, AGENT_MATCHED, OFFERED, QUEUED);
        add(rows, COLLEAGUE_RUNG, OFFERED, DIALLING);
        add(rows, BLIND_TRANSFER_TO_AGENT, OFFERED, CONNECTED, HELD);
        add(rows, OFFER_TIMEOUT, QUEUED, OFFERED);
        add(rows, SEAT_FAULT, QUEUED, OFFERED);
        add(rows, SEAT_OPENED, CONNECTED, OFFERED);
        add(rows, FAR_END_ANSWERED, CONNECTED, DIALLING);
        add(rows, HOLD, HELD, CONNECTED);
        add(rows, RETRIEVE, CONNECTED, HELD);
        add(rows, CONSULT, CONSULTING, CONNECTED, HELD);
        add(rows, CONSULT_ENDED, CONNECTED, CONSULTING);
        add(rows, TRANSFER_COMPLETED, CONNECTED, CONSULTING);
        add(rows, BLIND_TRANSFER_TO_QUEUE, QUEUED, CONNECTED, HELD);
        add(rows, SURVEY_STARTED, SURVEY, CONNECTED, HELD);
        add(rows, END, ENDED, Arrays.stream(State.values()).filter(s -> s != ENDED).toArray(State[]::new));
        ROWS = Collections.unmodifiableList(rows);
        for (Row r : rows) {
            State clash = TABLE.computeIfAbsent(r.from(), s -> new EnumMap<>(CallEvent.class)).put(r.event(), r.to());
            if (clash != null) {
                throw new IllegalStateException("two rows for " + r.from() + " on " + r.event());
            }
        }
    }

    private static void add(List<Row> rows, CallEvent event, State to, State... from) {
        for (State f : from) {
            rows.add(new Row(f, event, to));
        }
    }

    /** Where {@code event} leads from {@code from}, or empty when the table does not allow it there. */
    static Optional<State> next(State from, CallEvent event) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(event));
    }

    /** Every allowed transition, grouped by event in the table's order. */
    static List<Row> rows() {
        return ROWS;
    }

    /**
     * The table as the Markdown of docs/ARCHITECTURE.md's call state section: one line per
     * (state, event) pair, sources in {@link State} order; {@code END}, allowed everywhere but
     * {@code ENDED}, is one line.
     */
    static String markdown() {
        StringBuilder b = new StringBuilder("| state | event | next state |\n|---|---|---|\n");
        for (State from : State.values()) {
            for (Map.Entry<CallEvent, State> e : TABLE.getOrDefault(from, Map.of()).entrySet()) {
                if (e.getKey() != END) {
                    b.append("| `").append(from).append("` | `").append(e.getKey()).append("` | `")
                            .append(e.getValue()).append("` |\n");
                }
            }
        }
        b.append("| any but `ENDED` | `END` | `ENDED` |\n");
        return b.toString();
    }

    /**
     * The table as a Mermaid state diagram: one arrow per (state, next state) pair labelled with
     * its events; the {@code END} arrows (from every state) are left out for legibility.
     */
    static String mermaid() {
        Map<State, Map<State, List<String>>> arrows = new EnumMap<>(State.class);
        for (Row r : ROWS) {
            if (r.event() != END) {
                arrows.computeIfAbsent(r.from(), s -> new EnumMap<>(State.class))
                        .computeIfAbsent(r.to(), s -> new ArrayList<>()).add(r.event().name());
            }
        }
        StringBuilder b = new StringBuilder("stateDiagram-v2\n    [*] --> ANSWERING\n");
        arrows.forEach((from, tos) -> tos.forEach((to, events) -> b.append("    ").append(from).append(" --> ")
                .append(to).append(": ").append(String.join(", ", events)).append('\n')));
        b.append("    ENDED --> [*]\n");
        return b.toString();
    }
}
