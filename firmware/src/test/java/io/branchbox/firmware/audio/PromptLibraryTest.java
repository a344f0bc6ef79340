package io.branchbox.firmware.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.audio.PromptLibrary.PromptInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptLibraryTest {
    private static final byte[] CUSTOM = filled(800, 0x11);

    @TempDir
    Path root;

    @Test
    void theActiveSetIsAskedFirstThenTheMandarinSet() throws Exception {
        PromptLibrary lib = new PromptLibrary(root, "site");
        byte[] builtInGreeting = lib.get("greeting");
        lib.save("site", "greeting", CUSTOM);

        assertArrayEquals(CUSTOM, lib.get("greeting"));
        assertArrayEquals(lib.resolve(PromptLibrary.MANDARIN_SET, "main-menu").orElseThrow(), lib.get("main-menu"));
        assertFalse(Arrays.equals(builtInGreeting, CUSTOM));
    }

    @Test
    void aChangeIsHeardFromTheNextLookUpWithoutARestart() throws Exception {
        PromptLibrary lib = new PromptLibrary(root, "site");
        byte[] before = lib.get("closed");
        assertSame(before, lib.get("closed"), "cached between changes");

        lib.save("site", "closed", CUSTOM);
        assertArrayEquals(CUSTOM, lib.get("closed"));

        assertTrue(lib.delete("site", "closed"));
        assertArrayEquals(before, lib.get("closed"));
        assertFalse(lib.delete("site", "closed"));
    }

    @Test
    void switchingTheActiveSetIsLive() throws Exception {
        PromptLibrary lib = new PromptLibrary(root, PromptLibrary.DEFAULT_SET);
        lib.save("night", "greeting", CUSTOM);
        byte[] builtIn = lib.get("greeting");

        lib.setActiveSet("night");
        assertArrayEquals(CUSTOM, lib.get("greeting"));
        assertEquals("night", lib.activeSet());
        lib.setActiveSet(PromptLibrary.DEFAULT_SET);
        assertArrayEquals(builtIn, lib.get("greeting"));
    }

    @Test
    void aSavedPromptIsAnAlawWavOnDiskAndNoTemporaryFileRemains() throws Exception {
        PromptLibrary lib = new PromptLibrary(root, "site");
        byte[] odd = filled(801, 0x22);
        lib.save("site", "night-message", odd);

        Path file = root.resolve("site/night-message.wav");
        assertArrayEquals(odd, WavAudio.toAlaw(Files.readAllBytes(file)));
        assertEquals(PromptLibraryFiles.HEADER_BYTES + 802, Files.size(file), "header, samples and a pad byte");
        try (var files = Files.list(root.resolve("site"))) {
            assertEquals(List.of(file), files.toList());
        }
        assertArrayEquals(odd, new PromptLibrary(root, "site").get("night-message"), "read back by a fresh library");
    }

    @Test
    void theDefaultSetCannotBeChanged() {
        PromptLibrary lib = new PromptLibrary(root, PromptLibrary.DEFAULT_SET);

        assertThrows(IllegalArgumentException.class, () -> lib.save("default", "greeting", CUSTOM));
        assertThrows(IllegalArgumentException.class, () -> lib.delete("default", "greeting"));
        assertTrue(PromptLibrary.isBuiltIn("default"));
        assertFalse(Files.exists(root.resolve("default")));
    }

    @Test
    void namesThatCouldLeaveTheDirectoryAreRefused() {
        PromptLibrary lib = new PromptLibrary(root, "site");
        for (String bad : List.of("../etc", "..", "a/b", "Greeting", "", "-x", "a".repeat(41), "x.wav")) {
            assertThrows(IllegalArgumentException.class, () -> lib.save("site", bad, CUSTOM), bad);
            assertThrows(IllegalArgumentException.class, () -> lib.save(bad, "greeting", CUSTOM), bad);
            assertThrows(IllegalArgumentException.class, () -> lib.get(bad), bad);
        }
        assertEquals("default", new PromptLibrary(root, "../x").activeSet(), "an impossible active set plays the default");
        assertEquals("default", new PromptLibrary(root, "Site_A").activeSet());
        assertThrows(IllegalArgumentException.class, () -> lib.get("no-such-prompt"));
    }

    @Test
    void emptyOrOverlongAudioIsNotSaved() {
        PromptLibrary lib = new PromptLibrary(root, "site");

        assertThrows(IllegalArgumentException.class, () -> lib.save("site", "x", new byte[0]));
        assertThrows(IllegalArgumentException.class,
                () -> lib.save("site", "x", new byte[WavImport.MAX_SECONDS * 8000 + 1]));
    }

    @Test
    void aDamagedFileIsReplacedByTheBuiltInPrompt() throws Exception {
        Files.createDirectories(root.resolve("site"));
        Files.writeString(root.resolve("site/greeting.wav"), "not audio");
        PromptLibrary lib = new PromptLibrary(root, "site");

        assertArrayEquals(lib.resolve("zh-cn", "greeting").orElseThrow(), lib.get("greeting"));
    }

    @Test
    void setsAreTheBuiltInsThenTheUploadedDirectories() throws Exception {
        PromptLibrary lib = new PromptLibrary(root, "site");
        lib.save("zeta", "greeting", CUSTOM);
        lib.save("alpha", "greeting", CUSTOM);
        Files.createDirectories(root.resolve("Not A Set"));
        Files.writeString(root.resolve("stray.txt"), "x");

        assertEquals(List.of("zh-cn", "default", "alpha", "zeta"), lib.sets());
        assertEquals(List.of("zh-cn", "default"), new PromptLibrary(root.resolve("missing"), "default").sets());
    }

    @Test
    void aSetListsTheBuiltInsWithItsOwnVersionsAndAdditions() throws Exception {
        PromptLibrary lib = new PromptLibrary(root, "site");
        lib.save("site", "greeting", CUSTOM);
        lib.save("site", "night-message", CUSTOM);
        Files.writeString(root.resolve("site/README.txt"), "ignored");

        Map<String, PromptInfo> site = byName(lib.list("site"));
        Map<String, PromptInfo> builtIn = byName(lib.list("zh-cn"));

        assertEquals(new PromptInfo("greeting", "site", 800), site.get("greeting"));
        assertEquals(100, site.get("greeting").durationMs());
        assertEquals(new PromptInfo("night-message", "site", 800), site.get("night-message"));
        assertTrue(site.get("hold-music").builtIn());
        assertEquals(16_000, site.get("hold-music").samples());
        assertEquals(builtIn.size() + 1, site.size());
        assertEquals("zh-cn", builtIn.get("greeting").origin());
        assertEquals(byName(lib.list("default")).size() + 3, builtIn.size(), "Mandarin adds 百, 两 and 位");
    }

    @Test
    void aSequencePlaysItsPromptsBackToBackThenEndsOnce() throws Exception {
        PromptLibrary lib = new PromptLibrary(root, "site");
        lib.save("site", "part-a", filled(200, 0x01));
        lib.save("site", "part-b", filled(100, 0x02));
        int[] ends = {0};
        AudioSource src = lib.sequence(List.of("part-a", "part-b", "part-a"), () -> ends[0]++);

        byte[] heard = new byte[4 * AudioSource.FRAME];
        for (int f = 0; f < 4; f++) {
            src.fill(heard, f * AudioSource.FRAME);
        }

        byte[] expected = new byte[heard.length];
        Arrays.fill(expected, G711.ALAW_SILENCE);
        Arrays.fill(expected, 0, 200, (byte) 0x01);
        Arrays.fill(expected, 200, 300, (byte) 0x02);
        Arrays.fill(expected, 300, 500, (byte) 0x01);
        assertArrayEquals(expected, heard);
        assertEquals(1, ends[0]);
    }

    @Test
    void thePromptsFacadeServesTheLibrarysActiveSet() throws Exception {
        PromptLibrary lib = new PromptLibrary(root, "site");
        Prompts prompts = new Prompts(lib);
        lib.save("site", "survey", CUSTOM);

        assertArrayEquals(CUSTOM, prompts.get("survey"));
        assertSame(lib, prompts.library());
        assertNotSame(lib, new Prompts(root).library());
        assertEquals("default", new Prompts(root).library().activeSet());
    }

    private static Map<String, PromptInfo> byName(List<PromptInfo> list) {
        return list.stream().collect(Collectors.toMap(PromptInfo::name, Function.identity()));
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
