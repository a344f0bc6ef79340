package io.branchbox.firmware.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up repair of recordings a power cut left behind: makes the RIFF, {@code fact} and
 * {@code data} sizes agree with the samples actually on disk, cutting a half sample frame, and
 * gives a file cut before its header was complete an empty valid header.
 *
 * <p>Run it before {@link RecordingService} starts: it must not see files still being written.
 * Files that are not in the box's layout are left alone and listed as skipped.
 */
public final class RecordingRepair {
    private static final Logger log = LoggerFactory.getLogger(RecordingRepair.class);

    /** What a repair run found. {@code scanned} counts every {@code .wav} file looked at. */
    public record Report(int scanned, List<Path> repaired, List<Path> skipped) {
        public Report {
            repaired = List.copyOf(repaired);
            skipped = List.copyOf(skipped);
        }
    }

    private RecordingRepair() {}

    /** Repairs every {@code .wav} below {@code dir}; a missing {@code dir} is an empty report. */
    public static Report repairAll(Path dir) throws IOException {
        List<Path> repaired = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Report(0, repaired, skipped);
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".wav") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path f : files) {
            try {
                switch (repair(f)) {
                    case REPAIRED -> repaired.add(f);
                    case FOREIGN -> skipped.add(f);
                    case INTACT -> { }
                }
            } catch (IOException e) {
                log.error("recording {}: repair failed", f, e);
                skipped.add(f);
            }
        }
        if (!repaired.isEmpty() || !skipped.isEmpty()) {
            log.warn("recording repair in {}: {} file(s) scanned, {} repaired, {} skipped",
                    dir, files.size(), repaired.size(), skipped.size());
        }
        return new Report(files.size(), repaired, skipped);
    }

    enum Outcome { INTACT, REPAIRED, FOREIGN }

    private static ByteBuffer readHeader(FileChannel ch) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(AlawWav.HEADER_BYTES);
        while (head.hasRemaining()) {
            if (ch.read(head, head.position()) < 0) {
                throw new java.io.EOFException("file ended inside the header");
            }
        }
        return head.flip();
    }

    /** Repairs one file in place. */
    static Outcome repair(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size < AlawWav.HEADER_BYTES) {
                // cut before the header was complete: nothing recorded yet, make it an empty valid file
                ch.truncate(0);
                ch.write(AlawWav.header(0), 0);
                ch.force(true);
                log.warn("recording {}: only {} byte(s), header rewritten for an empty recording", file, size);
                return Outcome.REPAIRED;
            }
            AlawWav.Header h = AlawWav.parse(readHeader(ch));
            if (h == null || !h.isBoxLayout()) {
                log.warn("recording {}: not in the box's A-law stereo layout, left alone", file);
                return Outcome.FOREIGN;
            }
            long data = size - AlawWav.HEADER_BYTES;
            long whole = data - data % AlawWav.BLOCK_ALIGN;
            if (whole == data && h.sizesMatch(data)) {
                return Outcome.INTACT;
            }
            ch.truncate(AlawWav.HEADER_BYTES + whole);
            ch.write(AlawWav.header(whole), 0);
            ch.force(true);
            log.warn("recording {}: sizes fixed to {} data bytes ({} ms); header said {}, {} byte(s) of half frame cut",
                    file, whole, AlawWav.durationMs(whole), h.dataSize(), data - whole);
            return Outcome.REPAIRED;
        }
    }
}
