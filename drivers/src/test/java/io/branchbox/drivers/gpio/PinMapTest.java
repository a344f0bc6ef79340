package io.branchbox.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PinMapTest {

    @Test
    void defaultsAreTheDatasheetMap() {
        PinMap p = PinMap.defaults();
        assertEquals(17, p.boardReset());
        assertEquals(27, p.boardPresent());
        assertEquals(5, p.pwrLed());
        assertEquals(6, p.trunkLed());
        assertEquals(13, p.uplinkLed());
        assertEquals(19, p.recLed());
        assertEquals(26, p.factoryButton());
        assertEquals(List.of(new PinMap.SeatExpander(1, 0x20, 23), new PinMap.SeatExpander(1, 0x21, 24)), p.seatExpanders());
        assertEquals(4, p.seatsPerExpander());
        assertEquals(8, p.seatCount());
    }

    @Test
    void rejectsMoreSeatsThanAnExpanderHasPins() {
        assertThrows(IllegalArgumentException.class, () -> new PinMap(17, 27, 5, 6, 13, 19, 26, List.of(), 5));
    }

    @Test
    void rejectsAnAddressOutside7Bits() {
        assertThrows(IllegalArgumentException.class, () -> new PinMap.SeatExpander(1, 0x80, 23));
    }
}
