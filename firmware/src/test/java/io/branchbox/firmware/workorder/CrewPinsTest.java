package io.branchbox.firmware.workorder;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrewPinsTest {
    @TempDir
    Path data;

    @Test
    void aCrewSignsInWithItsPinFromTheFileAndNoOtherCrewOrPinDoes() throws Exception {
        WorkOrderFixture f = new WorkOrderFixture();
        Files.writeString(data.resolve("crew-pins.properties"), "31=2468\n32=12\n99=1111\n");
        CrewPins pins = CrewPins.load(f.config.workOrders(), data);

        assertEquals("31", pins.verify("31", "2468").orElseThrow().id());
        assertTrue(pins.verify("31", "2469").isEmpty());
        assertTrue(pins.verify("32", "12").isEmpty(), "a PIN of two digits is no PIN");
        assertTrue(pins.verify("99", "1111").isEmpty(), "not a configured crew");
        assertEquals(1, pins.withPin());
    }

    @Test
    void withoutTheFileNoCrewSignsIn() throws Exception {
        CrewPins pins = CrewPins.load(new WorkOrderFixture().config.workOrders(), data);
        assertEquals(0, pins.withPin());
    }
}
