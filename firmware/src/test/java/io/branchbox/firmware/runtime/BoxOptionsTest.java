package io.branchbox.firmware.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoxOptionsTest {

    @Test
    void defaultsPutTheDocumentInTheDataDirectory() {
        BoxOptions o = BoxOptions.parse();
        assertEquals(Path.of("data", "box.json"), o.configPath());
        assertEquals(Optional.empty(), o.device());
    }

    @Test
    void everyOptionIsRead() {
        BoxOptions o = BoxOptions.parse("--data", "/var/lib/box", "--config", "/etc/box.json",
                "--device", "/dev/ttyACM0", "--web-port", "0");
        assertEquals(Path.of("/etc/box.json"), o.configPath());
        assertEquals(Optional.of("/dev/ttyACM0"), o.device());
        assertEquals(Optional.of(0), o.webPort());
    }

    @Test
    void mistakesAreExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BoxOptions.parse("--device"))
                .getMessage().contains("needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BoxOptions.parse("--web-port", "x"))
                .getMessage().contains("number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BoxOptions.parse("--verbose"))
                .getMessage().contains("unknown option"));
    }
}
