package io.branchbox.firmware.trunk.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers as dialled in China to called party digits (type unknown). */
class DialledNumbersTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({
            "'010 1234 5678', 01012345678",     // Beijing fixed line with trunk prefix: kept
            "'021-6543-2100', 02165432100",     // separators dropped
            "13812345678, 13812345678",         // mobile: no trunk prefix
            "'+86 10 1234 5678', 01012345678",  // home country code: national form with 0
            "'+86 138 1234 5678', 13812345678", // home mobile: without 0
            "'+1 (212) 555-0100', 0012125550100", // abroad: international prefix 00
            "0085223456789, 0085223456789",     // already dialled internationally
            "12345, 12345",                     // local or service number
            "'*99#', '*99#'",                   // feature codes pass
    })
    void convertsToTheDigitsSent(String dialled, String digits) {
        assertEquals(digits, DialledNumbers.toCalledDigits(dialled));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "010-ABC", "12+34", "+", "1234567890123456789012345"})
    void refusesWhatCannotBeDialled(String dialled) {
        assertThrows(IllegalArgumentException.class, () -> DialledNumbers.toCalledDigits(dialled));
    }
}
