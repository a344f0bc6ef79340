package io.branchbox.firmware.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shift rota's weekdays, cover shifts and rotations in the document: validation and the schema-3 fill. */
class ShiftRotaConfigTest {
    private static final List<BoxConfig.ShiftDays> WEEKDAYS = List.of(BoxConfig.ShiftDays.MON, BoxConfig.ShiftDays.TUE,
            BoxConfig.ShiftDays.WED, BoxConfig.ShiftDays.THU, BoxConfig.ShiftDays.FRI);

    private static List<String> paths(BoxConfig c) {
        return new ConfigValidator().validate(c).stream().map(e -> e.path() + ":" + e.code().replace("config.err.", "")).toList();
    }

    @Test
    void theFactoryRotaIsValidWithItsLunchCoverOverlappingTheMorning() {
        BoxConfig d = ConfigDocuments.defaults();
        assertEquals(List.of(), paths(d));
        BoxConfig.Shift lunch = d.shifts().get(4);
        assertTrue(lunch.cover());
        assertEquals("12:00", lunch.start());
    }

    @Test
    void mainShiftsMayShareTimesOnDifferentDaysButNotOnTheSameDayNorOnHolidays() {
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig.Rotation none = BoxConfig.Rotation.NONE;
        BoxConfig ok = d.withShifts(List.of(
                new BoxConfig.Shift("day", "白班", "08:00", "20:00", WEEKDAYS, false, none),
                new BoxConfig.Shift("wkd", "周末", "08:00", "20:00", List.of(BoxConfig.ShiftDays.SAT, BoxConfig.ShiftDays.SUN,
                        BoxConfig.ShiftDays.HOLIDAY), false, none)));
        assertTrue(paths(ok).stream().noneMatch(p -> p.startsWith("shifts")), paths(ok)::toString);

        BoxConfig bad = d.withShifts(List.of(
                new BoxConfig.Shift("night", "夜班", "20:00", "08:00", List.of(BoxConfig.ShiftDays.values()), false, none),
                // Sunday night runs into Monday 08:00: a Monday shift from 07:00 overlaps it
                new BoxConfig.Shift("early", "早", "07:00", "09:00", List.of(BoxConfig.ShiftDays.MON), false, none),
                new BoxConfig.Shift("hol", "节", "19:00", "21:00", List.of(BoxConfig.ShiftDays.HOLIDAY), false, none),
                new BoxConfig.Shift("none", "无", "10:00", "11:00", List.of(), false, none),
                new BoxConfig.Shift("cover", "补位", "07:30", "08:30", WEEKDAYS, true, none),
                new BoxConfig.Shift("rot", "轮", "12:00", "13:00", List.of(BoxConfig.ShiftDays.SAT), false,
                        new BoxConfig.Rotation("2026-13-01", 0, List.of("agent1", "nobody")))));
        assertEquals(List.of("shifts[1]:shiftOverlap", "shifts[2]:shiftOverlap", "shifts[3].days:required",
                "shifts[5].rotation.from:notDate", "shifts[5].rotation.everyDays:range",
                "shifts[5].rotation.leads[1]:noAgent"),
                paths(bad).stream().filter(p -> p.startsWith("shifts")).toList());
    }

    @Test
    void schemaTwoFillGivesOldShiftsEveryDayAndDropsRotationsNamingAgentsTheSiteLacks() throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode doc;
        try (InputStream in = getClass().getResourceAsStream("/config/schema1-factory.json")) {
            doc = (ObjectNode) m.readTree(in);
        }
        ArrayNode shifts = doc.putArray("shifts");
        shifts.addObject().put("id", "day").put("name", "白班").put("start", "08:00").put("end", "20:00");
        shifts.addObject().put("id", "night").put("name", "夜班").put("start", "20:00").put("end", "08:00")
                .set("rotation", m.valueToTree(new BoxConfig.Rotation("2026-01-05", 7, List.of("ghost"))));
        ArrayNode agents = (ArrayNode) doc.get("agents");
        ((ObjectNode) agents.get(0)).put("id", "zhang");
        BoxConfig c = ConfigDocuments.parse(m.writeValueAsString(doc));

        assertEquals(List.of(BoxConfig.ShiftDays.values()), c.shifts().get(0).days());
        assertEquals(false, c.shifts().get(0).cover());
        assertEquals(BoxConfig.Rotation.NONE, c.shifts().get(1).rotation(), "an unknown agent cannot lead");
        assertTrue(c.workOrders().leads().stream().noneMatch(l -> l.agent().equals("agent1")),
                "agent1 is zhang now: no factory lead names an agent the site lacks");
    }
}
