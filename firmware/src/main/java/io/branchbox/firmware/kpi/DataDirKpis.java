package io.branchbox.firmware.kpi;

import io.branchbox.firmware.journal.JournalReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The day books of a box's data directory, read without disturbing the box (stopped or running):
 * the roll-ups of closed days when every day asked for has one, otherwise a read-only replay of
 * the journal ({@link JournalReader}: nothing locked, cut or written). The H2 database is never
 * opened. Stateless.
 */
public final class DataDirKpis {

    /**
     * What was read.
     *
     * @param days     the day books of the period (days without anything are absent)
     * @param journal  what the journal read saw; null when the roll-ups sufficed
     * @param lastEvent the latest event in the journal (open agent states are counted up to it), null if none
     */
    public record Books(TreeMap<LocalDate, Map<Group, Counts>> days, JournalReader.Result journal, Instant lastEvent) {}

    private DataDirKpis() {}

    /**
     * The books of {@code from}..{@code to} (inclusive) from {@code dataDir}; {@code today} is the
     * site's current day (a day not over has no roll-up yet).
     */
    public static Books read(Path dataDir, KpiSettings settings, LocalDate from, LocalDate to, LocalDate today)
            throws IOException {
        DayRollups rollups = new DayRollups(dataDir, settings);
        TreeMap<LocalDate, Map<Group, Counts>> days = new TreeMap<>();
        boolean complete = to.isBefore(today);
        for (LocalDate d = from; complete && !d.isAfter(to); d = d.plusDays(1)) {
            Map<Group, Counts> r = rollups.read(d);
            if (r == null) {
                complete = false;
            } else if (!r.isEmpty()) {
                days.put(d, r);
            }
        }
        if (complete) {
            return new Books(days, null, null);
        }
        Path dir = dataDir.resolve("journal");
        if (!JournalReader.exists(dir)) {
            return new Books(new TreeMap<>(), new JournalReader.Result(0, 0, 0, 0), null);
        }
        KpiLedger ledger = new KpiLedger(settings, 0);
        // reading and decoding (to typed events too) on a second thread while this one folds (PipelinedJournalRead)
        JournalReader.Result r = PipelinedJournalRead.read(dir, KpiLedger::ignores, KpiLedger::decode, ledger::accept);
        Instant last = ledger.lastEventAt();
        return new Books(last == null ? new TreeMap<>() : ledger.days(from, to, last), r, last);
    }
}
