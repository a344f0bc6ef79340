package io.branchbox.firmware.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in Mandarin set: complete, and numbers in announcements said the Chinese way. */
class MandarinPromptsTest {
    private static List<String> zh(int position, Duration wait) {
        return NumberSpeech.MANDARIN.position(position, wait);
    }

    @Test
    void theMandarinSetHasEveryPromptOfTheEnglishSetAndThePiecesOfChineseNumbers() {
        Set<String> zh = new HashSet<>(BuiltInPrompts.names(PromptLibrary.MANDARIN_SET));
        assertTrue(zh.containsAll(BuiltInPrompts.names(PromptLibrary.DEFAULT_SET)), "same prompt names as default");
        assertTrue(zh.containsAll(List.of("number-100", "number-liang", "position-outro")));
        for (String n : zh) {
            assertTrue(BuiltInPrompts.get(PromptLibrary.MANDARIN_SET, n).orElseThrow().length > 800, n + " is audible");
        }
    }

    @Test
    void positionsAreOrdinalsClosedBy位() {
        assertEquals(List.of("position-intro", "number-2", "position-outro"), zh(2, null), "第二位, not 第两位");
        assertEquals(List.of("position-intro", "number-10", "position-outro"), zh(10, null));
        assertEquals(List.of("position-intro", "number-10", "number-2", "position-outro"), zh(12, null), "十二");
        assertEquals(List.of("position-intro", "number-2", "number-10", "number-3", "position-outro"), zh(23, null), "二十三");
        assertEquals(List.of("position-intro", "number-3", "number-10", "position-outro"), zh(30, null), "三十");
        assertEquals(List.of("position-intro", "number-1", "number-100", "number-0", "number-5", "position-outro"),
                zh(105, null), "一百零五");
        assertEquals(List.of("position-intro", "number-1", "number-100", "number-1", "number-10", "position-outro"),
                zh(110, null), "一百一十");
        assertEquals(List.of("position-intro", "number-2", "number-100", "position-outro"), zh(200, null), "二百");
    }

    @Test
    void minutesAreCountedWith两ForTwo() {
        assertEquals(List.of("position-intro", "number-1", "position-outro", "wait-intro", "number-liang", "minutes"),
                zh(1, Duration.ofSeconds(100)), "两分钟");
        assertEquals(List.of("position-intro", "number-1", "position-outro", "wait-intro", "number-10", "number-2",
                "minutes"), zh(1, Duration.ofMinutes(12)), "十二分钟: 两 only alone");
        assertEquals(List.of("position-intro", "number-3", "position-outro", "wait-intro", "less-than-a-minute"),
                zh(3, Duration.ofSeconds(20)), "不到一分钟");
        assertEquals(List.of("position-intro", "number-1", "position-outro", "wait-intro", "number-1", "minute"),
                zh(1, Duration.ofSeconds(60)));
    }

    @Test
    void theActiveSetDecidesTheLanguageOfAnnouncementsAndEveryPieceExists(@TempDir Path root) {
        PromptLibrary lib = new PromptLibrary(root, PromptLibrary.MANDARIN_SET);
        assertEquals(zh(12, Duration.ofMinutes(2)), lib.announcement(12, Duration.ofMinutes(2)));
        for (int pos = 1; pos <= 120; pos++) {
            lib.sequence(lib.announcement(pos, Duration.ofMinutes(pos)), () -> { }); // every prompt resolves
        }
        lib.setActiveSet(PromptLibrary.DEFAULT_SET);
        assertEquals(List.of("position-intro", "number-1", "number-2"), lib.announcement(12, null));
        lib.setActiveSet("site");
        assertEquals(zh(12, null), lib.announcement(12, null), "an uploaded set builds on the Mandarin set");
        assertTrue(PromptLibrary.isBuiltIn(PromptLibrary.MANDARIN_SET));
    }
}
