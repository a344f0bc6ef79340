package io.branchbox.firmware.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.console.EarlierCall;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screen pop's history on the real H2 file database. */
class CallHistoryRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");
    private static final String CUSTOMER = "13800138000";

    @TempDir
    Path dir;
    private Database db;
    private CallRecordRepository records;
    private CallHistoryRepository history;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        records = new CallRecordRepository(db.dataSource());
        history = new CallHistoryRepository(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void callsInFromAndOutToTheNumberNewestFirst() throws SQLException {
        ended("in-1", CallDirection.IN, CUSTOMER, "100", 0, "a1", "BILLING", "asked about the bill", "Li Wei");
        ended("out-1", CallDirection.OUT, "100", CUSTOMER, 60, "a2", "CALLBACK", "called back", null);
        ended("in-2", CallDirection.IN, CUSTOMER, "100", 120, "a3", "FIXED", "reset the modem", "Li Wei");
        // not this number's history: someone else, the number as the called party of an inbound call,
        // an internal call and the call in progress
        ended("other", CallDirection.IN, "13900139000", "100", 30, "a1", null, null, null);
        ended("in-to", CallDirection.IN, "100", CUSTOMER, 40, "a1", null, null, null);
        ended("internal", CallDirection.INTERNAL, CUSTOMER, "101", 50, "a1", null, null, null);
        records.upsert(CallRecord.started("now", CallDirection.IN, "span0/ts1", CUSTOMER, "100", T0.plusSeconds(300)));

        List<EarlierCall> calls = history.earlierCalls(CUSTOMER, 10);
        assertEquals(List.of("in-2", "out-1", "in-1"), calls.stream().map(EarlierCall::callId).toList());
        assertEquals(new EarlierCall("in-2", T0.plusSeconds(120), "IN", "a3", "ANSWERED", "FIXED", "reset the modem",
                "Li Wei"), calls.get(0));
        assertEquals("OUT", calls.get(1).direction());

        assertEquals(List.of("in-2", "out-1"), history.earlierCalls(CUSTOMER, 2).stream().map(EarlierCall::callId).toList());
        assertTrue(history.earlierCalls("", 10).isEmpty());
        assertTrue(history.earlierCalls("0000", 10).isEmpty());
        assertEquals(0, history.failures());
    }

    @Test
    void theAgentShownIsTheOneWhoFinishedTheCall() throws SQLException {
        CallRecord r = CallRecord.started("t", CallDirection.IN, "fxo1", CUSTOMER, "100", T0)
                .withAgent("a1", "1").withEnd(T0.plusSeconds(90), CallDisposition.ANSWERED, "16")
                .withHandling(CallHandling.NONE.withLastAgent("a2").transferred());
        records.upsert(r);
        assertEquals("a2", history.earlierCalls(CUSTOMER, 5).get(0).agentId());
        assertEquals(r, records.find("t").orElseThrow());
    }

    @Test
    void aDatabaseErrorGivesAnEmptyHistoryAndACountedFailure() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE call_record");
        }
        assertTrue(history.earlierCalls(CUSTOMER, 5).isEmpty());
        assertEquals(1, history.failures());
    }

    private void ended(String id, CallDirection dir, String calling, String called, int second, String agent,
            String code, String notes, String customer) throws SQLException {
        Instant start = T0.plusSeconds(second);
        records.upsert(CallRecord.started(id, dir, "span0/ts1", calling, called, start)
                .withAgent(agent, "1").withAnsweredAt(start.plusSeconds(5))
                .withEnd(start.plusSeconds(50), CallDisposition.ANSWERED, "16")
                .withHandling(CallHandling.NONE.withLastAgent(agent).withWrapUp(code, notes, customer)));
    }
}
