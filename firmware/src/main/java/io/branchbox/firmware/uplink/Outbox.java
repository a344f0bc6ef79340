package io.branchbox.firmware.uplink;

import io.branchbox.time.Scheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's durable store-and-forward queue for reports to the central office.
 *
 * <p>Lifecycle of a message: {@link #append} (written to the journal, id assigned) → handed to the
 * broker by {@link UplinkService} → {@link #ack} when the broker confirmed it. Nothing leaves the
 * queue without a confirmation or a recorded drop, so a message is sent at least once; its id lets
 * the receiver drop the duplicates a resend after a lost PUBACK can cause.
 *
 * <p>Durability: the journal ({@code outbox.log} in the data directory) is forced to the storage
 * device at least once per {@link #FORCE_PERIOD} by a timer on the given scheduler, and at once
 * after an alarm. A power cut therefore loses at most the last second of health and figures. On
 * {@link #open} a torn last frame is cut off and the journal is compacted.
 *
 * <p>Capacity: at most {@code capacity} messages. A new message into a full queue evicts the oldest
 * message of the least urgent {@link Priority} present; if the new message is itself less urgent
 * than everything queued, it is the one dropped. Every drop is counted per priority, and the
 * counters survive restarts.
 *
 * <p>Threading: all methods are synchronized and may be called from any thread; each append
 * writes to the file system, so never call it from the audio path. Payloads live in memory as
 * well as on disk (about 300 bytes each).
 */
public final class Outbox implements AutoCloseable {

    /** Longest time a written message may stay in the page cache only. */
    public static final Duration FORCE_PERIOD = Duration.ofSeconds(1);

    static final String FILE_NAME = "outbox.log";

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final long MIN_COMPACT_BYTES = 4L << 20;

    private final OutboxJournal journal;
    private final int capacity;
    private final Map<Priority, TreeMap<Long, OutboxEntry>> queues = new EnumMap<>(Priority.class);
    private final long[] dropped = new long[Priority.values().length];
    private final Scheduler.Timer forceTimer;
    private long nextId = 1;
    private long liveBytes;
    private boolean closed;

    private Outbox(OutboxJournal journal, int capacity, Scheduler scheduler) {
        this.journal = journal;
        this.capacity = capacity;
        for (Priority p : Priority.values()) {
            queues.put(p, new TreeMap<>());
        }
        this.forceTimer = scheduler.scheduleAtFixedRate(FORCE_PERIOD, FORCE_PERIOD, this::forceQuietly);
    }

    /**
     * Opens the outbox in {@code dataDir}, restoring what a previous run (or a power cut) left.
     *
     * @param scheduler runs the once-a-second force; any thread
     */
    public static Outbox open(Path dataDir, int capacity, Scheduler scheduler) throws UplinkException {
        OutboxJournal.Opened opened = OutboxJournal.open(dataDir.resolve(FILE_NAME));
        if (opened.bytesCut() > 0) {
            log.warn("Outbox {}: cut {} bytes of torn journal tail", dataDir, opened.bytesCut());
        }
        Outbox box = new Outbox(opened.journal(), capacity, scheduler);
        opened.records().forEach(box::replay);
        box.compact();
        log.info("Outbox {}: {} messages queued, next id {}", dataDir, box.size(), box.nextId);
        return box;
    }

    /**
     * Queues a message. The id is assigned here and passed to {@code payloadForId}, which builds
     * the JSON carrying it.
     *
     * @return the entry, and whether it is queued; false means it was dropped at once because
     *     the queue is full of more urgent messages
     */
    public synchronized Appended append(Priority priority, LongFunction<byte[]> payloadForId) throws UplinkException {
        requireOpen();
        OutboxEntry entry = new OutboxEntry(nextId, priority, payloadForId.apply(nextId));
        if (entry.payload().length > OutboxJournal.MAX_BODY - 16) {
            throw new UplinkException(UplinkException.Reason.STORAGE, "message too large: " + entry.payload().length);
        }
        nextId++;
        journal.append(new OutboxRecord.Append(entry));
        boolean queued = size() < capacity || makeRoomFor(entry);
        if (queued) {
            put(entry);
        } else {
            journal.append(new OutboxRecord.Drop(entry.id(), priority));
            dropped[priority.ordinal()]++;
        }
        if (priority == Priority.ALARM) {
            journal.force();
        }
        return new Appended(entry, queued);
    }

    /** What {@link #append} did: the entry with its id, and whether it is queued or was dropped. */
    public record Appended(OutboxEntry entry, boolean queued) {}

    /**
     * Takes the next id for a message that is not queued (status, birth), recording it so that a
     * restart never reuses it.
     */
    public synchronized long reserveId() throws UplinkException {
        requireOpen();
        long id = nextId++;
        journal.append(new OutboxRecord.Reserve(id));
        return id;
    }

    /** Removes message {@code id} after the broker confirmed it; unknown ids are ignored. */
    public synchronized void ack(long id) throws UplinkException {
        requireOpen();
        if (remove(id) != null) {
            journal.append(new OutboxRecord.Ack(id));
            if (journal.size() > MIN_COMPACT_BYTES && journal.size() > 4 * liveBytes) {
                compact();
            }
        }
    }

    /**
     * Up to {@code limit} queued messages in drain order (priority, then id), skipping those for
     * which {@code skip} is true (the ones already in flight).
     */
    public synchronized List<OutboxEntry> next(int limit, LongPredicate skip) {
        List<OutboxEntry> out = new ArrayList<>(Math.min(limit, 64));
        for (TreeMap<Long, OutboxEntry> q : queues.values()) {
            for (OutboxEntry e : q.values()) {
                if (out.size() >= limit) {
                    return out;
                }
                if (!skip.test(e.id())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    public synchronized boolean contains(long id) {
        return queues.values().stream().anyMatch(q -> q.containsKey(id));
    }

    public synchronized int size() {
        return queues.values().stream().mapToInt(TreeMap::size).sum();
    }

    /** Messages of {@code p} dropped since the outbox was first created. */
    public synchronized long dropped(Priority p) {
        return dropped[p.ordinal()];
    }

    /** Forces the journal now; the timer does this every second anyway. */
    public synchronized void force() throws UplinkException {
        requireOpen();
        journal.force();
    }

    @Override
    public synchronized void close() throws UplinkException {
        if (!closed) {
            closed = true;
            forceTimer.cancel();
            journal.close();
        }
    }

    private boolean makeRoomFor(OutboxEntry incoming) throws UplinkException {
        Priority[] order = Priority.values();
        for (int i = order.length - 1; i >= 0; i--) {
            TreeMap<Long, OutboxEntry> q = queues.get(order[i]);
            if (order[i].compareTo(incoming.priority()) < 0) {
                return false;
            }
            if (!q.isEmpty()) {
                OutboxEntry victim = remove(q.firstKey());
                journal.append(new OutboxRecord.Drop(victim.id(), victim.priority()));
                dropped[victim.priority().ordinal()]++;
                return true;
            }
        }
        return false;
    }

    private void replay(OutboxRecord r) {
        switch (r) {
            case OutboxRecord.Append a -> put(a.entry());
            case OutboxRecord.Ack a -> remove(a.id());
            case OutboxRecord.Drop d -> {
                remove(d.id());
                dropped[d.priority().ordinal()]++;
            }
            case OutboxRecord.Reserve v -> nextId = Math.max(nextId, v.id() + 1);
            case OutboxRecord.Meta m -> {
                nextId = Math.max(nextId, m.nextId());
                dropped[Priority.ALARM.ordinal()] = m.droppedAlarm();
                dropped[Priority.FIGURES.ordinal()] = m.droppedFigures();
                dropped[Priority.HEALTH.ordinal()] = m.droppedHealth();
            }
        }
        if (r instanceof OutboxRecord.Append a) {
            nextId = Math.max(nextId, a.entry().id() + 1);
        }
    }

    private void compact() throws UplinkException {
        List<OutboxRecord> live = new ArrayList<>(size() + 1);
        live.add(new OutboxRecord.Meta(nextId, dropped[Priority.ALARM.ordinal()],
                dropped[Priority.FIGURES.ordinal()], dropped[Priority.HEALTH.ordinal()]));
        queues.values().forEach(q -> q.values().forEach(e -> live.add(new OutboxRecord.Append(e))));
        live.sort((a, b) -> Long.compare(idOf(a), idOf(b)));
        journal.rewrite(live);
    }

    private static long idOf(OutboxRecord r) {
        return r instanceof OutboxRecord.Append a ? a.entry().id() : 0;
    }

    private void put(OutboxEntry e) {
        queues.get(e.priority()).put(e.id(), e);
        liveBytes += e.payload().length + 18;
    }

    private OutboxEntry remove(long id) {
        for (TreeMap<Long, OutboxEntry> q : queues.values()) {
            OutboxEntry e = q.remove(id);
            if (e != null) {
                liveBytes -= e.payload().length + 18;
                return e;
            }
        }
        return null;
    }

    private synchronized void forceQuietly() {
        if (closed) {
            return;
        }
        try {
            journal.force();
        } catch (UplinkException e) {
            log.error("Outbox force failed; queued reports may be lost on power cut", e);
        }
    }

    private void requireOpen() throws UplinkException {
        if (closed) {
            throw new UplinkException(UplinkException.Reason.STORAGE, "outbox is closed");
        }
    }
}
