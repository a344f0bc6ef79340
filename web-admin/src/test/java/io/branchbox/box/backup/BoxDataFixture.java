package io.branchbox.box.backup;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A box's data as the real parts write it: the configuration document, the H2 file database with
 * call records, the journal (real segments) and recordings; and the fingerprints a restore must
 * reproduce (SHA-256 of every file, every call record row).
 */
final class BoxDataFixture {
    final Path config;
    final Path data;
    final BoxConfig document;

    BoxDataFixture(Path root) throws Exception {
        this.data = root.resolve("data");
        this.config = root.resolve("etc/box.json");
        Files.createDirectories(config.getParent());
        BoxConfig d = ConfigDocuments.defaults();
        document = d.withRevision(12).withSite(new BoxConfig.Site("county-7", "bb-0a0b0c0d", "95598 hotline", "Asia/Shanghai"));
        ConfigDocuments.write(config, document);
        try (EventJournal journal = EventJournal.open(data.resolve("journal"), Clock.systemUTC())) {
            for (int i = 0; i < 20; i++) {
                journal.append("call.started", "20261207-0900" + String.format("%02d", i) + "-0001", null, "repair",
                        Map.of("from", "1328220" + i));
            }
            journal.flush();
        }
        try (Database db = Database.open(data); Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            for (int i = 0; i < 5; i++) {
                st.executeUpdate("INSERT INTO call_record (call_id, direction, trunk, calling_number, started_at, disposition)"
                        + " VALUES ('call-" + i + "', 'INBOUND', 'span0/ts" + (i + 1) + "', '1390000000" + i
                        + "', TIMESTAMP WITH TIME ZONE '2026-12-07 09:00:0" + i + "+08:00', 'ANSWERED')");
            }
        }
        Path rec = data.resolve("recordings/2026/12/07");
        Files.createDirectories(rec);
        for (int i = 0; i < 3; i++) {
            byte[] wav = new byte[8000 + i];
            for (int j = 0; j < wav.length; j++) {
                wav[j] = (byte) (j * 31 + i);
            }
            Files.write(rec.resolve("call-" + i + ".wav"), wav);
        }
    }

    BoxFiles files() {
        return BoxFiles.of(config, data, document);
    }

    /** SHA-256 of the document, every journal file and every recording, by path relative to the data directory. */
    Map<String, String> fileChecksums() throws IOException {
        Map<String, String> out = new TreeMap<>();
        out.put("config", sha256(config));
        for (String dir : new String[] {"journal", "recordings"}) {
            Path d = data.resolve(dir);
            if (!Files.exists(d)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(d)) {
                walk.filter(Files::isRegularFile).forEach(p -> out.put(data.relativize(p).toString(), sha256(p)));
            }
        }
        return out;
    }

    /** Every call record, one line per row, in call id order. */
    String callRecords() throws Exception {
        StringBuilder b = new StringBuilder();
        try (Database db = Database.open(data); Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM call_record ORDER BY call_id")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    b.append(rs.getString(i)).append('|');
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    static String sha256(Path p) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the data directory and the document: a wiped box. */
    void wipe() throws IOException {
        BackupRestorer.deleteTree(data);
        Files.delete(config);
        Files.createDirectories(data);
        ConfigDocuments.write(config, ConfigDocuments.defaults());
    }
}
