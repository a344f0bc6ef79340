package io.branchbox.admin.reports;

import static io.branchbox.firmware.journal.CallEventTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report command on a real data directory: formats that re-read to the same numbers, and bad input. */
class ReportCommandTest {
    static final Clock LATER = Clock.fixed(Instant.parse("2026-12-10T00:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path data;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Two days (Shanghai): day 1 two answered calls (one rated 1) and an abandon; day 2 one answered call. */
    @BeforeEach
    void journal() throws Exception {
        ConfigDocuments.write(data.resolve("box.json"), ConfigDocuments.defaults());
        try (EventJournal j = EventJournal.open(data.resolve("journal"), Clock.systemUTC())) {
            Instant t = Instant.parse("2026-12-01T01:00:00Z"); // 09:00 in Shanghai
            call(j, t, "c1", "agent1", 4, 60, "1");
            call(j, t.plusSeconds(600), "c2", "agent2", 30, 90, null);
            j.append(JournalEvent.of(t.plusSeconds(900), CALL_STARTED, "c3", null, null, Map.of(DIRECTION, "IN")));
            j.append(JournalEvent.of(t.plusSeconds(905), CALL_QUEUED, "c3", null, "repair", Map.of()));
            j.append(JournalEvent.of(t.plusSeconds(960), CALL_ENDED, "c3", null, "repair", Map.of(DISPOSITION, "ABANDONED")));
            call(j, t.plusSeconds(86_400), "c4", "agent1", 2, 30, "3");
            j.flush();
        }
    }

    static void call(EventJournal j, Instant t, String id, String agent, int waitS, int talkS, String rating) {
        j.append(JournalEvent.of(t, CALL_STARTED, id, null, null, Map.of(DIRECTION, "IN")));
        j.append(JournalEvent.of(t.plusSeconds(5), CALL_QUEUED, id, null, "repair", Map.of()));
        j.append(JournalEvent.of(t.plusSeconds(5 + waitS), CALL_OFFERED, id, agent, "repair", Map.of()));
        j.append(JournalEvent.of(t.plusSeconds(6 + waitS), CALL_CONNECTED, id, agent, "repair", Map.of()));
        Instant end = t.plusSeconds(6 + waitS + talkS);
        if (rating != null) {
            j.append(JournalEvent.of(end, CALL_SURVEY, id, agent, "repair", Map.of(RATING, rating)));
        }
        j.append(JournalEvent.of(end, CALL_ENDED, id, agent, "repair", Map.of(DISPOSITION, "ANSWERED")));
    }

    int run(String... args) {
        return ReportCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), LATER, args);
    }

    @Test
    void jsonHasOneObjectPerRowWithTheKpisThePeriodAndTheCounts() throws Exception {
        assertEquals(0, run("--data", data.toString(), "--from", "2026-12-01", "--to", "2026-12-02"), err.toString());
        JsonNode rows = io.branchbox.firmware.kpi.KpiJson.MAPPER.readTree(out.toByteArray());
        assertEquals(1, rows.size());
        JsonNode all = rows.get(0);
        assertEquals("2026-12-01/2026-12-02", all.get("period").asText());
        assertEquals(3, all.at("/counts/handled").asInt());
        assertEquals(4, all.at("/counts/askedForAgent").asInt());
        assertEquals(75.0, all.get("manualAnswerRate").asDouble());
        assertEquals(50.0, all.get("satisfaction").asDouble());
        assertEquals(0.0, all.get("qaCompletion").asDouble(), "1 call due for scoring, none scored: 0 %");
        assertFalse(Files.exists(data.resolve("kpi")), "the tool writes nothing into the data directory");
    }

    @Test
    void csvAndXlsxReReadToTheSameNumbersAsJson() throws Exception {
        assertEquals(0, run("--data", data.toString(), "--from", "2026-12-01", "--to", "2026-12-02", "--by", "agent"));
        JsonNode json = io.branchbox.firmware.kpi.KpiJson.MAPPER.readTree(out.toByteArray());
        out.reset();
        assertEquals(0, run("--data", data.toString(), "--from", "2026-12-01", "--to", "2026-12-02", "--by", "agent",
                "--format", "csv"));
        List<String> lines = List.of(out.toString(StandardCharsets.UTF_8).split("\r\n"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        Path xlsx = data.resolveSibling(data.getFileName() + ".xlsx");
        assertEquals(0, run("--data", data.toString(), "--from", "2026-12-01", "--to", "2026-12-02", "--by", "agent",
                "--format", "xlsx", "--out", xlsx.toString()));
        List<List<String>> sheet = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertEquals(List.of("KPIs", "Definitions"), sheets.stream().map(Sheet::getName).toList());
            for (Row r : sheets.get(0).read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < header.size(); c++) {
                    cells.add(c < r.getCellCount() ? r.getCellText(c) : "");
                }
                sheet.add(cells);
            }
            sheets.get(1).read().forEach(r -> definitions.add(r.getCellText(0)));
        }
        assertTrue(definitions.containsAll(List.of("manualAnswerRate", "validRatings", "askedForAgent")));
        assertEquals(json.size() + 1, lines.size());
        assertEquals(json.size() + 1, sheet.size());
        for (int i = 0; i < json.size(); i++) {
            List<String> csv = List.of(lines.get(i + 1).split(",", -1));
            for (String key : List.of("group", "aht", "satisfaction", "answerWithin3s", "handled", "talkMs", "asa")) {
                int col = header.indexOf(key);
                JsonNode j = json.get(i).has(key) ? json.get(i).get(key) : json.get(i).at("/counts/" + key);
                assertSame(j, csv.get(col), key + " in CSV row " + i);
                assertSame(j, sheet.get(i + 1).get(col), key + " in xlsx row " + i);
            }
        }
        assertEquals("agent1", json.get(0).get("group").asText());
        assertEquals(2, json.get(0).at("/counts/handled").asInt());
        assertFalse(json.get(0).has("asa"), "ASA is not an agent's figure");
    }

    /** A JSON value and a re-read cell say the same: both empty (no data / not applying), same text, same number. */
    private static void assertSame(JsonNode json, String cell, String what) {
        if (json == null || json.isMissingNode() || json.isNull()) {
            assertEquals("", cell, what);
        } else if (json.isTextual()) {
            assertEquals(json.asText(), cell, what);
        } else {
            assertEquals(json.asDouble(), Double.parseDouble(cell), 1e-9, what);
        }
    }

    @Test
    void badInputGetsOneClearLineAndNoTrace() {
        String d = data.toString();
        assertBad(List.of("--data", d, "--from", "2026-12-09", "--to", "2026-12-01"), "--from 2026-12-09 is after --to 2026-12-01");
        assertBad(List.of("--data", d, "--from", "2026-12-01", "--to", "2026-12-02", "--by", "team"), "unknown --by 'team'");
        assertBad(List.of("--data", d, "--from", "2026-13-01", "--to", "2026-12-02"), "is not a date");
        assertBad(List.of("--data", d, "--from", "2026-12-01", "--to", "2026-12-02", "--zone", "Mars/Olympus"),
                "unknown --zone 'Mars/Olympus'");
        assertBad(List.of("--data", d + "/nowhere", "--from", "2026-12-01", "--to", "2026-12-02"), "is not a directory");
        assertBad(List.of("--data", d, "--from", "2026-12-01"), "--to is required");
    }

    private void assertBad(List<String> args, String message) {
        err.reset();
        assertEquals(2, run(args.toArray(String[]::new)));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains(message), e);
        assertFalse(e.contains("\tat "), "no stack trace");
    }

    @Test
    void aPeriodWithoutCallsIsAnEmptyReportWithItsPeriod() throws Exception {
        assertEquals(0, run("--data", data.toString(), "--from", "2026-11-01", "--to", "2026-11-30"));
        JsonNode rows = io.branchbox.firmware.kpi.KpiJson.MAPPER.readTree(out.toByteArray());
        assertEquals("2026-11-01/2026-11-30", rows.get(0).get("period").asText());
        assertTrue(rows.get(0).get("manualAnswerRate").isNull());
        assertEquals(0, rows.get(0).at("/counts/offered").asInt());
    }

    @Test
    void aDamagedTailIsSkippedWithANoteAndTheFiguresBeforeItStand() throws Exception {
        Path segment;
        try (var s = Files.list(data.resolve("journal"))) {
            segment = s.filter(p -> p.getFileName().toString().endsWith(".log")).findFirst().orElseThrow();
        }
        Files.write(segment, "deadbeef {\"seq\":99,\"at\":\"2026-12-0".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        assertEquals(0, run("--data", data.toString(), "--from", "2026-12-01", "--to", "2026-12-01"));
        assertTrue(err.toString().contains("damaged or still being written"), err.toString());
        JsonNode rows = io.branchbox.firmware.kpi.KpiJson.MAPPER.readTree(out.toByteArray());
        assertEquals(2, rows.get(0).at("/counts/handled").asInt());
    }
}
