package io.branchbox.firmware.isdn.q931;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChinaNumbersTest {

    @ParameterizedTest(name = "type {0} digits {1} -> {2}")
    @CsvSource({
        "2, 13800138000, 13800138000",     // national mobile: no trunk prefix
        "2, 1062345678, 01062345678",      // national Beijing fixed line: trunk prefix 0
        "2, 75512345678, 075512345678",    // national Shenzhen fixed line
        "2, 01062345678, 01062345678",     // network already added the prefix
        "1, 8613800138000, 13800138000",   // international from China, mobile
        "1, 861062345678, 01062345678",    // international from China, fixed
        "1, 14155550123, 0014155550123",   // another country keeps the international prefix
        "4, 62345678, 62345678",           // subscriber (local) number
        "0, 95598, 95598",                 // unknown type: as received
    })
    void showsNumbersAsPeopleDialThem(int type, String digits, String shown) {
        assertEquals(shown, ChinaNumbers.display(type, digits));
    }

    @org.junit.jupiter.api.Test
    void absentNumberIsEmpty() {
        assertEquals("", ChinaNumbers.display(ChinaNumbers.NATIONAL, ""));
        assertEquals("", ChinaNumbers.display(ChinaNumbers.NATIONAL, null));
    }
}
