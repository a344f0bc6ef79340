package io.branchbox.firmware.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape issue 14 gave call control, kept by the build: no source file of {@code call/} over
 * 300 lines, and the legs' state (who talks, on which channel, with which timer) held in private
 * fields that only their owner writes.
 */
class CallPackageShapeTest {
    private static final int MAX_LINES = 300;

    @Test
    void noClassOfCallControlIsOver300Lines() throws IOException {
        Path dir = sourceDir();
        try (Stream<Path> files = Files.list(dir)) {
            List<String> tooLong = files.filter(p -> p.toString().endsWith(".java")).filter(p -> lines(p) > MAX_LINES)
                    .map(p -> p.getFileName() + " (" + lines(p) + ")").toList();
            assertEquals(List.of(), tooLong, "split these by job");
        }
    }

    @Test
    void theLegsOfACallAreItsPrivateStateAndTheLegsKeepTheirsPrivate() {
        for (String name : List.of("near", "far", "timer", "consult", "monitor", "state")) {
            assertPrivate(Call.class, name);
        }
        for (Class<?> leg : List.of(AgentLeg.class, ForwardLeg.class, TrunkLeg.class, ConsultLeg.class, MonitorLeg.class)) {
            for (Field f : leg.getDeclaredFields()) {
                assertTrue(Modifier.isPrivate(f.getModifiers()), leg.getSimpleName() + "." + f.getName() + " is not private");
            }
        }
    }

    private static void assertPrivate(Class<?> c, String field) {
        try {
            assertTrue(Modifier.isPrivate(c.getDeclaredField(field).getModifiers()), c.getSimpleName() + "." + field);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(c.getSimpleName() + " has no field " + field, e);
        }
    }

    private static long lines(Path p) {
        try (Stream<String> l = Files.lines(p)) {
            return l.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path sourceDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("firmware/src/main/java/io/branchbox/firmware/call");
            if (Files.isDirectory(p)) {
                return p;
            }
            Path here = dir.resolve("src/main/java/io/branchbox/firmware/call");
            if (Files.isDirectory(here)) {
                return here;
            }
        }
        throw new AssertionError("call/ sources not found above " + Path.of("").toAbsolutePath());
    }
}
