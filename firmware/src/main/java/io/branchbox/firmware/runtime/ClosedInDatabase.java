package io.branchbox.firmware.runtime;

import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.store.CallRecordRepository;
import java.sql.SQLException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a call's record in the database is already closed (any disposition but IN_PROGRESS),
 * for {@link CrashRecovery}. A database error counts as "not closed": then the journal alone
 * decides, as before this check existed. Start-up thread.
 */
final class ClosedInDatabase implements Predicate<String> {
    private static final Logger log = LoggerFactory.getLogger(ClosedInDatabase.class);

    private final CallRecordRepository records;

    ClosedInDatabase(CallRecordRepository records) {
        this.records = records;
    }

    @Override
    public boolean test(String callId) {
        try {
            return records.find(callId).map(r -> r.disposition() != CallDisposition.IN_PROGRESS).orElse(false);
        } catch (SQLException e) {
            log.warn("cannot read the record of call {}: {}; the journal decides", callId, e.toString());
            return false;
        }
    }
}
