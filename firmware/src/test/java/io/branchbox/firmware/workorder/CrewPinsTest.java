package io.branchbox.firmware.workorder;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void plainPinsAnInstallerWroteAreRewrittenHashedAndStillWork() throws Exception {
        WorkOrderFixture f = new WorkOrderFixture();
        Path file = data.resolve("crew-pins.properties");
        Files.writeString(file, "31=2468\n");
        CrewPins pins = CrewPins.load(f.config.workOrders(), data);

        String stored = Files.readString(file);
        assertFalse(stored.contains("2468"), stored);
        assertTrue(stored.contains("31=pbkdf2-sha256$"), stored);
        assertEquals("31", pins.verify("31", "2468").orElseThrow().id());
        assertEquals("31", CrewPins.load(f.config.workOrders(), data).verify("31", "2468").orElseThrow().id(),
                "the hashed file reads back");
    }

    @Test
    void aLeadSetsAndResetsAPinStoredHashedOwnerOnlyAndJournaledWithoutThePin() throws Exception {
        WorkOrderFixture f = new WorkOrderFixture();
        CrewPins pins = CrewPins.load(f.config.workOrders(), data);
        WorkOrderService s = new WorkOrderService(f.book, f.handovers, pins, f.rota, null);

        s.setCrewPin("32", "97531", WorkOrderFixture.LEAD1);
        assertEquals("32", pins.verify("32", "97531").orElseThrow().id());
        s.setCrewPin("32", "1357", WorkOrderFixture.LEAD1);
        assertTrue(pins.verify("32", "97531").isEmpty(), "the reset PIN no longer works");
        assertEquals("32", CrewPins.load(f.config.workOrders(), data).verify("32", "1357").orElseThrow().id());

        Path file = data.resolve("crew-pins.properties");
        String stored = Files.readString(file);
        assertFalse(stored.contains("1357") || stored.contains("97531"), stored);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
        assertEquals(List.of(new CrewPins.Status("31", "城区抢修一班", false), new CrewPins.Status("32", "农村抢修班", true)),
                pins.status());
        var set = f.journal.stream().filter(e -> e.type().equals(WorkOrderEvents.CREW_PIN_SET)).toList();
        assertEquals(2, set.size());
        assertEquals("agent1", set.get(0).attr(WorkOrderEvents.BY));
        assertFalse(set.get(1).attrs().toString().contains("1357"), "the journal never holds a PIN");
    }

    @Test
    void aBadPinOrAnUnknownCrewIsRefusedAndChangesNothing() throws Exception {
        WorkOrderFixture f = new WorkOrderFixture();
        CrewPins pins = CrewPins.load(f.config.workOrders(), data);
        Refusal bad = assertThrows(Refusal.class, () -> pins.set("31", "12a4"));
        assertFalse(bad.getMessage().contains("12a4"), "the message never repeats what was typed");
        assertThrows(Refusal.class, () -> pins.set("31", "123"));
        assertThrows(Refusal.class, () -> pins.set("99", "1234"));
        assertEquals(0, pins.withPin());
        assertFalse(Files.exists(data.resolve("crew-pins.properties")));
    }
}
