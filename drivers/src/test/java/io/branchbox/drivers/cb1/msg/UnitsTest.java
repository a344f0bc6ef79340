package io.branchbox.drivers.cb1.msg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    @ParameterizedTest(name = "0x{0} is {1} {2}, {3}")
    @CsvSource({
        "00, BOARD, 0, board",
        "10, SPAN, 0, span0",
        "13, SPAN, 3, span3",
        "14, INVALID, -1, unit0x14",
        "20, FXO, 0, fxo0",
        "27, FXO, 7, fxo7",
        "28, INVALID, -1, unit0x28",
        "30, HEADSET, 0, headset0",
        "3C, HEADSET, 12, headset12",
        "3F, HEADSET, 15, headset15",
        "40, INVALID, -1, unit0x40",
        "01, INVALID, -1, unit0x01",
        "FF, INVALID, -1, unit0xff",
    })
    void mapsUnitBytes(String hex, UnitKind kind, int index, String name) {
        int unit = Integer.parseInt(hex, 16);
        assertEquals(kind, Units.kind(unit));
        assertEquals(index, Units.index(unit));
        assertEquals(name, Units.name(unit));
    }

    @Test
    void buildsUnitBytes() {
        assertEquals(0x12, Units.span(2));
        assertEquals(0x23, Units.fxo(3));
        assertEquals(0x3C, Units.headset(12));
    }

    @Test
    void refusesNumbersBeyondTheBoard() {
        assertThrows(IllegalArgumentException.class, () -> Units.span(4));
        assertThrows(IllegalArgumentException.class, () -> Units.fxo(8));
        assertThrows(IllegalArgumentException.class, () -> Units.headset(16));
        assertThrows(IllegalArgumentException.class, () -> Units.headset(-1));
    }
}
