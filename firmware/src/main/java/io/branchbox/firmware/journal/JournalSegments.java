package io.branchbox.firmware.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Naming and listing of journal segment files: {@code journal-<first seq, 20 digits>.log}, so that
 * name order is event order. Stateless.
 */
final class JournalSegments {
    private static final Logger log = LoggerFactory.getLogger(JournalSegments.class);
    private static final Pattern NAME = Pattern.compile("journal-(\\d{20})\\.log");

    private JournalSegments() {}

    static Path path(Path dir, long firstSeq) {
        return dir.resolve(String.format("journal-%020d.log", firstSeq));
    }

    /** The first sequence number encoded in a segment's name. */
    static long firstSeq(Path segment) {
        Matcher m = NAME.matcher(segment.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a journal segment: " + segment);
        }
        return Long.parseLong(m.group(1));
    }

    /** All segments in {@code dir}, oldest first. */
    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    /**
     * Makes a newly created file's directory entry durable. Without it a power cut can lose a whole
     * fresh segment even though its content was forced.
     */
    static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems refuse to open a directory; the data itself is still forced
            log.debug("cannot force directory {}: {}", dir, e.toString());
        }
    }
}
