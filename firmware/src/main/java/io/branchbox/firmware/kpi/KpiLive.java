package io.branchbox.firmware.kpi;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.time.Scheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's KPIs while it runs: a {@link KpiLedger} rebuilt from the journal at start and then
 * following it, the roll-ups of closed days written to disk, and the day's figures handed to the
 * central office ({@link DaySink}): today so far at every tick, and a closed day once more
 * whenever its figures differ from what was last sent (a correction, e.g. a rebuild under changed
 * settings), always with the day as the period key.
 *
 * <p>Threading: {@link #start} runs the rebuild on the given scheduler's thread ({@code kpi}, never
 * {@code signalling}); afterwards {@link #accept} runs on {@code journal-writer} (quick: the ledger
 * fold only). Roll-ups and figures are made on the {@code kpi} thread; reports are read from any
 * thread. A gap in sequence numbers (events appended during the rebuild) is filled by reading the
 * journal.
 */
public final class KpiLive implements Consumer<JournalEvent> {
    private static final Logger log = LoggerFactory.getLogger(KpiLive.class);
    /** How many closed days back a correction is still sent. */
    static final int CORRECTION_DAYS = 7;

    /** Where the day's figures go (the uplink): one day, whether it is over, and its rows. */
    @FunctionalInterface
    public interface DaySink {
        void publish(LocalDate day, boolean closed, List<KpiRow> rows);
    }

    private final KpiLedger ledger;
    private final DayRollups rollups;
    private final Scheduler kpiThread;
    private final Map<LocalDate, Integer> sent = new HashMap<>();
    private volatile DaySink sink = (day, closed, rows) -> { };
    private volatile EventJournal journal;
    private volatile boolean ready;

    public KpiLive(KpiSettings settings, Path dataDir, Scheduler kpiThread, int keepCallDays) {
        this.ledger = new KpiLedger(settings, keepCallDays);
        this.rollups = new DayRollups(dataDir, settings);
        this.kpiThread = kpiThread;
    }

    public void setSink(DaySink sink) {
        this.sink = sink;
    }

    public KpiLedger ledger() {
        return ledger;
    }

    /** Whether the rebuild from the journal is done (until then reports would be short). */
    public boolean ready() {
        return ready;
    }

    /** Rebuilds from {@code j} on the kpi thread, then follows it and ticks every {@code tick}. */
    public void start(EventJournal j, Duration tick) {
        kpiThread.execute(() -> {
            try {
                long t0 = System.nanoTime();
                j.replay(ledger.lastSeq() + 1, ledger);
                journal = j;
                j.addListener(this);
                ready = true;
                log.info("KPIs rebuilt from the journal up to seq {} in {} ms", ledger.lastSeq(),
                        (System.nanoTime() - t0) / 1_000_000);
                tick();
            } catch (IOException e) {
                log.error("KPIs could not be rebuilt from the journal; reports stay empty", e);
            }
        });
        kpiThread.scheduleAtFixedRate(tick, tick, this::tick);
    }

    @Override
    public void accept(JournalEvent e) {
        EventJournal j = journal;
        if (j != null && e.seq() > ledger.lastSeq() + 1) {
            try {
                j.replay(ledger.lastSeq() + 1, ledger); // e is durable, so the replay reaches it
                return;
            } catch (IOException ex) {
                log.error("KPIs: gap after seq {} could not be read; figures may be short", ledger.lastSeq(), ex);
            }
        }
        ledger.accept(e);
    }

    /**
     * Writes missing roll-ups of closed days, and sends today's figures so far and every recent
     * closed day whose figures differ from what was last sent (its roll-up is then rewritten too:
     * events dated into a closed day, after the clock was set back, are a correction). On the kpi
     * thread.
     */
    public void tick() {
        if (!ready) {
            return;
        }
        Instant now = kpiThread.clock().instant();
        LocalDate today = ledger.shifts().day(now);
        List<LocalDate> known = ledger.dayList();
        LocalDate recent = today.minusDays(CORRECTION_DAYS);
        // every closed day gets a roll-up, a quiet one too, so that a month is read from roll-ups alone
        for (LocalDate day = known.isEmpty() ? today : known.get(0); day.isBefore(today); day = day.plusDays(1)) {
            TreeMap<LocalDate, Map<Group, Counts>> books = null;
            if (!day.isBefore(recent)) {
                books = ledger.days(day, day, now);
                Map<Group, Counts> counts = books.getOrDefault(day, Map.of());
                Integer before = sent.put(day, fingerprint(counts));
                if (before != null && before.equals(sent.get(day))) {
                    continue;
                }
                write(day, counts);
                if (!counts.isEmpty()) {
                    sink.publish(day, true, rows(books, day));
                }
            } else if (rollups.read(day) == null) {
                write(day, ledger.days(day, day, now).getOrDefault(day, Map.of()));
            }
        }
        sink.publish(today, false, rows(ledger.days(today, today, now), today));
    }

    private void write(LocalDate day, Map<Group, Counts> counts) {
        try {
            rollups.write(day, counts);
        } catch (IOException e) {
            log.warn("KPI roll-up of {} not written: {}", day, e.toString());
        }
    }

    private static int fingerprint(Map<Group, Counts> counts) {
        return new TreeMap<>(counts).toString().hashCode();
    }

    private List<KpiRow> rows(TreeMap<LocalDate, Map<Group, Counts>> books, LocalDate day) {
        List<KpiRow> rows = new ArrayList<>();
        for (Grouping g : Grouping.values()) {
            rows.addAll(KpiReports.rows(books, day, day, g, ledger.settings()));
        }
        return rows;
    }
}
