package io.branchbox.firmware.workorder;

import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.firmware.journal.Decoded;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.uplink.Alarm;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * The voicemail inbox of the console: every message callers left ({@code call.voicemail}), until
 * an agent handles it — listened and done, turned into a work order, or into a callback
 * ({@code workorder.voicemail.handled}, once). A message not handled within
 * {@code workOrders.deadlines.voicemailMin} is late like any stage: {@code workorder.voicemail.late}
 * and the alarm {@code WORKORDER_VOICEMAIL_<call id>}, cleared when it is handled.
 *
 * <p>A view of the journal: rebuilt by {@link #replay}, then fed live by {@link #onJournal}.
 * Threading: every public method takes the inbox's lock (journal-writer, web requests, timers on
 * the given scheduler); no I/O under it (the journal's append only queues).
 */
public final class VoicemailInbox {
    /** Types of the inbox's own events. */
    public static final String HANDLED = "workorder.voicemail.handled";
    public static final String LATE = "workorder.voicemail.late";
    private static final int CALLERS_KEPT = 2000;

    /** How a message was handled. */
    public enum Outcome { DONE, ORDER, CALLBACK }

    /** One message; {@code handledBy} is null while open. */
    public record Message(String callId, String caller, String queue, Instant at, long durationMs, Instant due,
            boolean late, String handledBy, Instant handledAt, Outcome outcome, String order) {
        public boolean open() {
            return handledBy == null;
        }
    }

    private final Scheduler scheduler;
    private final ToLongFunction<JournalEvent> journal;
    private final Duration within;
    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final Map<String, Scheduler.Timer> timers = new HashMap<>();
    private final Map<String, String> callers = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CALLERS_KEPT;
        }
    };
    private Consumer<Alarm> alarms = a -> { };

    public VoicemailInbox(Scheduler scheduler, ToLongFunction<JournalEvent> journal, int voicemailMin) {
        this.scheduler = scheduler;
        this.journal = journal;
        this.within = Duration.ofMinutes(voicemailMin);
    }

    /** One event of the rebuild (any type). */
    public synchronized void replay(JournalEvent e) {
        apply(e);
    }

    /** A live journal event: as {@link #replay}, and a new message's deadline is armed. */
    public synchronized void onJournal(JournalEvent e) {
        if (apply(e) instanceof CallEvents.Voicemail v) {
            arm(messages.get(v.callId()));
        }
    }

    /** After the rebuild: arms the deadline of every open message (one already past fires at once). */
    public synchronized void start() {
        messages.values().forEach(this::arm);
    }

    /** Where the late alarms go; active ones are raised again. */
    public synchronized void setAlarmSink(Consumer<Alarm> sink) {
        this.alarms = sink;
        messages.values().stream().filter(m -> m.open() && m.late()).forEach(this::raise);
    }

    /** Open messages first (oldest first), then the handled ones of the last day, newest first. */
    public synchronized List<Message> list() {
        Instant dayAgo = scheduler.clock().instant().minus(Duration.ofDays(1));
        return messages.values().stream()
                .filter(m -> m.open() || m.handledAt().isAfter(dayAgo))
                .sorted(Comparator.comparing((Message m) -> !m.open()).thenComparing(Message::at))
                .toList();
    }

    /** Whether call {@code callId} left a message (open or handled): only such a call's recording is a voicemail. */
    public synchronized boolean contains(String callId) {
        return callId != null && messages.containsKey(callId);
    }

    /**
     * Marks message {@code callId} handled by {@code by}: done, turned into work order
     * {@code order}, or into a callback. A second handling of the same message returns it as it
     * is (a retried click), nothing journaled.
     */
    public synchronized Message handle(String callId, Outcome outcome, String order, Actor by) {
        Message m = messages.get(callId);
        if (m == null) {
            throw new Refusal(Refusal.Reason.BAD_INPUT, "no voicemail from call " + callId);
        }
        if (!m.open()) {
            return m;
        }
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.ORDER && (order == null || order.isBlank())) {
            throw new Refusal(Refusal.Reason.BAD_INPUT, "a voicemail turned into a work order names the order");
        }
        Map<String, String> a = new LinkedHashMap<>();
        a.put(WorkOrderEvents.BY, by.id());
        a.put(WorkOrderEvents.OUTCOME, outcome.name());
        a.put(WorkOrderEvents.ON_TIME, Boolean.toString(scheduler.clock().instant().isBefore(m.due())));
        if (order != null && !order.isBlank()) {
            a.put(WorkOrderEvents.ORDER, order.strip());
        }
        JournalEvent e = JournalEvent.of(scheduler.clock().instant(), HANDLED, callId, by.id(), null, a);
        journal.applyAsLong(e);
        boolean wasLate = m.late();
        apply(e);
        Scheduler.Timer t = timers.remove(callId);
        if (t != null) {
            t.cancel();
        }
        if (wasLate) {
            alarms.accept(new Alarm(code(callId), Alarm.Severity.CLEARED, "voicemail " + callId + " handled", Map.of()));
        }
        return messages.get(callId);
    }

    /** Applies {@code e}; returns it decoded as a call event (or not). */
    private Decoded apply(JournalEvent e) {
        Decoded d = CallEventCodec.decode(e);
        switch (d) {
            case CallEvents.Started s -> {
                if (s.calling() != null) {
                    callers.put(s.callId(), s.calling());
                }
            }
            case CallEvents.Voicemail v -> {
                long ms = v.duration() == null ? 0 : v.duration().toMillis();
                messages.put(v.callId(), new Message(v.callId(), callers.getOrDefault(v.callId(), ""),
                        v.queue() == null ? "" : v.queue(), e.at(), ms, e.at().plus(within), false, null, null, null, ""));
            }
            default -> applyOwn(e);
        }
        return d;
    }

    private void applyOwn(JournalEvent e) {
        switch (e.type()) {
            case HANDLED -> messages.computeIfPresent(e.callId(), (k, m) -> new Message(m.callId(), m.caller(), m.queue(),
                    m.at(), m.durationMs(), m.due(), m.late(), e.attr(WorkOrderEvents.BY), e.at(),
                    Outcome.valueOf(e.attr(WorkOrderEvents.OUTCOME)), e.attr(WorkOrderEvents.ORDER) == null ? ""
                            : e.attr(WorkOrderEvents.ORDER)));
            case LATE -> messages.computeIfPresent(e.callId(), (k, m) -> new Message(m.callId(), m.caller(), m.queue(),
                    m.at(), m.durationMs(), m.due(), true, m.handledBy(), m.handledAt(), m.outcome(), m.order()));
            default -> { }
        }
    }

    private void arm(Message m) {
        if (m == null || !m.open() || m.late()) {
            return;
        }
        Duration in = Duration.between(scheduler.clock().instant(), m.due());
        timers.put(m.callId(), scheduler.schedule(in.isNegative() ? Duration.ZERO : in, () -> fire(m.callId())));
    }

    private synchronized void fire(String callId) {
        Message m = messages.get(callId);
        if (m == null || !m.open() || m.late()) {
            return;
        }
        JournalEvent e = JournalEvent.of(scheduler.clock().instant(), LATE, callId, null, null,
                Map.of(WorkOrderEvents.DUE, m.due().toString()));
        journal.applyAsLong(e);
        apply(e);
        raise(messages.get(callId));
    }

    private void raise(Message m) {
        alarms.accept(new Alarm(code(m.callId()), Alarm.Severity.MINOR, "voicemail from call " + m.callId()
                + " not handled since " + m.at(), Map.of("call", m.callId(), "due", m.due().toString())));
    }

    private static String code(String callId) {
        String c = "WORKORDER_VOICEMAIL_" + callId.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        return c.length() > 64 ? c.substring(0, 64) : c;
    }

}
