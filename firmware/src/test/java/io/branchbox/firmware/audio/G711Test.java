package io.branchbox.firmware.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void alawSilenceAndKnownCodesMatchTheStandardTable() {
        assertEquals(8, G711.alawToLinear((byte) 0xD5), "0xD5 is +0: the smallest positive level, 8");
        assertEquals(-8, G711.alawToLinear((byte) 0x55), "0x55 is -0");
        // segment 7, mantissa 15, positive: the largest A-law magnitude, 32256
        assertEquals(32256, G711.alawToLinear((byte) 0xAA));
        assertEquals(-32256, G711.alawToLinear((byte) 0x2A));
        assertEquals((byte) 0xD5, G711.linearToAlaw(0));
        assertEquals((byte) 0xAA, G711.linearToAlaw(Short.MAX_VALUE));
        assertEquals((byte) 0x2A, G711.linearToAlaw(Short.MIN_VALUE));
    }

    @Test
    void everyAlawCodeSurvivesDecodeThenEncode() {
        for (int c = 0; c < 256; c++) {
            byte code = (byte) c;
            assertEquals(code, G711.linearToAlaw(G711.alawToLinear(code)), "code " + c);
        }
    }

    @Test
    void everyUlawCodeSurvivesDecodeThenEncodeExceptNegativeZero() {
        for (int c = 0; c < 256; c++) {
            if (c == 0x7F) {
                continue; // -0 decodes to 0 and re-encodes as +0 (0xFF), as the standard allows
            }
            byte code = (byte) c;
            assertEquals(code, G711.linearToUlaw(G711.ulawToLinear(code)), "code " + c);
        }
        assertEquals(32124, G711.ulawToLinear((byte) 0x80));
        assertEquals(0, G711.ulawToLinear((byte) 0xFF));
    }

    @Test
    void alawQuantisationErrorStaysWithinHalfAStep() {
        for (int x = -32768; x <= 32767; x += 7) {
            int y = G711.alawToLinear(G711.linearToAlaw(x));
            int mag = Math.abs(x);
            int step = mag < 512 ? 16 : 16 << (31 - Integer.numberOfLeadingZeros(mag >> 8));
            assertTrue(Math.abs(y - x) <= step, "x=" + x + " y=" + y);
        }
    }

    @Test
    void monotonicAcrossTheWholeRange() {
        int prev = Integer.MIN_VALUE;
        for (int x = -32768; x <= 32767; x += 3) {
            int y = G711.alawToLinear(G711.linearToAlaw(x));
            assertTrue(y >= prev, "non-monotonic at " + x);
            prev = y;
        }
    }
}
