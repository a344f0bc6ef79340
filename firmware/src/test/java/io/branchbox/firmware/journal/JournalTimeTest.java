package io.branchbox.firmware.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JournalTimeTest {

    /** Whatever Instant.toString writes (whole seconds, millis, micros, nanos) reads back the same. */
    @Test
    void readsWhatTheJournalWrites() {
        Random r = new Random(16);
        for (int i = 0; i < 20_000; i++) {
            long sec = r.nextLong(-2_000_000_000L, 250_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1_000;
                default -> r.nextInt(1_000_000_000);
            };
            Instant at = Instant.ofEpochSecond(sec, nanos);
            assertEquals(at, JournalTime.parse(at.toString()), at.toString());
        }
    }

    @Test
    void otherFormsFallBackToInstantParse() {
        assertEquals(Instant.parse("+12026-01-01T00:00:00Z"), JournalTime.parse("+12026-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-01-01T00:00:00.5Z"), JournalTime.parse("2026-01-01T00:00:00.5Z"));
    }

    /** Odd and wrong forms: the same instant or the same refusal as Instant.parse. */
    @Test
    void oddFormsReadAsInstantParseReadsThem() {
        for (String odd : new String[] {"2026-02-30T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z",
                "2026-01-01T00:00:6xZ", "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00.1234567890Z", "yesterday",
                "2026-01-01 00:00:00Z", "2026-06-30T23:59:60Z"}) {
            Instant expected;
            try {
                expected = Instant.parse(odd);
            } catch (DateTimeParseException e) {
                assertThrows(DateTimeParseException.class, () -> JournalTime.parse(odd), odd);
                continue;
            }
            assertEquals(expected, JournalTime.parse(odd), odd);
        }
    }
}
