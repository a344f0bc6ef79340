package io.branchbox.box.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.utils.BoundedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one backup file: header, configuration, database, journal, optionally recordings,
 * manifest. Checks the free space first (the estimate is the sum of the files); writes to
 * {@code <name>.partial} and renames it only when complete and forced to disk, so a full disk, a
 * crash or a power cut never leaves a file that looks like a backup, and the box's own files are
 * only ever read.
 *
 * <p>Files that grow while they are copied (the journal, a recording in progress) are copied up
 * to the size they had when their entry began; the box repairs a torn journal line at start.
 * Threading: blocking; one backup at a time per writer (callers serialise).
 */
public final class BackupWriter {
    private static final Logger log = LoggerFactory.getLogger(BackupWriter.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** Name of backup files: {@code branchbox-<box id>-<yyyyMMdd-HHmmss>.tar}. */
    public static final String PREFIX = "branchbox-";
    public static final String SUFFIX = ".tar";
    /** Tar headers, padding and the two JSON entries: well under this per entry. */
    private static final long OVERHEAD_PER_ENTRY = 1024;

    /** Opens the file a backup is written to; tests pass one that runs out of space. */
    @FunctionalInterface
    interface Opener {
        OutputStream open(Path file) throws IOException;
    }

    /** The usable space of the target's file system; tests pass a small one. */
    @FunctionalInterface
    interface SpaceProbe {
        long usableBytes(Path dir) throws IOException;
    }

    private final BoxFiles files;
    private final String firmwareVersion;
    private final Clock clock;
    private final Opener opener;
    private final SpaceProbe space;
    private final ObjectMapper json = new ObjectMapper();

    public BackupWriter(BoxFiles files, String firmwareVersion, Clock clock) {
        this(files, firmwareVersion, clock, f -> Files.newOutputStream(f, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), io.branchbox.box.update.Updater::usableSpace);
    }

    BackupWriter(BoxFiles files, String firmwareVersion, Clock clock, Opener opener, SpaceProbe space) {
        this.files = files;
        this.firmwareVersion = firmwareVersion;
        this.clock = clock;
        this.opener = opener;
        this.space = space;
    }

    /**
     * Writes a backup into {@code targetDir} and returns its path.
     *
     * @throws BackupException NO_SPACE when the target cannot hold it (nothing left behind), IO
     *     for other failures, BOX_RUNNING for an offline copy of a running box's database
     */
    public Path write(Path targetDir, boolean withRecordings, DatabaseCopy database) throws BackupException {
        BoxConfig config;
        try {
            config = ConfigDocuments.read(files.configFile());
        } catch (ConfigException | IOException e) {
            throw new BackupException(BackupException.Kind.IO, "the configuration document " + files.configFile()
                    + " cannot be read: " + e.getMessage(), e);
        }
        String name = PREFIX + config.site().boxId() + "-" + LocalDateTime.now(clock).format(STAMP) + SUFFIX;
        Path target = targetDir.resolve(name);
        Path partial = targetDir.resolve(name + ".partial");
        Path dbCopy = targetDir.resolve(name + ".db.tmp");
        try {
            Files.createDirectories(targetDir);
            database.copyTo(dbCopy);
            List<Source> sources = sources(dbCopy, withRecordings);
            long needed = sources.stream().mapToLong(s -> Files.exists(s.file()) ? sizeOf(s.file()) + OVERHEAD_PER_ENTRY : 0)
                    .sum() + 4 * OVERHEAD_PER_ENTRY;
            long free = space.usableBytes(targetDir);
            if (free < needed) {
                throw noSpace(targetDir, needed, free);
            }
            BackupInfo.Header header = new BackupInfo.Header(BackupInfo.PRODUCT, BackupInfo.FORMAT, firmwareVersion,
                    config.schema(), config.site().siteId(), config.site().boxId(), clock.instant().toString(), withRecordings);
            writeTar(partial, header, sources);
            try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            log.info("backup written: {} ({} bytes, {} files, recordings {})", target, Files.size(target),
                    sources.size(), withRecordings ? "included" : "not included");
            return target;
        } catch (IOException e) {
            boolean full = String.valueOf(e.getMessage()).contains("No space left");
            throw full ? noSpace(targetDir, -1, -1)
                    : new BackupException(BackupException.Kind.IO, "backup failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
            deleteQuietly(dbCopy);
        }
    }

    /** One file to archive under a name. */
    private record Source(String entry, Path file) {}

    private List<Source> sources(Path dbCopy, boolean withRecordings) throws IOException {
        List<Source> out = new ArrayList<>();
        out.add(new Source(BackupInfo.CONFIG_ENTRY, files.configFile()));
        out.add(new Source(BackupInfo.DATABASE_ENTRY, dbCopy));
        addTree(out, files.journalDir(), BackupInfo.JOURNAL_DIR);
        if (withRecordings) {
            addTree(out, files.recordingsDir(), BackupInfo.RECORDINGS_DIR);
        }
        return out;
    }

    private static void addTree(List<Source> out, Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).sorted().forEach(p ->
                    out.add(new Source(prefix + dir.relativize(p).toString().replace('\\', '/'), p)));
        }
    }

    private void writeTar(Path partial, BackupInfo.Header header, List<Source> sources) throws IOException {
        List<BackupInfo.Entry> entries = new ArrayList<>();
        try (OutputStream raw = opener.open(partial);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(raw)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            putBytes(tar, BackupInfo.HEADER_ENTRY, json.writeValueAsBytes(header));
            for (Source s : sources) {
                if (!Files.exists(s.file())) {
                    continue; // a recording removed by the storage policy meanwhile
                }
                entries.add(putFile(tar, s));
            }
            putBytes(tar, BackupInfo.MANIFEST_ENTRY, json.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new BackupInfo.Manifest(entries)));
            tar.finish();
        }
    }

    private BackupInfo.Entry putFile(TarArchiveOutputStream tar, Source s) throws IOException {
        long size = Files.size(s.file());
        TarArchiveEntry e = new TarArchiveEntry(s.entry());
        e.setSize(size);
        e.setModTime(Files.getLastModifiedTime(s.file()));
        e.setMode(0640);
        tar.putArchiveEntry(e);
        MessageDigest sha = sha256();
        try (InputStream in = BoundedInputStream.builder().setPath(s.file()).setMaxCount(size).get()) {
            long copied = in.transferTo(new DigestOutputStream(nonClosing(tar), sha));
            if (copied != size) {
                throw new IOException(s.file() + " shrank while it was copied");
            }
        }
        tar.closeArchiveEntry();
        return new BackupInfo.Entry(s.entry(), size, HexFormat.of().formatHex(sha.digest()));
    }

    private static void putBytes(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        e.setMode(0640);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
                // the tar entry is closed by closeArchiveEntry
            }
        };
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static BackupException noSpace(Path dir, long needed, long free) {
        String figures = needed < 0 ? "" : String.format(": the backup needs about %d MB, %d MB are free",
                mb(needed), mb(free));
        return new BackupException(BackupException.Kind.NO_SPACE, "not enough space for a backup on " + dir + figures
                + "; nothing was written and the box is unchanged (free space, choose another backup directory, "
                + "or leave the recordings out)");
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("could not remove {}: {}", p, e.getMessage());
        }
    }
}
