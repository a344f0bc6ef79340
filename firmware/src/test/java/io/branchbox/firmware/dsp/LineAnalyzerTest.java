package io.branchbox.firmware.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.audio.G711;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineAnalyzerTest {
    private static byte[] silence(int ms) {
        byte[] b = new byte[ms * 8];
        Arrays.fill(b, G711.ALAW_SILENCE);
        return b;
    }

    @Test
    void callerIdThenDigitsThenBusyOnOneRecording() throws Exception {
        ByteArrayOutputStream rec = new ByteArrayOutputStream();
        rec.writeBytes(silence(500));
        rec.writeBytes(FskCallerIdTest.fixture("bell202-mdmf.wav")); // 200 ms lead-in inside the file
        rec.writeBytes(silence(1000));
        rec.writeBytes(new DtmfGenerator(-10).generate("5", 100, 100));
        rec.writeBytes(silence(500));
        rec.writeBytes(FskCallerIdTest.fixture("busy.wav"));
        List<Detection> found = new LineAnalyzer().analyze(rec.toByteArray());
        assertEquals(List.of("callerid", "dtmf", "tone"), found.stream().map(Detection::kind).toList());
        long t = found.get(0).tMs();
        // 0.5 s silence + 0.2 s lead-in + 30 seizure octets (0.25 s) + 0.15 s mark = 1.1 s
        assertTrue(Math.abs(t - 1100) <= 30, "caller ID message starts at " + t);
        assertEquals("{\"t_ms\":" + t + ",\"kind\":\"callerid\",\"number\":\"13800138000\",\"name\":\"ZHANG SAN\","
                + "\"datetime\":\"11231530\",\"number_absence\":null,\"name_absence\":null,\"format\":\"MDMF\","
                + "\"checksum_ok\":true,\"raw\":\"" + java.util.HexFormat.of().formatHex(CallerIdMessages.mdmf(
                        0x01, "11231530", 0x02, "13800138000", 0x07, "ZHANG SAN")) + "\"}",
                found.get(0).toJson());
        Detection digit = found.get(1);
        assertEquals("5", digit.fields().get("digit"));
        assertTrue(Math.abs((Long) digit.fields().get("duration_ms") - 100) <= 30, "duration " + digit.fields());
        assertEquals("{\"t_ms\":" + found.get(2).tMs() + ",\"kind\":\"tone\",\"name\":\"busy\"}", found.get(2).toJson());
    }

    @Test
    void soxDtmfCallerIdFixtureGivesDigitsAndOneCallerId() throws Exception {
        List<Detection> found = new LineAnalyzer().analyze(FskCallerIdTest.fixture("dtmf-callerid.wav"));
        String digits = found.stream().filter(d -> d.kind().equals("dtmf"))
                .map(d -> (String) d.fields().get("digit")).reduce("", String::concat);
        assertEquals("A13800138000C", digits);
        List<Detection> cid = found.stream().filter(d -> d.kind().equals("callerid")).toList();
        assertEquals(1, cid.size());
        assertEquals("13800138000", cid.get(0).fields().get("number"));
        assertEquals("DTMF", cid.get(0).fields().get("format"));
        assertEquals(0, cid.get(0).tMs());
    }

    @Test
    void v23FixtureIsListedOnce() throws Exception {
        List<Detection> found = new LineAnalyzer().analyze(FskCallerIdTest.fixture("v23-mdmf.wav"));
        assertEquals(1, found.size());
        assertEquals("LI SI", found.get(0).fields().get("name"));
    }

    @Test
    void jsonLinesEndEachObjectWithANewline() {
        String text = LineAnalyzer.toJsonLines(List.of(
                new Detection(1200, "dtmf", java.util.Map.of("digit", "5")),
                new Detection(0, "tone", java.util.Map.of("name", "busy"))));
        assertEquals("{\"t_ms\":1200,\"kind\":\"dtmf\",\"digit\":\"5\"}\n{\"t_ms\":0,\"kind\":\"tone\",\"name\":\"busy\"}\n", text);
    }
}
