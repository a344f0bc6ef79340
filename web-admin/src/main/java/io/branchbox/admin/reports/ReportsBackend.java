package io.branchbox.admin.reports;

import io.branchbox.firmware.kpi.CallLine;
import io.branchbox.firmware.kpi.Counts;
import io.branchbox.firmware.kpi.Group;
import io.branchbox.firmware.kpi.KpiLive;
import io.branchbox.firmware.kpi.KpiSettings;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the reports page reads: the day books and call lines of the running box's KPIs. Methods are
 * called on Jetty threads and must be quick (the ledger's books are in memory).
 */
public interface ReportsBackend {
    KpiSettings settings();

    /** The site's clock (its zone is the site's time zone). */
    Clock clock();

    /** Whether the figures are rebuilt from the journal (until then they would be short). */
    boolean ready();

    /** Day books of {@code from}..{@code to}, open agent states counted up to now. */
    TreeMap<LocalDate, Map<Group, Counts>> days(LocalDate from, LocalDate to);

    /** Ended inbound calls of the days kept for drill-down. */
    List<CallLine> calls(LocalDate from, LocalDate to);

    /** The backend over a running box's {@link KpiLive}. */
    static ReportsBackend of(KpiLive live, Clock clock) {
        return new ReportsBackend() {
            @Override
            public KpiSettings settings() {
                return live.ledger().settings();
            }

            @Override
            public Clock clock() {
                return clock.withZone(live.ledger().settings().zone());
            }

            @Override
            public boolean ready() {
                return live.ready();
            }

            @Override
            public TreeMap<LocalDate, Map<Group, Counts>> days(LocalDate from, LocalDate to) {
                return live.ledger().days(from, to, clock.instant());
            }

            @Override
            public List<CallLine> calls(LocalDate from, LocalDate to) {
                return live.ledger().calls(from, to);
            }
        };
    }
}
