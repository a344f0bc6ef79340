package io.branchbox.rig.isdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.firmware.store.CallRecordProjector;
import io.branchbox.firmware.store.CallRecordRepository;
import io.branchbox.firmware.store.Database;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PRI soak through the box's real call control and journal: at the end every call the box
 * heard of is in the call records (H2, projected from the journal), ended, with its number and a
 * disposition, and nothing is left over on the trunk.
 */
class PriSoakCallRecordsTest {

    @TempDir
    Path dir;

    @Test
    void threeHundredCallsAllReachTheCallRecords() throws Exception {
        soak(300);
    }

    @Test
    @Tag("soak")
    void tenThousandCallsAllReachTheCallRecords() throws Exception {
        soak(10_000);
    }

    private void soak(int calls) throws Exception {
        CallManagerOnSoak[] box = new CallManagerOnSoak[1];
        SoakResult r = SoakChecks.run("pri-callrecords-" + calls,
                () -> new PriSoak(SoakSettings.standard(calls, calls + 7), s -> box[0] = new CallManagerOnSoak(s, dir)));
        SoakChecks.assertClean(r);
        try (CallManagerOnSoak b = box[0]; Database db = Database.open(dir)) {
            b.journal.flush();
            new CallRecordProjector(db.dataSource()).rebuild(b.journal);
            List<CallRecord> records = new CallRecordRepository(db.dataSource()).all();
            int heard = r.ledger().opened(CallLedger.Book.BOX_IN);
            assertEquals(heard, records.size(), "every call the box heard of has a call record\n" + r.summary());
            for (CallRecord c : records) {
                assertTrue(c.endedAt() != null && c.disposition() != CallDisposition.IN_PROGRESS, "ended: " + c);
                assertTrue(c.callingNumber().matches("\\d{11}"), "caller's number kept: " + c);
                assertTrue(c.trunk().matches("span0/ts\\d+"), "trunk named: " + c);
            }
        }
    }
}
