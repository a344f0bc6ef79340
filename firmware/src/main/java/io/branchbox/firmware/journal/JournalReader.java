package io.branchbox.firmware.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads a journal directory without opening it for writing: for tools (the {@code report}
 * command) that read a stopped or a running box's data. Nothing is cut, created or locked; a torn
 * tail (the box is writing it, or a power cut left it) and corrupt lines are skipped and counted.
 * Thread-safe (stateless).
 */
public final class JournalReader {

    /**
     * What a read saw.
     *
     * @param segments     segment files read
     * @param events       valid events handed to the sink
     * @param corruptLines lines inside the files that failed their CRC or did not parse
     * @param tornBytes    bytes after the last valid line of the last segment (a damaged or unfinished tail)
     */
    public record Result(int segments, long events, long corruptLines, long tornBytes) {}

    private JournalReader() {}

    /** Whether {@code dir} holds at least one journal segment. */
    public static boolean exists(Path dir) throws IOException {
        return Files.isDirectory(dir) && !JournalSegments.list(dir).isEmpty();
    }

    /** Feeds every valid event, oldest first, to {@code sink} on the caller's thread. */
    public static Result read(Path dir, Consumer<JournalEvent> sink) throws IOException {
        return read(dir, type -> false, sink);
    }

    /**
     * Like {@link #read(Path, Consumer)}, but events of the types {@code bare} accepts come bare
     * (seq, at and type only; see {@link JournalCodec#decode(byte[], int, int, Predicate)}): a
     * reader that ignores most of a type skips decoding it.
     */
    public static Result read(Path dir, Predicate<String> bare, Consumer<JournalEvent> sink) throws IOException {
        List<Path> segments = JournalSegments.list(dir);
        long events = 0;
        long corrupt = 0;
        long torn = 0;
        for (int i = 0; i < segments.size(); i++) {
            SegmentScanner.Result r = SegmentScanner.scan(segments.get(i), bare, sink);
            events += r.events();
            corrupt += r.corruptLines();
            if (i == segments.size() - 1) {
                torn = r.tailBytes();
            } else {
                corrupt += r.tailBytes() > 0 ? 1 : 0;
            }
        }
        return new Result(segments.size(), events, corrupt, torn);
    }
}
