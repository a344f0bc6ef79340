package io.branchbox.firmware.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The built-in set: everything call handling plays is there, short, and in the line's format. */
class DefaultPromptSetTest {
    /** What call handling plays (IVR, night service, queues, voicemail, survey, prompt recording). */
    private static final List<String> NEEDED = List.of(
            "greeting", "main-menu", "invalid-choice", "closed", "callback-booked", "voicemail-intro",
            "queue-full", "position-intro", "wait-intro", "minute", "minutes", "less-than-a-minute",
            "transfer-hold", "hold-music", "beep", "record-prompt-intro", "survey",
            "number-0", "number-1", "number-2", "number-3", "number-4", "number-5", "number-6",
            "number-7", "number-8", "number-9", "number-10",
            // the crew IVR (ivr.CrewSession)
            "crew-welcome", "crew-order", "crew-stage", "crew-wrong-pin", "crew-unknown-order", "crew-refused",
            "crew-arrived", "crew-completed");

    @Test
    void everyPromptCallHandlingNeedsIsBuiltInAndShort() throws Exception {
        PromptLibrary lib = new PromptLibrary(Path.of("/nonexistent"), PromptLibrary.DEFAULT_SET);
        for (String name : NEEDED) {
            byte[] alaw = lib.get(name);
            assertTrue(alaw.length >= 1600 && alaw.length <= 12 * 8000, name + " lasts 0.2..12 s: " + alaw.length);
        }
        assertEquals(new TreeSet<>(NEEDED), lib.list("default").stream().map(PromptLibrary.PromptInfo::name)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theIndexNamesExactlyTheWavFilesShipped() throws Exception {
        URL index = PromptLibrary.class.getResource("/prompts/default/index.txt");
        Path dir = Path.of(index.toURI()).getParent();
        Set<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".wav"))
                    .map(n -> n.substring(0, n.length() - 4)).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, new TreeSet<>(Files.readAllLines(Path.of(index.toURI()))));
    }

    @Test
    void theBeepIsFourHundredMillisecondsOfOneKilohertz() {
        byte[] beep = new PromptLibrary(Path.of("/nonexistent"), "default").get("beep");

        assertEquals(3200, beep.length);
        assertTrue(Sox.amplitude(beep, 1000) > 0.4, "1 kHz at about -6 dBFS");
        assertTrue(Sox.amplitude(beep, 2000) < 0.01, "and nothing else");
    }
}
