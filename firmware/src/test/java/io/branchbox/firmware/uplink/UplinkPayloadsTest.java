package io.branchbox.firmware.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.firmware.stats.HandlingFigures;
import io.branchbox.firmware.stats.ServiceFigures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every payload the service builds is valid against its shipped schema; broken ones are not. */
class UplinkPayloadsTest {

    private static final Instant TS = Instant.parse("2026-11-23T16:05:00.123456Z");
    private final UplinkPayloads payloads = new UplinkPayloads("s1", "b1");

    @Test
    void statusWillAndOnlineAreValid() {
        JsonNode will = Schemas.assertValid("status", text(payloads.status(7, TS, false, "connection-lost")));
        assertEquals("offline", will.get("state").asText());
        assertEquals(7, will.get("id").asLong());
        assertEquals("2026-11-23T16:05:00.123Z", will.get("ts").asText(), "millisecond UTC time");
        Schemas.assertValid("status", text(payloads.status(8, TS, true, "connected")));
    }

    @Test
    void birthHealthAlarmAndFiguresAreValid() {
        Schemas.assertValid("birth", text(payloads.birth(1, TS, Map.of("firmware", "0.1.0"), 12,
                Map.of(Priority.HEALTH, 3L))));
        Schemas.assertValid("health", text(payloads.health(2, TS, Map.of("cpuLoad", 0.5))));
        Schemas.assertValid("alarm", text(payloads.alarm(3, TS,
                new Alarm("DISK_FULL", Alarm.Severity.CLEARED, "disk below 90 %", Map.of()))));
        Schemas.assertValid("figures", text(payloads.figures(4, TS, TS.minusSeconds(900), TS, Map.of("offered", 9))));
    }

    @Test
    void everyServiceFigureIsValidAndMistypedFiguresAreRejected() {
        ServiceFigures f = new ServiceFigures(10, 6, 2, 4, 3, 2, 1, 13_000, 90_000, 19_000, 16_000, 3, 1,
                new HandlingFigures(2, 1, 1, 1, 1, 2, 61_000, 2, 8, 12_500, 1, 1, 1, Map.of("lunch", 200_000L)));
        JsonNode figures = Schemas.assertValid("figures", text(payloads.figures(5, TS, TS.minusSeconds(900), TS,
                f.toMap()))).get("figures");
        assertEquals(200_000, figures.get("notReadyMs").get("lunch").asLong());
        assertEquals(102_500, figures.get("ahtWithWrapUpMs").asLong());
        assertFalse(Schemas.errors("figures", text(payloads.figures(6, TS, TS.minusSeconds(900), TS,
                Map.of("holds", "two")))).isEmpty());
        assertFalse(Schemas.errors("figures", text(payloads.figures(7, TS, TS.minusSeconds(900), TS,
                Map.of("notReadyMs", Map.of("lunch", -1))))).isEmpty());
    }

    @Test
    void schemaRejectsMissingIdAndUnknownState() {
        String noId = "{\"schema\":\"branchbox.status/1\",\"site\":\"s1\",\"box\":\"b1\","
                + "\"ts\":\"2026-11-23T16:05:00Z\",\"state\":\"online\",\"reason\":\"connected\"}";
        assertFalse(Schemas.errors("status", noId).isEmpty());
        String badState = "{\"schema\":\"branchbox.status/1\",\"id\":1,\"site\":\"s1\",\"box\":\"b1\","
                + "\"ts\":\"2026-11-23T16:05:00Z\",\"state\":\"sleeping\",\"reason\":\"connected\"}";
        assertFalse(Schemas.errors("status", badState).isEmpty());
        String badTime = "{\"schema\":\"branchbox.health/1\",\"id\":1,\"site\":\"s1\",\"box\":\"b1\","
                + "\"ts\":\"yesterday\",\"metrics\":{}}";
        assertFalse(Schemas.errors("health", badTime).isEmpty());
    }

    @Test
    void alarmCodeMustBeMachineReadable() {
        assertThrows(IllegalArgumentException.class, () -> new Alarm("e1 los", Alarm.Severity.MAJOR, "x", null));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
