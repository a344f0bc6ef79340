package io.branchbox.firmware.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.branchbox.drivers.cb1.msg.UnitKind;
import io.branchbox.drivers.cb1.msg.Units;
import org.junit.jupiter.api.Test;

class BoardSeatsTest {
    private final BoardSeats seats = new BoardSeats();

    @Test
    void seatsAreTheBoardsHeadsetPortsFromUnit0x30() {
        assertEquals(0x30, seats.headsetUnit(1), "seat 1 is headset port 0 (datasheet: units 0x30..0x3F)");
        assertEquals(0x3F, seats.headsetUnit(Units.MAX_HEADSETS), "the last seat is the last headset port");
        for (int seat = 1; seat <= Units.MAX_HEADSETS; seat++) {
            assertEquals(UnitKind.HEADSET, Units.kind(seats.headsetUnit(seat)));
            assertEquals(seat - 1, Units.index(seats.headsetUnit(seat)));
        }
    }

    @Test
    void aSeatTheBoardDoesNotHaveIsRefusedNotAddressedElsewhere() {
        assertThrows(IllegalArgumentException.class, () -> seats.headsetUnit(0));
        assertThrows(IllegalArgumentException.class, () -> seats.headsetUnit(Units.MAX_HEADSETS + 1));
    }
}
