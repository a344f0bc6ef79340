package io.branchbox.firmware.runtime;

import io.branchbox.firmware.recording.DiskReserve;
import io.branchbox.firmware.recording.StorageStatus;
import io.branchbox.firmware.uplink.Alarm;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The degraded start on a full data disk (issue 13, problem 2): {@link DiskReserve#releaseIfFull}
 * let the database and journal open; here the storage policy runs before the box takes calls, and
 * one alarm says what was found and what the policy could free. Threading: the start-up thread.
 */
final class DiskFullStart {
    private static final Logger log = LoggerFactory.getLogger(DiskFullStart.class);
    static final String CODE = "DISK_FULL_AT_START";

    private DiskFullStart() {}

    static void runPolicyFirst(boolean fullAtStart, DiskReserve reserve, RecordingSupervisor recordings,
            BoxFaults faults) throws SQLException {
        StorageStatus after = recordings.keepReserve(reserve, fullAtStart);
        if (after == null) {
            return;
        }
        boolean room = after.freeBytes() >= reserve.bytes();
        String text = "the data disk was full at start: the box started degraded and ran the storage policy first; "
                + (room ? after.freeBytes() / 1024 + " KiB free now"
                        : "still only " + after.freeBytes() / 1024 + " KiB free: recordings stay off until space is freed");
        log.error(text);
        faults.raise(CODE, room ? Alarm.Severity.MAJOR : Alarm.Severity.CRITICAL, text,
                Map.of("freeBytes", after.freeBytes(), "reserveBytes", reserve.bytes()));
    }
}
