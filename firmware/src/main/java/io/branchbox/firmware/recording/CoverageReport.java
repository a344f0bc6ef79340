package io.branchbox.firmware.recording;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Recording coverage of a local day: of the answered calls that started that day, how many have a
 * complete recording, and which do not. Anything below 100 % is an alarm that names the calls;
 * the integrator publishes {@link Coverage#alarmText()} to the front panel and MQTT.
 *
 * <p>A call counts as recorded when it has a catalog row that is not deleted, whose recorder
 * reported no write error or lost frames, and whose last verification (if any) did not find it
 * missing, empty, changed or unreadable; an unverified row with zero duration counts as empty.
 * A call that ended less than {@code grace} ago without a catalog row is {@code pending}, not a
 * gap: its {@code recording.finished} event may still be on its way.
 *
 * <p>Threading: thread-safe; blocks on the database (one query per report). Run it on the
 * maintenance scheduler, e.g. shortly after midnight for the day before and every few minutes
 * for today.
 */
public final class CoverageReport {
    /** Default time a finished call may wait for its recording before it counts as a gap. */
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(2);
    private static final int NAMED_IN_ALARM = 20;

    /** Why an answered call has no complete recording. */
    public enum Reason { NO_RECORDING, INCOMPLETE, DELETED, MISSING, ZERO_LENGTH, CHANGED, UNREADABLE }

    /** One answered call without a complete recording. */
    public record Gap(String callId, Instant startedAt, String agentId, String queue, Reason reason) {}

    /**
     * The coverage of {@code day}. {@code answered} counts every answered call that started that
     * day, {@code pending} those still waiting for their recording, {@code recorded} those with a
     * complete one; {@code gaps} lists the rest, oldest first.
     */
    public record Coverage(LocalDate day, int answered, int recorded, int pending, List<Gap> gaps) {
        public Coverage {
            gaps = List.copyOf(gaps);
        }

        /** Whether every answered call that can be judged yet has a complete recording. */
        public boolean ok() {
            return gaps.isEmpty();
        }

        /** Recorded share of the judged calls in percent; 100 when there were none. */
        public double percent() {
            int judged = answered - pending;
            return judged == 0 ? 100.0 : recorded * 100.0 / judged;
        }

        /** One line for alarms naming the calls (the first 20), or a short all-clear. */
        public String alarmText() {
            String head = String.format(java.util.Locale.ROOT, "recording coverage %s: %.1f %% (%d/%d)",
                    day, percent(), recorded, answered - pending);
            if (ok()) {
                return head;
            }
            String named = gaps.stream().limit(NAMED_IN_ALARM)
                    .map(g -> g.callId() + " " + g.reason()).collect(Collectors.joining(", "));
            int more = gaps.size() - NAMED_IN_ALARM;
            return head + "; without recording: " + named + (more > 0 ? " and " + more + " more" : "");
        }
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration grace;

    public CoverageReport(DataSource dataSource, Clock clock) {
        this(dataSource, clock, DEFAULT_GRACE);
    }

    public CoverageReport(DataSource dataSource, Clock clock, Duration grace) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.grace = grace;
    }

    /** The coverage of the calls that started on {@code day} in {@code zone} (the site's time zone). */
    public Coverage forDay(LocalDate day, ZoneId zone) throws SQLException {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant settled = clock.instant().minus(grace);
        String sql = "SELECT " + RecordingCatalog.COLUMNS + ", c.call_id, c.started_at, c.ended_at, c.agent_id, c.queue"
                + " FROM call_record c LEFT JOIN recording r ON r.call_id = c.call_id"
                + " WHERE c.disposition = 'ANSWERED' AND c.started_at >= ? AND c.started_at < ?"
                + " ORDER BY c.started_at, c.call_id";
        int answered = 0;
        int recorded = 0;
        int pending = 0;
        List<Gap> gaps = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.setInstant(ps, 1, from);
            Sql.setInstant(ps, 2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    answered++;
                    CatalogEntry rec = rs.getString(1) == null ? null : RecordingCatalog.row(rs);
                    Instant ended = Sql.instant(rs, 16);
                    Reason reason = judge(rec);
                    if (reason == null) {
                        recorded++;
                    } else if (reason == Reason.NO_RECORDING && ended != null && ended.isAfter(settled)) {
                        pending++;
                    } else {
                        gaps.add(new Gap(rs.getString(14), Sql.instant(rs, 15), rs.getString(17), rs.getString(18), reason));
                    }
                }
            }
        }
        return new Coverage(day, answered, recorded, pending, gaps);
    }

    /** Why {@code rec} is not a complete recording, null when it is one. */
    static Reason judge(CatalogEntry rec) {
        if (rec == null) {
            return Reason.NO_RECORDING;
        }
        if (rec.deleted()) {
            return Reason.DELETED;
        }
        if (rec.verifyStatus() == null) {
            // not verified yet: the recorder's own report is all there is
            if (rec.durationMs() != null && rec.durationMs() == 0) {
                return Reason.ZERO_LENGTH;
            }
        } else {
            Reason found = switch (rec.verifyStatus()) {
                case MISSING -> Reason.MISSING;
                case ZERO_LENGTH -> Reason.ZERO_LENGTH;
                case CHANGED -> Reason.CHANGED;
                case UNREADABLE -> Reason.UNREADABLE;
                case OK, NO_CHECKSUM -> null;
            };
            if (found != null) {
                return found;
            }
        }
        return rec.recordedWhole() ? null : Reason.INCOMPLETE;
    }
}
