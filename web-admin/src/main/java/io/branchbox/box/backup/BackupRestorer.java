package io.branchbox.box.backup;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a backup file and puts it in place of a stopped box's data.
 *
 * <p>Order: the header (product, format, configuration schema) before anything else; then every
 * entry is extracted into {@code <data>/.restore-staging} while its SHA-256 is computed, and the
 * manifest at the end must list exactly those entries with those sizes and checksums; the staged
 * configuration document must validate. Only then the box's configuration, database, journal
 * (and recordings, when the backup holds them) are swapped for the staged ones by renames in the
 * same file system. A damaged, truncated, foreign or newer file is refused with the box's files
 * untouched. Threading: blocking; the box must not be running (its database file is checked).
 */
public final class BackupRestorer {
    private static final Logger log = LoggerFactory.getLogger(BackupRestorer.class);
    static final String STAGING = ".restore-staging";
    static final String REPLACED = ".replaced-by-restore";

    private final ObjectMapper json = new ObjectMapper();

    /** Reads the whole file and checks it; nothing is written. Returns its header. */
    public BackupInfo.Header verify(Path backup) throws BackupException {
        return read(backup, null);
    }

    /**
     * Restores {@code backup} into the box whose files are {@code target} (only the configuration
     * file's and data directory's locations are used: the recordings go where the restored
     * document says).
     */
    public BackupInfo.Header restore(Path backup, BoxFiles target) throws BackupException {
        try {
            DatabaseCopy.ensureClosed(target.databaseFile());
            Path staging = target.dataDir().resolve(STAGING);
            deleteTree(staging);
            Files.createDirectories(staging);
            BackupInfo.Header header;
            try {
                header = read(backup, staging);
                BoxConfig restored = checkConfig(staging.resolve(BackupInfo.CONFIG_ENTRY));
                swap(staging, BoxFiles.of(target.configFile(), target.dataDir(), restored), header.recordings());
            } finally {
                deleteTree(staging);
            }
            log.warn("backup {} of box {} (made {}) restored", backup.getFileName(), header.boxId(), header.createdAt());
            return header;
        } catch (IOException e) {
            throw new BackupException(BackupException.Kind.IO, "restore failed: " + e.getMessage(), e);
        }
    }

    private BackupInfo.Header read(Path backup, Path stagingOrNull) throws BackupException {
        try (InputStream raw = Files.newInputStream(backup); TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            TarArchiveEntry first = tar.getNextEntry();
            if (first == null || !first.getName().equals(BackupInfo.HEADER_ENTRY)) {
                throw damaged(backup, "it does not start with " + BackupInfo.HEADER_ENTRY + ": not a branchbox backup");
            }
            BackupInfo.Header header = checkHeader(backup, json.readValue(tar.readAllBytes(), BackupInfo.Header.class));
            List<BackupInfo.Entry> seen = new ArrayList<>();
            BackupInfo.Manifest manifest = null;
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (manifest != null) {
                    throw damaged(backup, "an entry follows the manifest: " + e.getName());
                }
                if (e.getName().equals(BackupInfo.MANIFEST_ENTRY)) {
                    manifest = json.readValue(tar.readAllBytes(), BackupInfo.Manifest.class);
                    continue;
                }
                seen.add(extract(backup, tar, e, stagingOrNull));
            }
            if (manifest == null) {
                throw damaged(backup, "it has no manifest (truncated?)");
            }
            if (!new HashSet<>(manifest.entries()).equals(new HashSet<>(seen)) || manifest.entries().size() != seen.size()) {
                throw damaged(backup, "its contents do not match its manifest (a checksum, a size or a file differs)");
            }
            Set<String> names = new HashSet<>();
            seen.forEach(x -> names.add(x.path()));
            if (!names.contains(BackupInfo.CONFIG_ENTRY) || !names.contains(BackupInfo.DATABASE_ENTRY)) {
                throw damaged(backup, "it lacks the configuration or the database");
            }
            return header;
        } catch (JacksonException e) {
            throw damaged(backup, "its header or manifest is not readable: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw damaged(backup, "it cannot be read to the end (truncated?): " + e.getMessage());
        }
    }

    private BackupInfo.Header checkHeader(Path backup, BackupInfo.Header h) throws BackupException {
        if (!BackupInfo.PRODUCT.equals(h.product())) {
            throw new BackupException(BackupException.Kind.FOREIGN, backup.getFileName() + " is a backup of '"
                    + h.product() + "', not of a branchbox");
        }
        if (h.format() > BackupInfo.FORMAT || h.format() < 1) {
            throw new BackupException(BackupException.Kind.FOREIGN, backup.getFileName() + " has backup format "
                    + h.format() + "; this firmware reads format " + BackupInfo.FORMAT + " (a newer firmware made it)");
        }
        if (h.configSchema() > BoxConfig.SCHEMA) {
            throw new BackupException(BackupException.Kind.FOREIGN, backup.getFileName() + " holds a configuration of schema "
                    + h.configSchema() + "; this firmware reads schema " + BoxConfig.SCHEMA
                    + " and older (firmware " + h.firmwareVersion() + " made it: update first)");
        }
        return h;
    }

    private static BackupInfo.Entry extract(Path backup, TarArchiveInputStream tar, TarArchiveEntry e, Path stagingOrNull)
            throws IOException, BackupException {
        String name = e.getName();
        if (!e.isFile() || name.startsWith("/") || name.contains("..") || name.contains("\\")
                || !(name.equals(BackupInfo.CONFIG_ENTRY) || name.equals(BackupInfo.DATABASE_ENTRY)
                        || name.startsWith(BackupInfo.JOURNAL_DIR) || name.startsWith(BackupInfo.RECORDINGS_DIR))) {
            throw damaged(backup, "it holds an unexpected entry: " + name);
        }
        MessageDigest sha = BackupWriter.sha256();
        long n;
        if (stagingOrNull == null) {
            n = tar.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha));
        } else {
            Path out = stagingOrNull.resolve(name);
            Files.createDirectories(out.getParent());
            try (OutputStream o = Files.newOutputStream(out)) {
                n = tar.transferTo(new DigestOutputStream(o, sha));
            }
        }
        if (n != e.getSize()) {
            throw damaged(backup, name + " is cut short (truncated file)");
        }
        return new BackupInfo.Entry(name, n, HexFormat.of().formatHex(sha.digest()));
    }

    private static BoxConfig checkConfig(Path stagedConfig) throws BackupException, IOException {
        try {
            return ConfigDocuments.read(stagedConfig);
        } catch (ConfigException e) {
            throw new BackupException(BackupException.Kind.DAMAGED, "the backup's configuration document is not valid: "
                    + e.getMessage());
        }
    }

    /**
     * Swaps the staged files in: each live one is first renamed aside, then the staged one renamed
     * into place, then the aside copies are removed.
     */
    private static void swap(Path staging, BoxFiles live, boolean recordings) throws IOException {
        Path aside = live.dataDir().resolve(REPLACED);
        deleteTree(aside);
        Files.createDirectories(aside);
        replace(staging.resolve(BackupInfo.DATABASE_ENTRY), live.databaseFile(), aside.resolve("db"));
        replace(staging.resolve(BackupInfo.JOURNAL_DIR), live.journalDir(), aside.resolve("journal"));
        if (recordings) {
            replace(staging.resolve(BackupInfo.RECORDINGS_DIR), live.recordingsDir(), aside.resolve("recordings"));
        }
        // the document last: until it is replaced, the box's old configuration still matches
        Path config = live.configFile().toAbsolutePath();
        Files.createDirectories(config.getParent());
        Path tmp = config.resolveSibling(config.getFileName() + ".restoring");
        Files.copy(staging.resolve(BackupInfo.CONFIG_ENTRY), tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(aside);
    }

    private static void replace(Path staged, Path live, Path asideAs) throws IOException {
        if (Files.exists(live)) {
            Files.move(live, asideAs);
        }
        if (Files.exists(staged)) {
            Files.createDirectories(live.toAbsolutePath().getParent());
            Files.move(staged, live);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static BackupException damaged(Path backup, String why) {
        return new BackupException(BackupException.Kind.DAMAGED, backup.getFileName() + " cannot be restored: " + why);
    }
}
