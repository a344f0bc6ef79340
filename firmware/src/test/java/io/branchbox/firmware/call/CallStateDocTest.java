package io.branchbox.firmware.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/ARCHITECTURE.md shows the call state machine as generated from {@link CallTransitions}:
 * a changed table fails here until the document is regenerated (the failure message holds the
 * text to paste between the markers).
 */
class CallStateDocTest {
    @Test
    void theArchitectureDocumentShowsTheTransitionTable() throws IOException {
        String doc = Files.readString(architectureDoc());
        assertEquals(CallTransitions.markdown(), between(doc, "<!-- call-states:table -->"));
        assertEquals("```mermaid\n" + CallTransitions.mermaid() + "```\n", between(doc, "<!-- call-states:diagram -->"));
    }

    /** The text between {@code marker} and the next {@code <!-- end -->}, as in the file. */
    private static String between(String doc, String marker) {
        int from = doc.indexOf(marker);
        assertTrue(from >= 0, "docs/ARCHITECTURE.md has no " + marker);
        from += marker.length() + 1;
        int to = doc.indexOf("<!-- end -->", from);
        assertTrue(to >= 0, "no <!-- end --> after " + marker);
        return doc.substring(from, to);
    }

    private static Path architectureDoc() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("docs/ARCHITECTURE.md");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new AssertionError("docs/ARCHITECTURE.md not found above " + Path.of("").toAbsolutePath());
    }
}
