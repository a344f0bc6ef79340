package io.branchbox.firmware.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptAnnouncementTest {
    @Test
    void positionAloneWhenNoWaitIsKnown() {
        assertEquals(List.of("position-intro", "number-3"), PromptLibrary.positionAnnouncement(3, null));
        assertEquals(List.of("position-intro", "number-10"), PromptLibrary.positionAnnouncement(10, null));
    }

    @Test
    void positionsAboveTenAreReadDigitByDigit() {
        assertEquals(List.of("position-intro", "number-1", "number-2"), PromptLibrary.positionAnnouncement(12, null));
        assertEquals(List.of("position-intro", "number-1", "number-0", "number-5"),
                PromptLibrary.positionAnnouncement(105, null));
    }

    @Test
    void underAMinuteIsLessThanOneMinute() {
        assertEquals(List.of("position-intro", "number-1", "wait-intro", "less-than-a-minute"),
                PromptLibrary.positionAnnouncement(1, Duration.ofSeconds(59)));
        assertEquals(List.of("position-intro", "number-1", "wait-intro", "less-than-a-minute"),
                PromptLibrary.positionAnnouncement(1, Duration.ZERO));
    }

    @Test
    void minutesAreRoundedAndOneMinuteIsSingular() {
        assertEquals(List.of("position-intro", "number-2", "wait-intro", "number-1", "minute"),
                PromptLibrary.positionAnnouncement(2, Duration.ofSeconds(89)));
        assertEquals(List.of("position-intro", "number-2", "wait-intro", "number-2", "minutes"),
                PromptLibrary.positionAnnouncement(2, Duration.ofSeconds(90)));
        assertEquals(List.of("position-intro", "number-4", "wait-intro", "number-1", "number-5", "minutes"),
                PromptLibrary.positionAnnouncement(4, Duration.ofMinutes(15)));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PromptLibrary.positionAnnouncement(0, null));
        assertThrows(IllegalArgumentException.class, () -> PromptLibrary.positionAnnouncement(1, Duration.ofSeconds(-1)));
    }

    @Test
    void everyPieceIsABuiltInPrompt() {
        PromptLibrary lib = new PromptLibrary(Path.of("/nonexistent"), "default");
        int longest = 0;
        for (int pos = 1; pos <= 120; pos += 7) {
            for (int s = 0; s < 1800; s += 45) {
                int samples = 0;
                for (String name : PromptLibrary.positionAnnouncement(pos, Duration.ofSeconds(s))) {
                    samples += lib.get(name).length;
                }
                longest = Math.max(longest, samples);
            }
        }
        assertTrue(longest < 8 * 8000, "the longest announcement lasts " + longest / 8 + " ms");
    }
}
