package io.branchbox.box;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.runtime.BoxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, problem 7: a null document, a binary file or a directory gives one clear line. */
@Tag("faults")
class ConfigLoadingTest {

    @Test
    void aNullDocumentIsOneClearLine(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("box.json"), "null");
        assertOneLine(f, "box.json");
    }

    @Test
    void aBinaryFileIsOneClearLine(@TempDir Path dir) throws Exception {
        byte[] junk = new byte[4096];
        new Random(13).nextBytes(junk);
        assertOneLine(Files.write(dir.resolve("box.json"), junk), "box.json");
    }

    @Test
    void aDirectoryIsOneClearLine(@TempDir Path dir) throws Exception {
        Path d = Files.createDirectory(dir.resolve("conf"));
        String line = assertOneLine(d, "conf");
        assertTrue(line.contains("directory"), line);
    }

    @Test
    void anEmptyArrayIsOneClearLine(@TempDir Path dir) throws Exception {
        assertOneLine(Files.writeString(dir.resolve("box.json"), "[]"), "box.json");
    }

    private static String assertOneLine(Path config, String names) {
        BoxOptions o = BoxOptions.parse("--config", config.toString(), "--data", config.getParent().resolve("data").toString());
        ConfigLoading.Unusable e = assertThrows(ConfigLoading.Unusable.class, () -> ConfigLoading.load(o));
        String line = e.getMessage();
        assertFalse(line.contains("\n"), line);
        assertFalse(line.contains("Exception"), "no exception class names: " + line);
        assertTrue(line.contains(names), line);
        return line;
    }
}
