package io.branchbox.firmware.store;

import io.branchbox.firmware.console.CallerHistory;
import io.branchbox.firmware.console.EarlierCall;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A number's earlier calls for the console's screen pop, read from the call records: inbound calls
 * the number made ({@code calling_number}) and outbound calls made to it ({@code called_number}),
 * newest first. Internal calls are not history of an outside number and are left out.
 *
 * <p>Pitfalls: numbers match exactly as the trunk delivered them (no normalisation of prefixes);
 * calls still in progress are left out, so the call being offered does not list itself. A database
 * error is logged and counted and gives an empty history: a screen pop without history is better
 * than none. Threading: thread-safe; blocks on the database, never call it on the audio path.
 */
public final class CallHistoryRepository implements CallerHistory {
    private static final Logger log = LoggerFactory.getLogger(CallHistoryRepository.class);
    /** The most the console may ask for; more would only slow the screen pop down. */
    public static final int MAX_LIMIT = 200;
    private static final String QUERY = CallRecordRepository.SELECT
            + " WHERE ((direction = 'IN' AND calling_number = ?) OR (direction = 'OUT' AND called_number = ?))"
            + " AND disposition <> 'IN_PROGRESS' ORDER BY started_at DESC, call_id DESC LIMIT ?";

    private final DataSource dataSource;
    private final AtomicLong failures = new AtomicLong();

    public CallHistoryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<EarlierCall> earlierCalls(String number, int limit) {
        if (number == null || number.isBlank() || limit <= 0) {
            return List.of();
        }
        try {
            return records(number, Math.min(limit, MAX_LIMIT)).stream().map(CallHistoryRepository::earlier).toList();
        } catch (SQLException e) {
            failures.incrementAndGet();
            log.error("earlier calls of a number could not be read; screen pop without history", e);
            return List.of();
        }
    }

    /** The full records behind {@link #earlierCalls}; throws instead of giving up. */
    public List<CallRecord> records(String number, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(QUERY)) {
            ps.setString(1, number);
            ps.setString(2, number);
            ps.setInt(3, limit);
            return CallRecordRepository.read(ps);
        }
    }

    /** Look-ups that failed on a database error. */
    public long failures() {
        return failures.get();
    }

    private static EarlierCall earlier(CallRecord r) {
        CallHandling h = r.handling();
        return new EarlierCall(r.callId(), r.startedAt(), r.direction().name(),
                h.lastAgentId() != null ? h.lastAgentId() : r.agentId(), r.disposition().name(),
                h.wrapUpCode(), h.notes(), h.customerName());
    }
}
