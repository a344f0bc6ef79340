package io.branchbox.rig.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode doc(String figures) throws Exception {
        return JSON.readTree("{\"figures\":[" + figures + "]}");
    }

    private static String fig(String name, double v, String unit, String better) {
        return "{\"name\":\"" + name + "\",\"value\":" + v + ",\"unit\":\"" + unit + "\",\"better\":\"" + better + "\"}";
    }

    @Test
    void onlyAFigureThreeTimesWorseIsARegression() throws Exception {
        JsonNode base = doc(fig("a.p50", 12, "ms", "lower") + "," + fig("pri.callRate", 900, "calls/s", "higher"));
        assertEquals(List.of(), Baseline.regressions(base, doc(fig("a.p50", 35.9, "ms", "lower") + ","
                + fig("pri.callRate", 301, "calls/s", "higher"))), "2.9x worse is a slower machine, not a regression");
        List<String> r = Baseline.regressions(base, doc(fig("a.p50", 36.1, "ms", "lower") + ","
                + fig("pri.callRate", 299, "calls/s", "higher")));
        assertEquals(2, r.size(), r.toString());
        assertTrue(r.get(0).startsWith("a.p50: 36.1 ms"), r.get(0));
    }

    @Test
    void anythingLostOrFailedIsComparedFromItsFloor() throws Exception {
        JsonNode base = doc(fig("box.recorder.lost", 0, "frames", "lower") + "," + fig("pri.callRate.failed", 0, "calls", "lower"));
        assertEquals(List.of(), Baseline.regressions(base, doc(fig("box.recorder.lost", 150, "frames", "lower"))));
        List<String> r = Baseline.regressions(base, doc(fig("box.recorder.lost", 151, "frames", "lower") + ","
                + fig("pri.callRate.failed", 151, "calls", "lower")));
        assertEquals(2, r.size(), r.toString());
    }

    @Test
    void theBoxsRssIsHeldToItsBudgetWithoutABaseline() throws Exception {
        JsonNode none = doc("");
        assertEquals(List.of(), Baseline.regressions(none, doc(fig("box.rss.avg", 159, "MB (box process alone)", "lower"))),
                "a CI machine's first run, without the class-data-sharing archive, is within 25 % of 128 MB");
        List<String> r = Baseline.regressions(none, doc(fig("box.rss.avg", 213, "MB (box process alone)", "lower")));
        assertEquals(1, r.size(), r.toString());
        assertTrue(r.get(0).contains("over the 128 MB budget"), r.get(0));
    }

    @Test
    void tinyBaselinesAreLiftedToAFloorAndUnknownFiguresIgnored() throws Exception {
        JsonNode base = doc(fig("a.p50", 0.05, "ms", "lower"));
        assertEquals(List.of(), Baseline.regressions(base, doc(fig("a.p50", 29.9, "ms", "lower") + ","
                + fig("new.figure.p50", 1e9, "ms", "lower"))), "under 3x the 10 ms floor; no baseline for the new one");
        assertEquals(1, Baseline.regressions(base, doc(fig("a.p50", 30.1, "ms", "lower"))).size());
    }

    @Test
    void tailsPausesAndTheSimulatorsOwnFiguresAreRecordedButNotCompared() throws Exception {
        JsonNode base = doc(fig("audio.turnaround.max", 5, "ms", "lower") + "," + fig("audio.gc.pause.max", 10, "ms", "lower")
                + "," + fig("fleet.reconnectAll", 4, "s", "lower") + "," + fig("box.burst.setupToFirstAnswer.p99", 14, "ms", "lower")
                + "," + fig("box.underruns", 0, "frames", "lower") + "," + fig("box.cpu.threads.jvm", 1, "% of a core", "lower")
                + "," + fig("box.cpu.threads.box", 5, "% of a core", "lower"));
        List<String> r = Baseline.regressions(base, doc(fig("audio.turnaround.max", 50, "ms", "lower") + ","
                + fig("audio.gc.pause.max", 100, "ms", "lower") + "," + fig("fleet.reconnectAll", 40, "s", "lower") + ","
                + fig("box.burst.setupToFirstAnswer.p99", 140, "ms", "lower") + "," + fig("box.underruns", 9999, "frames", "lower")
                + "," + fig("box.cpu.threads.jvm", 9, "% of a core", "lower")
                + "," + fig("box.cpu.threads.box", 16, "% of a core", "lower")));
        assertEquals(1, r.size(), r.toString());
        assertTrue(r.get(0).startsWith("box.cpu.threads.box"), r.get(0));
    }

    @Test
    void theLongestGcPauseIsReadFromTheUnifiedLog(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("gc.log");
        Files.writeString(log, """
                [0.012s][info][gc] Using G1
                [1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->8M(128M) 3.456ms
                [2.345s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 30M->9M(128M) 12.5ms
                [2.400s][info][gc] GC(2) Concurrent Mark Cycle 20.001ms
                """);
        assertEquals(12.5, BenchAll.gcPauseMax(log).orElseThrow());
        Files.writeString(log, "[0.012s][info][gc] Using G1\n");
        assertTrue(BenchAll.gcPauseMax(log).isEmpty());
    }

    @Test
    void theGeneratedSectionIsReplacedNotAppendedTwice(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("B.md");
        Files.writeString(doc, "# Benchmarks\n\nhand-written\n");
        BenchReport.replaceSection(doc, "first\n");
        BenchReport.replaceSection(doc, "second\n");
        String text = Files.readString(doc);
        assertTrue(text.contains("hand-written") && text.contains("second") && !text.contains("first"), text);
        assertEquals(text.indexOf(BenchAll.DOC_START), text.lastIndexOf(BenchAll.DOC_START));
    }
}
