package io.branchbox.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.ConfigDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import io.branchbox.testkit.Gen;
import io.branchbox.testkit.Tries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, bad input: whatever file a technician hands to {@code provision validate} or
 * {@code provision import} (random bytes, a damaged factory document), the tool answers with an
 * exit code and plain lines, never a stack trace, and an import of a refused document leaves the
 * installed one byte for byte as it was. Each try imports (revisions, audit), so tries are fixed at 40.
 */
@Tag("faults")
class ProvisionInputPropertiesTest {
    private static Path dir;

    @BeforeAll
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("provision-fuzz");
    }

    @AfterAll
    static void removeDir() throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void anyFileIsValidatedOrRefusedInPlainWords() {
        Tries.forAll(40, document(), ProvisionInputPropertiesTest::validatedOrRefusedInPlainWords);
    }

    private static void validatedOrRefusedInPlainWords(byte[] document) throws IOException {
        Path file = Files.write(dir.resolve("incoming.json"), document);
        Path target = dir.resolve("box.json");
        ConfigDocuments.write(target, ConfigDocuments.defaults());
        byte[] installed = Files.readAllBytes(target);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] codes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            ProvisionTool tool = new ProvisionTool(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            codes[0] = tool.run("validate", file.toString());
            codes[1] = tool.run("import", file.toString(), "--config", target.toString());
        });
        String said = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertFalse(said.contains("\tat ") || said.contains("Exception"), "no stack trace: " + said);
        assertTrue(codes[0] == 0 || codes[0] == 1, "exit " + codes[0] + ": " + said);
        assertEquals(codes[0], codes[1], "import refuses exactly what validate refuses");
        if (codes[0] != 0) {
            assertTrue(err.size() > 0, "a refusal says why");
            try {
                assertEquals(new String(installed, StandardCharsets.UTF_8), Files.readString(target),
                        "a refused import changes nothing");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Random bytes, and the factory document with a random cut, insertion or replacement. */
    private static Gen<byte[]> document() {
        String factory = ConfigDocuments.toJson(ConfigDocuments.defaults());
        Gen<byte[]> raw = Gen.bytes(0, 2000);
        Gen<byte[]> mutated = Gen.mutations(factory, 40, "{}[]\":,0123456789-.etruflasn ", 12);
        return Gen.oneOf(raw, mutated, mutated);
    }
}
