package io.branchbox.firmware.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftsAndQaConfigTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void anOlderDocumentGetsTheFactoryRotaAndTheBriefsQaRules() throws Exception {
        String schema1;
        try (InputStream in = getClass().getResourceAsStream("/config/schema1-factory.json")) {
            schema1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        BoxConfig c = ConfigDocuments.parse(schema1);

        assertEquals(List.of("morning", "evening", "night", "weekend", "lunch"), c.shifts().stream().map(BoxConfig.Shift::id).toList());
        assertEquals("08:30", c.shifts().get(0).start());
        assertEquals(5.0, c.qa().samplePercent());
        assertEquals(183, c.qa().keepDays());
        assertTrue(new ConfigValidator().validate(c).isEmpty(), () -> new ConfigValidator().validate(c).toString());
    }

    @Test
    void theNightShiftBelongsToTheDayItStarted() {
        ShiftCalendar cal = new ShiftCalendar(ConfigDocuments.defaultShifts(), SHANGHAI);

        assertEquals("2026-12-04/morning", key(cal, "2026-12-04T08:30:00+08:00"));
        assertEquals("2026-12-04/evening", key(cal, "2026-12-04T17:30:00+08:00"));
        assertEquals("2026-12-05/weekend", key(cal, "2026-12-05T17:30:00+08:00"), "Saturday: the weekend shift");
        assertEquals("2026-12-05/night", key(cal, "2026-12-05T23:59:00+08:00"));
        assertEquals("2026-12-04/night", key(cal, "2026-12-05T08:29:59+08:00"));
        assertEquals(Instant.parse("2026-12-04T14:00:00Z"), cal.startOf(ShiftCalendar.ShiftDay.parse("2026-12-04/night")));
        assertEquals(LocalDate.parse("2026-12-04"), ShiftCalendar.ShiftDay.parse("2026-12-04/night").day());
    }

    @Test
    void overlappingShiftsBadTimesAndQaKeptShorterThanRecordingsAreRefusedWithTheirPath() {
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig bad = d.withShifts(List.of(
                        new BoxConfig.Shift("day", "白班", "08:00", "18:00"),
                        new BoxConfig.Shift("late", "晚班", "17:00", "23:00"),
                        new BoxConfig.Shift("x", "X", "25:00", "01:00")))
                .withQa(new BoxConfig.Qa(5.0, 3, 20, 100, 600, 20));

        List<String> paths = new ConfigValidator().validate(bad).stream().map(ConfigError::path).toList();

        assertTrue(paths.contains("shifts[1]"), paths::toString);
        assertTrue(paths.contains("shifts[2]"), paths::toString);
        assertTrue(paths.contains("qa.keepDays"), paths::toString);
        assertFalse(paths.contains("shifts[0]"), paths::toString);
    }

    private static String key(ShiftCalendar cal, String at) {
        return cal.shiftOf(java.time.OffsetDateTime.parse(at).toInstant()).orElseThrow().key();
    }
}
