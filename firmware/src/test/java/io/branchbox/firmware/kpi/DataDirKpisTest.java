package io.branchbox.firmware.kpi;

import static io.branchbox.firmware.kpi.KpiLedgerTest.DAY;
import static io.branchbox.firmware.kpi.KpiLedgerTest.SETTINGS;
import static io.branchbox.firmware.kpi.KpiLedgerTest.local;
import static io.branchbox.firmware.journal.CallEventTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.journal.JournalReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirKpisTest {
    @TempDir
    Path data;

    /**
     * The cold read decodes the types the ledger ignores bare (no ids, no attributes): the day books
     * must be exactly those of the full fold, also when such an event is the journal's last one
     * (open agent time runs up to it).
     */
    @Test
    void theColdReadWithIgnoredTypesBareEqualsTheFullFold() throws Exception {
        EventScript s = new EventScript(local(DAY, "09:00"));
        s.agent("a1", "READY", "").agent("a2", "READY", "");
        for (int i = 0; i < 6; i++) {
            String call = "c" + i;
            s.pass(30).started(call).e(CALL_ANSWERED, call, null, null).e(CALL_IVR, call, null, null, "step", "menu")
                    .pass(4).e(CALL_IVR, call, null, null, "step", "queue").queued(call, "repair").pass(3);
            String agent = i % 2 == 0 ? "a1" : "a2";
            s.offered(call, agent, "repair").pass(2).connected(call, agent, "repair").pass(40)
                    .agent(agent, "WRAP_UP", "").e(CALL_SURVEY, call, agent, "repair", RATING, "1")
                    .ended(call, "ANSWERED").e(RECORDING_FINISHED, call, agent, null, "file", call + ".wav")
                    .pass(5).e(CALL_WRAPUP, call, agent, null, "note", "fixed").agent(agent, "READY", "");
        }
        s.pass(600).e(CALL_MONITOR, "c5", "a1", null, "mode", "listen"); // the last event: ignored type
        try (EventJournal j = EventJournal.open(data.resolve("journal"), Clock.systemUTC())) {
            for (JournalEvent e : s.events) {
                j.append(JournalEvent.of(e.at(), e.type(), e.callId(), e.agentId(), e.queue(), e.attrs()));
            }
            j.flush();
        }
        LocalDate today = DAY.plusDays(1);

        DataDirKpis.Books cold = DataDirKpis.read(data, SETTINGS, DAY, DAY, today);
        KpiLedger full = new KpiLedger(SETTINGS, 0);
        JournalReader.read(data.resolve("journal"), full);

        assertNotNull(cold.journal(), "no roll-ups: read from the journal");
        assertEquals(s.now, cold.lastEvent());
        assertEquals(full.days(DAY, DAY, full.lastEventAt()), cold.days());
        assertEquals(6, cold.days().get(DAY).get(Group.ALL).get(Count.HANDLED));
        assertTrue(KpiLedger.ignores(CALL_IVR) && KpiLedger.ignores(RECORDING_FINISHED));
        assertFalse(KpiLedger.ignores(CALL_ANSWERED) || KpiLedger.ignores(AGENT_STATE));
    }
}
