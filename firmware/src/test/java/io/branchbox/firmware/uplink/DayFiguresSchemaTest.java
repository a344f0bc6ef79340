package io.branchbox.firmware.uplink;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.kpi.Grouping;
import io.branchbox.firmware.kpi.KpiJson;
import io.branchbox.firmware.kpi.KpiLedger;
import io.branchbox.firmware.kpi.KpiReports;
import io.branchbox.firmware.kpi.KpiSettings;
import io.branchbox.firmware.journal.CallEventTypes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The day's KPIs as the central office gets them validate against figures-2.schema.json. */
class DayFiguresSchemaTest {

    @Test
    void aDayWithOneAbandonedCallValidatesWithNoDataAsNull() {
        KpiSettings settings = KpiSettings.of(ConfigDocuments.defaults());
        KpiLedger ledger = new KpiLedger(settings, 1);
        Instant t = Instant.parse("2026-12-01T02:00:00Z");
        ledger.accept(new JournalEvent(1, t, CallEventTypes.CALL_STARTED, "c1", null, null, Map.of("direction", "IN")));
        ledger.accept(new JournalEvent(2, t.plusSeconds(5), CallEventTypes.CALL_QUEUED, "c1", null, "repair", Map.of()));
        ledger.accept(new JournalEvent(3, t.plusSeconds(40), CallEventTypes.CALL_ENDED, "c1", null, "repair",
                Map.of("disposition", "ABANDONED", "cause", "16")));
        LocalDate day = LocalDate.of(2026, 12, 1);
        var books = ledger.days(day, day, t.plusSeconds(60));
        List<Object> rows = new ArrayList<>();
        for (Grouping g : Grouping.values()) {
            KpiReports.rows(books, day, day, g, settings).forEach(r -> rows.add(KpiJson.row(r)));
        }
        byte[] payload = new UplinkPayloads("north-07", "b1").dayFigures(42, t, "2026-12-01", "Asia/Shanghai", true, rows);
        JsonNode n = Schemas.assertValid("figures-2", new String(payload, StandardCharsets.UTF_8));
        assertEquals("2026-12-01", n.at("/period/key").asText());
        assertTrue(n.at("/rows/0/manualAnswerRate").isNumber());
        assertEquals(0.0, n.at("/rows/0/manualAnswerRate").asDouble());
        assertTrue(n.at("/rows/0/satisfaction").isNull(), "no ratings: null, not 0 or 100");
        assertEquals(1, n.at("/rows/0/counts/abandoned").asInt());

        assertFalse(Schemas.errors("figures-2", new String(payload, StandardCharsets.UTF_8)
                .replace("\"closed\":true", "\"closed\":\"yes\"")).isEmpty(), "the schema can fail");
    }
}
