package io.branchbox.firmware.uplink;

import static io.branchbox.firmware.uplink.BrokerTests.WAIT;
import static io.branchbox.firmware.uplink.BrokerTests.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.kpi.KpiJson;
import io.branchbox.firmware.kpi.KpiLive;
import io.branchbox.firmware.kpi.KpiSettings;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.time.ExecutorScheduler;
import io.branchbox.time.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The day's KPIs reach the central office through a real broker (Mosquitto), each message valid
 * against {@code schemas/mqtt/figures-2.schema.json}: a closed day once, and again after a
 * correction (an event dated into it arrives later) under the same period key with the corrected
 * counts, so the office keeps the latest. The KPI thread runs in virtual time; the uplink and the
 * broker are real. Fails instead of skipping under {@code CI=true} without Mosquitto.
 */
class DayFiguresMosquittoTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @TempDir
    Path dir;

    @BeforeEach
    void needMosquitto() {
        MosquittoBroker.require();
    }

    @Test
    void aClosedDayIsSentAndSentAgainUnderTheSameKeyAfterACorrection() throws Exception {
        KpiSettings settings = KpiSettings.of(ConfigDocuments.defaults());
        String zone = settings.zone().getId();
        ManualScheduler kpiThread = new ManualScheduler(local(DAY.plusDays(1), "08:00"), settings.zone());
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
                Subscriber office = new Subscriber(broker.uri(), "branchbox/+/+/figures");
                ExecutorScheduler uplinkThread = new ExecutorScheduler("uplink-figures", Clock.systemUTC());
                EventJournal journal = EventJournal.open(dir.resolve("data/journal"), Clock.systemUTC())) {
            UplinkService uplink = new UplinkService(BrokerTests.settings(broker.uri(), Duration.ofMillis(500)),
                    Files.createDirectories(dir.resolve("data")), uplinkThread, Map::of, null);
            uplink.start();
            assertTrue(eventually(() -> uplink.status().state() == UplinkState.CONNECTED), "status " + uplink.status());

            abandoned(journal, "c1", local(DAY, "10:00"), 40);
            KpiLive live = new KpiLive(settings, dir.resolve("data"), kpiThread, 2);
            // as the box wires it (runtime.BoxUplink): rows as JSON, handed to the uplink's thread
            live.setSink((day, closed, rows) -> {
                List<Object> json = rows.stream().<Object>map(KpiJson::row).toList();
                uplinkThread.execute(() -> uplink.publishDayFigures(day.toString(), zone, closed, json));
            });
            live.start(journal, Duration.ofMinutes(15));
            kpiThread.runPending();

            JsonNode first = valid(office.await(m -> m.payload().contains("\"key\":\"2026-12-01\""), 1, WAIT));
            assertTrue(first.at("/period/closed").asBoolean(), first.toString());
            assertEquals(1, first.at("/rows/0/counts/abandoned").asInt());
            valid(office.await(m -> m.payload().contains("\"key\":\"2026-12-02\""), 1, WAIT)); // today so far

            // the clock had been wrong: a call dated into the closed day arrives late
            abandoned(journal, "c9", local(DAY, "23:00"), 30);
            // the ledger follows the journal as a listener on the journal's writer thread
            assertTrue(eventually(() -> live.ledger().lastSeq() >= 6), "the ledger saw the late call");
            kpiThread.advance(Duration.ofMinutes(15));
            List<Subscriber.Received> day = office.await(m -> m.payload().contains("\"key\":\"2026-12-01\""), 2, WAIT);
            assertEquals(2, day.size(), "the corrected day is sent again");
            JsonNode corrected = valid(day.subList(1, 2));
            assertEquals(first.at("/period/key"), corrected.at("/period/key"), "the same period key");
            assertEquals(2, corrected.at("/rows/0/counts/abandoned").asInt(), "the corrected counts");
            assertTrue(corrected.at("/rows/0/manualAnswerRate").isNumber());
            assertTrue(corrected.at("/rows/0/satisfaction").isNull(), "no ratings: no data, never 0 or 100 %");
            uplink.stop().get(10, TimeUnit.SECONDS);
        }
    }

    /** The first message of {@code hits}, valid against the schema. */
    private static JsonNode valid(List<Subscriber.Received> hits) {
        assertTrue(!hits.isEmpty(), "no figures message arrived");
        return Schemas.assertValid("figures-2", hits.get(0).payload());
    }

    private static void abandoned(EventJournal j, String call, Instant at, int waitS) throws Exception {
        j.append(JournalEvent.of(at, CallEventTypes.CALL_STARTED, call, null, null, Map.of("direction", "IN")));
        j.append(JournalEvent.of(at.plusSeconds(3), CallEventTypes.CALL_QUEUED, call, null, "repair", Map.of()));
        j.append(JournalEvent.of(at.plusSeconds(3 + waitS), CallEventTypes.CALL_ENDED, call, null, null,
                Map.of("disposition", "ABANDONED", "cause", "16")));
        j.flush();
    }

    private static Instant local(LocalDate d, String hhmm) {
        return d.atTime(LocalTime.parse(hhmm)).atZone(KpiSettings.of(ConfigDocuments.defaults()).zone()).toInstant();
    }
}
