package io.branchbox.rig.bench;

import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalReader;
import io.branchbox.firmware.kpi.DataDirKpis;
import io.branchbox.firmware.kpi.DayRollups;
import io.branchbox.firmware.kpi.Grouping;
import io.branchbox.firmware.kpi.KpiLedger;
import io.branchbox.firmware.kpi.KpiReports;
import io.branchbox.firmware.kpi.KpiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a month of a busy branch takes to report: writes a generated month
 * ({@link KpiMonthTraffic}) into a real journal, then times (1) the cold report, a read-only
 * replay of the whole journal as the {@code report} command does when roll-ups are missing,
 * (2) making every day's roll-up as the box does after midnight, (3) the month's report from
 * the roll-ups by branch, agent, queue and shift (median of 5), as the command does, and (4) the
 * web page's month, which reads the running box's ledger in memory (median of 5).
 * The cold read is timed again with the JIT warm, on two threads and on one (the read before
 * {@code kpi.PipelinedJournalRead}); {@code -Dkpi.bench.serialFirst=true} makes the single-thread
 * read the cold one, for a before/after in one set of conditions.
 *
 * <p>Run: {@code ./box bench-main io.branchbox.rig.bench.KpiReportBench [calls] [days] [dir]}, default
 * 60,000 calls over 30 days in a temporary directory (kept when given; a directory that holds a
 * journal already is timed again without generating, its roll-ups deleted first).
 */
public final class KpiReportBench {
    private static final Logger log = LoggerFactory.getLogger(KpiReportBench.class);

    private KpiReportBench() {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path data = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("kpi-bench");
        KpiSettings settings = KpiSettings.of(ConfigDocuments.defaults());
        LocalDate first = LocalDate.of(2026, 11, 1);
        LocalDate last = first.plusDays(days - 1);
        LocalDate today = last.plusDays(1);
        long t0 = System.nanoTime();
        long events = -1;
        if (JournalReader.exists(data.resolve("journal"))) {
            log.info("{} holds a journal already: timing that one (delete the directory for a fresh month)", data);
        } else {
            try (EventJournal j = EventJournal.open(data.resolve("journal"), Clock.systemUTC())) {
                events = new KpiMonthTraffic(j, 42).write(first, days, calls, settings.zone());
                j.flush();
            }
        }
        Path rolled = data.resolve("kpi").resolve("days");
        if (Files.isDirectory(rolled)) { // roll-ups of an earlier run: the cold read must not find them
            try (var s = Files.list(rolled)) {
                for (Path f : s.toList()) {
                    Files.delete(f);
                }
            }
        }

        long bytes;
        try (var s = Files.list(data.resolve("journal"))) {
            bytes = s.mapToLong(p -> p.toFile().length()).sum();
        }
        log.info("generated {} calls, {} events, {} MB of journal in {} ms", calls, events, bytes >> 20, ms(t0));

        if (Boolean.getBoolean("kpi.bench.serialFirst")) { // the single-thread read as the cold one, for before/after
            serial(data, settings, first, last, "cold, single thread");
        }
        long t1 = System.nanoTime();
        long c1 = cpu();
        long p1 = processCpu();
        DataDirKpis.Books cold = DataDirKpis.read(data, settings, first, last, today);
        int coldRows = rowCount(cold, first, last, settings);
        log.info("cold report (read-only replay of the whole journal): {} ms, {} ms of CPU on the folding thread, "
                + "{} ms of process CPU, {} rows, {} events", ms(t1), (cpu() - c1) / 1_000_000,
                (processCpu() - p1) / 1_000_000, coldRows, cold.journal().events());
        // the same read again with the JIT warm, on two threads (as the report does) and on one (as before)
        // in turns, three times: on a shared machine the load moves between runs
        for (int round = 1; round <= 3; round++) {
            long t3 = System.nanoTime();
            long p3 = processCpu();
            DataDirKpis.read(data, settings, first, last, today);
            log.info("warm #{}, decoding on a second thread (kpi-read): {} ms, {} ms of process CPU", round, ms(t3),
                    (processCpu() - p3) / 1_000_000);
            serial(data, settings, first, last, "warm #" + round + ", single thread");
        }

        long t2 = System.nanoTime();
        KpiLedger ledger = new KpiLedger(settings, 0);
        JournalReader.read(data.resolve("journal"), ledger);
        Instant end = ledger.lastEventAt();
        DayRollups rollups = new DayRollups(data, settings);
        var books = ledger.days(first, last, end);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            rollups.write(d, books.getOrDefault(d, java.util.Map.of()));
        }
        log.info("ledger rebuild and {} roll-ups: {} ms", days, ms(t2));

        // the web page's month (ReportHandlers.kpis): the running box's ledger in memory, no roll-ups, no journal
        long[] page = new long[5];
        for (int i = 0; i < page.length; i++) {
            long t = System.nanoTime();
            var month = ledger.days(first, last, end);
            int n = 0;
            for (Grouping g : Grouping.values()) {
                for (var row : KpiReports.rows(month, first, last, g, settings)) {
                    n += io.branchbox.firmware.kpi.KpiJson.row(row).size();
                }
            }
            page[i] = System.nanoTime() - t;
            if (n == 0) {
                throw new IllegalStateException("the page's month has no rows");
            }
        }
        Arrays.sort(page);
        log.info("web page's month from the box's ledger in memory (branch, agents, queues, shifts, as JSON): "
                + "median {} ms, max {} ms", page[2] / 1_000_000, page[4] / 1_000_000);

        long[] warm = new long[5];
        int rows = 0;
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            DataDirKpis.Books b = DataDirKpis.read(data, settings, first, last, today);
            if (b.journal() != null) {
                throw new IllegalStateException("the roll-ups were not used");
            }
            rows = rowCount(b, first, last, settings);
            warm[i] = System.nanoTime() - t;
        }
        Arrays.sort(warm);
        log.info("month report from roll-ups (branch, agents, queues, shifts; {} rows): median {} ms, max {} ms",
                rows, warm[2] / 1_000_000, warm[4] / 1_000_000);
    }

    /** The cold read on one thread (decode and fold in turn), as before the second thread. */
    private static void serial(Path data, KpiSettings settings, LocalDate first, LocalDate last, String what)
            throws java.io.IOException {
        long t = System.nanoTime();
        long p = processCpu();
        KpiLedger l = new KpiLedger(settings, 0);
        JournalReader.read(data.resolve("journal"), KpiLedger::ignores, l);
        l.days(first, last, l.lastEventAt());
        log.info("{}: {} ms, {} ms of process CPU", what, ms(t), (processCpu() - p) / 1_000_000);
    }

    /** CPU time of the whole process (both threads of the cold read, JIT and GC included). */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static int rowCount(DataDirKpis.Books b, LocalDate from, LocalDate to, KpiSettings s) {
        int n = 0;
        for (Grouping g : Grouping.values()) {
            n += KpiReports.rows(b.days(), from, to, g, s).size();
        }
        return n;
    }

    /** CPU time of this thread: on the shared machine the wall time also counts other people's builds. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
