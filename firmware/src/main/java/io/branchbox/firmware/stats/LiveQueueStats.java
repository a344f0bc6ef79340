package io.branchbox.firmware.stats;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.Decoded;
import io.branchbox.firmware.journal.JournalEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live figures of every queue ({@link QueueNow}): calls waiting now, the longest wait, today's
 * offered, answered, abandoned and service level, and the agents by state. Nothing is stored:
 * {@link #attach} rebuilds it from the journal at start and then follows the journal, so after a
 * restart it shows what it showed before.
 *
 * <p>Counting rules: a call counts for the queue it first entered (see {@link CallOutcome}),
 * offered when it first queues, answered when first connected, abandoned or flowed out when it
 * ends; each on the local day (site time zone) the event happened. A call waits in the queue it is
 * in now, from when it started waiting there (a re-queue after a missed offer or an overflow keeps
 * its time); it stops waiting when connected, when it leaves a voicemail or books a callback, or
 * ends. Agents belong to queues as {@code queuesOfAgent} says (the configuration); the journal
 * does not know it.
 *
 * <p>Why the whole journal is replayed and not only today's part: calls that started waiting and
 * agents who logged in before midnight are still there after it. Events before today only move
 * states; the day's counters start at the first event of each new day.
 *
 * <p>Threading: {@link #accept} runs on the journal's writer thread, {@link #attach} on the
 * start-up thread, {@link #snapshot} on any thread; all are synchronized and quick, except that a
 * gap in sequence numbers (events appended while attaching) is filled by reading the journal.
 */
public final class LiveQueueStats implements Consumer<JournalEvent> {
    private static final Logger log = LoggerFactory.getLogger(LiveQueueStats.class);
    private static final long SERVICE_LEVEL_MS = Duration.ofSeconds(20).toMillis();

    /** Today's counters of one queue. */
    private static final class Today {
        int offered;
        int answered;
        int abandoned;
        int flowedOut;
        int within20;
    }

    private final ZoneId zone;
    private final WallClockSteps steps;
    private final Function<String, Collection<String>> queuesOfAgent;
    private final AgentPeriods agents = new AgentPeriods();
    private final TreeSet<String> queues = new TreeSet<>();
    private final AtomicLong failures = new AtomicLong();
    private Map<String, Today> today = new HashMap<>();
    private LocalDate day;
    private EventJournal attached;
    private long lastSeq;
    private final CallTracker calls = new CallTracker(new CallTracker.Listener() {
        @Override
        public void firstQueued(CallTracker.OpenCall c, Instant at) {
            if (c.inbound) {
                today(c.firstQueue).offered++;
            }
        }

        @Override
        public void firstAnswered(CallTracker.OpenCall c, Instant at) {
            if (c.inbound && c.firstQueue != null) {
                Today t = today(c.firstQueue);
                t.answered++;
                t.within20 += CallOutcome.ms(c.queuedAt, at) <= SERVICE_LEVEL_MS ? 1 : 0;
            }
        }

        @Override
        public void callEnded(CallOutcome c) {
            if (c.abandoned()) {
                today(c.firstQueue()).abandoned++;
            } else if (c.flowedOut()) {
                today(c.firstQueue()).flowedOut++;
            }
        }
    });

    /**
     * @param zone          the site's time zone: "today" is its local day
     * @param queuesOfAgent the queues an agent serves (from the configuration); empty if unknown
     */
    public LiveQueueStats(ZoneId zone, Function<String, Collection<String>> queuesOfAgent) {
        this(zone, queuesOfAgent, new WallClockSteps(java.time.Clock.system(zone), System::nanoTime));
    }

    /**
     * As above, measuring waits across wall-clock steps with {@code steps} (issue 13: a step of
     * an hour must not make a 10 s wait an hour long); days still follow the wall clock.
     */
    public LiveQueueStats(ZoneId zone, Function<String, Collection<String>> queuesOfAgent, WallClockSteps steps) {
        this.zone = zone;
        this.queuesOfAgent = queuesOfAgent;
        this.steps = steps;
    }

    /** Replays the whole journal, then follows it as a listener. */
    public synchronized void attach(EventJournal journal) throws IOException {
        journal.replay(lastSeq + 1, this::apply);
        attached = journal;
        journal.addListener(this);
        log.info("live queue statistics rebuilt from the journal up to seq {}: {} call(s) open", lastSeq,
                calls.open().size());
    }

    @Override
    public synchronized void accept(JournalEvent e) {
        if (attached != null && e.seq() > lastSeq + 1) {
            try {
                attached.replay(lastSeq + 1, this::apply); // e is durable, so the replay reaches it
            } catch (IOException ex) {
                failures.incrementAndGet();
                log.error("live queue statistics: gap after seq {} could not be read; figures may be short", lastSeq, ex);
                apply(e);
            }
            return;
        }
        apply(e);
    }

    private void apply(JournalEvent e) {
        if (e.seq() != JournalEvent.UNASSIGNED) {
            if (e.seq() <= lastSeq) {
                return;
            }
            lastSeq = e.seq();
        }
        LocalDate d = e.at().atZone(zone).toLocalDate();
        if (day == null || d.isAfter(day)) {
            day = d;
            today = new HashMap<>();
        }
        if (e.queue() != null && !e.queue().isEmpty()) {
            queues.add(e.queue());
        }
        // durations between events are measured on the time line before any wall-clock step
        Instant steady = steps.steady(e.at());
        Decoded typed = CallEventCodec.decode(e);
        calls.accept(typed, steady);
        agents.accept(typed, steady);
    }

    /** Every queue seen, by name, as of {@code now}. */
    public synchronized Map<String, QueueNow> snapshot(Instant now) {
        boolean sameDay = day != null && !now.atZone(zone).toLocalDate().isAfter(day);
        Instant steadyNow = steps.steady(now);
        Map<String, long[]> waiting = new HashMap<>(); // queue -> {calls, longest wait}
        for (CallTracker.OpenCall c : calls.open()) {
            if (c.waitingQueue != null) {
                long[] w = waiting.computeIfAbsent(c.waitingQueue, q -> new long[2]);
                w[0]++;
                w[1] = Math.max(w[1], CallOutcome.ms(c.waitingSince, steadyNow));
            }
        }
        Map<String, QueueNow> out = new TreeMap<>();
        for (String q : queues) {
            Today t = sameDay ? today.getOrDefault(q, new Today()) : new Today();
            long[] w = waiting.getOrDefault(q, new long[2]);
            out.put(q, new QueueNow(q, (int) w[0], w[1], t.offered, t.answered, t.abandoned, t.flowedOut, t.within20,
                    agentsByState(q)));
        }
        return out;
    }

    /** Logged-in agents of the whole box by state name. */
    public synchronized Map<String, Integer> agentsByState() {
        return agentsByState(null);
    }

    /** Gaps that could not be filled from the journal. */
    public long failures() {
        return failures.get();
    }

    private Map<String, Integer> agentsByState(String queue) {
        Map<String, Integer> out = new TreeMap<>();
        agents.current().forEach((agent, c) -> {
            if (!"LOGGED_OUT".equals(c.state()) && (queue == null || queuesOfAgent.apply(agent).contains(queue))) {
                out.merge(c.state(), 1, Integer::sum);
            }
        });
        return out;
    }

    private Today today(String queue) {
        return today.computeIfAbsent(queue, q -> new Today());
    }
}
