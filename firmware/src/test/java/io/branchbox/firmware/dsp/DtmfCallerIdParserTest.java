package io.branchbox.firmware.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DtmfCallerIdParserTest {
    private static final long GAP = 1120; // 140 ms between digits, in samples

    private static List<CallerId> feed(String digits) {
        List<CallerId> out = new ArrayList<>();
        DtmfCallerIdParser p = new DtmfCallerIdParser((id, at) -> out.add(id));
        long t = 0;
        for (char c : digits.toCharArray()) {
            p.onDigit(c, t);
            t += GAP;
        }
        p.idle(t + 8000 * 2);
        return out;
    }

    @ParameterizedTest
    @CsvSource({"A13800138000C, 13800138000", "D13800138000C, 13800138000", "A075512345678#, 075512345678",
        "A110, 110"})
    void readsTheNumberVariants(String digits, String number) {
        List<CallerId> ids = feed(digits);
        assertEquals(1, ids.size());
        assertEquals(number, ids.get(0).number());
        assertEquals(CallerId.Format.DTMF, ids.get(0).format());
        assertEquals(digits, ids.get(0).rawHex());
    }

    @ParameterizedTest
    @CsvSource({"B00C, O", "B10C, P"})
    void readsAbsenceCodes(String digits, char reason) {
        List<CallerId> ids = feed(digits);
        assertEquals(1, ids.size());
        assertEquals(null, ids.get(0).number());
        assertEquals(reason, ids.get(0).numberAbsence());
    }

    @Test
    void ignoresOrdinaryDiallingAndAbandonsBrokenMessages() {
        assertEquals(List.of(), feed("13800138000"));
        assertEquals(List.of(), feed("A138*00C"));
        assertEquals(List.of(), feed("B99C"));
        assertEquals(List.of(), feed("AC"));
    }

    @Test
    void aLongSilenceEndsAMessageWithoutEndCode() {
        List<CallerId> out = new ArrayList<>();
        DtmfCallerIdParser p = new DtmfCallerIdParser((id, at) -> out.add(id));
        p.onDigit('A', 0);
        p.onDigit('1', GAP);
        p.onDigit('2', 2 * GAP);
        p.idle(2 * GAP + 4000);
        assertEquals(List.of(), out);
        p.idle(2 * GAP + 8001);
        assertEquals("12", out.get(0).number());
    }
}
