package io.branchbox.box.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchbox.firmware.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T01:30:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path root;

    @Test
    void backupWipeRestoreGivesIdenticalConfigurationCallRecordsJournalAndRecordings() throws Exception {
        BoxDataFixture box = new BoxDataFixture(root);
        Map<String, String> before = box.fileChecksums();
        String records = box.callRecords();
        Path file;
        // made by the running box: H2's online copy while the database is open
        try (Database db = Database.open(box.data)) {
            file = new BackupWriter(box.files(), "1.2.3", CLOCK).write(root.resolve("usb"), true,
                    DatabaseCopy.online(db.dataSource()));
        }
        assertEquals("branchbox-bb-0a0b0c0d-20261207-093000.tar", file.getFileName().toString());
        box.wipe();
        assertFalse(box.fileChecksums().equals(before));

        BackupInfo.Header h = new BackupRestorer().restore(file, box.files());

        assertEquals("bb-0a0b0c0d", h.boxId());
        assertEquals(before, box.fileChecksums(), "configuration, journal and recordings byte for byte");
        assertEquals(records, box.callRecords());
        assertEquals(5, records.lines().count());
        try (Stream<Path> left = Files.list(box.data)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no staging left behind");
        }
    }

    @Test
    void withoutRecordingsTheBoxKeepsItsOwn() throws Exception {
        BoxDataFixture box = new BoxDataFixture(root);
        Path file = new BackupWriter(box.files(), "1.2.3", CLOCK).write(root.resolve("b"), false,
                DatabaseCopy.offline(box.data));
        Path mine = box.data.resolve("recordings/2026/12/07/call-1.wav");
        String sha = BoxDataFixture.sha256(mine);
        new BackupRestorer().restore(file, box.files());
        assertEquals(sha, BoxDataFixture.sha256(mine));
        try (InputStream in = Files.newInputStream(file); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                assertFalse(e.getName().startsWith(BackupInfo.RECORDINGS_DIR), e.getName());
            }
        }
    }

    @Test
    void anOfflineBackupOrARestoreIsRefusedWhileTheBoxRuns() throws Exception {
        BoxDataFixture box = new BoxDataFixture(root);
        Path file = new BackupWriter(box.files(), "1.2.3", CLOCK).write(root.resolve("b"), false,
                DatabaseCopy.offline(box.data));
        try (Database db = Database.open(box.data)) {
            BackupException e = assertThrows(BackupException.class, () -> new BackupWriter(box.files(), "1.2.3", CLOCK)
                    .write(root.resolve("b2"), false, DatabaseCopy.offline(box.data)));
            assertEquals(BackupException.Kind.BOX_RUNNING, e.kind());
            BackupException r = assertThrows(BackupException.class, () -> new BackupRestorer().restore(file, box.files()));
            assertEquals(BackupException.Kind.BOX_RUNNING, r.kind());
        }
    }

    @Test
    void damagedTruncatedForeignAndNewerBackupsAreRefusedAndTheBoxIsUntouched() throws Exception {
        BoxDataFixture box = new BoxDataFixture(root);
        Path good = new BackupWriter(box.files(), "1.2.3", CLOCK).write(root.resolve("b"), true,
                DatabaseCopy.offline(box.data));
        Map<String, String> before = box.fileChecksums();
        String records = box.callRecords();
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = root.resolve("truncated.tar");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path tampered = root.resolve("tampered.tar");
        Files.write(tampered, flipByteOfEntry(bytes, BackupInfo.JOURNAL_DIR));
        Path notATar = root.resolve("photo.tar");
        Files.writeString(notATar, "not a backup at all");
        Path foreign = rewriteHeader(bytes, Map.of("product", "asterisk-pbx"), "foreign.tar");
        Path newerSchema = rewriteHeader(bytes, Map.of("configSchema", 99), "newer.tar");
        Path newerFormat = rewriteHeader(bytes, Map.of("format", 2), "newer-format.tar");

        Map<Path, BackupException.Kind> cases = Map.of(truncated, BackupException.Kind.DAMAGED,
                tampered, BackupException.Kind.DAMAGED, notATar, BackupException.Kind.DAMAGED,
                foreign, BackupException.Kind.FOREIGN, newerSchema, BackupException.Kind.FOREIGN,
                newerFormat, BackupException.Kind.FOREIGN);
        for (var c : cases.entrySet()) {
            BackupException e = assertThrows(BackupException.class, () -> new BackupRestorer().restore(c.getKey(), box.files()),
                    c.getKey().toString());
            assertEquals(c.getValue(), e.kind(), c.getKey() + ": " + e.getMessage());
            assertEquals(before, box.fileChecksums(), "untouched after " + c.getKey());
        }
        assertEquals(records, box.callRecords());
        assertEquals("bb-0a0b0c0d", new BackupRestorer().verify(good).boxId());
    }

    @Test
    void aFullDiskIsAClearErrorAndLeavesNothingBehind() throws Exception {
        BoxDataFixture box = new BoxDataFixture(root);
        Map<String, String> before = box.fileChecksums();
        Path target = root.resolve("small-usb");
        // the free space check: refused before anything is written
        BackupWriter tooSmall = new BackupWriter(box.files(), "1.2.3", CLOCK,
                f -> Files.newOutputStream(f), dir -> 4096);
        BackupException e = assertThrows(BackupException.class,
                () -> tooSmall.write(target, true, DatabaseCopy.offline(box.data)));
        assertEquals(BackupException.Kind.NO_SPACE, e.kind());
        assertTrue(e.getMessage().contains("not enough space"), e.getMessage());
        assertEmpty(target);
        // the disk fills up while writing (another writer took the space): ENOSPC mid-way
        BackupWriter fills = new BackupWriter(box.files(), "1.2.3", CLOCK,
                f -> new io.branchbox.box.FullDisk(Files.newOutputStream(f), 20_000), dir -> Long.MAX_VALUE);
        BackupException mid = assertThrows(BackupException.class,
                () -> fills.write(target, true, DatabaseCopy.offline(box.data)));
        assertEquals(BackupException.Kind.NO_SPACE, mid.kind());
        assertEmpty(target);
        assertEquals(before, box.fileChecksums());
    }

    private static void assertEmpty(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                assertEquals(List.of(), s.toList());
            }
        }
    }

    /** The backup with one byte changed inside the first entry whose name starts with {@code prefix}. */
    private static byte[] flipByteOfEntry(byte[] tar, String prefix) throws IOException {
        byte[] out = tar.clone();
        // tar: 512-byte header blocks; the entry's data follows its header
        for (int off = 0; off + 512 <= out.length; off += 512) {
            String name = new String(out, off, 100, java.nio.charset.StandardCharsets.US_ASCII).trim();
            if (name.startsWith(prefix)) {
                out[off + 512 + 10] ^= 0x01;
                return out;
            }
        }
        throw new IOException("no entry " + prefix);
    }

    /** A copy of the backup whose header says something else. */
    private Path rewriteHeader(byte[] tar, Map<String, Object> changes, String name) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path out = root.resolve(name);
        try (TarArchiveInputStream in = new TarArchiveInputStream(new java.io.ByteArrayInputStream(tar));
                TarArchiveOutputStream o = new TarArchiveOutputStream(Files.newOutputStream(out))) {
            o.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] body = in.readAllBytes();
                if (e.getName().equals(BackupInfo.HEADER_ENTRY)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> h = json.readValue(body, Map.class);
                    h.putAll(changes);
                    body = json.writeValueAsBytes(h);
                }
                TarArchiveEntry copy = new TarArchiveEntry(e.getName());
                copy.setSize(body.length);
                o.putArchiveEntry(copy);
                o.write(body);
                o.closeArchiveEntry();
            }
        }
        return out;
    }
}
