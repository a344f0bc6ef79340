package io.branchbox.firmware.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small, checked copy of what a person entered ({@link KeptTables}) in {@code <data>/kept/},
 * beside the database, so that a damaged database rebuilt from the journal loses none of it. The
 * backup (docs/RELIABILITY.md) takes this directory with the journal.
 *
 * <p>Format: {@code kept.jsonl}, one JSON object per row ({@code {"t":table,"r":{column:text}}},
 * values in H2's own text form, which it parses back), and a last line {@code #sha256 <hex>} of
 * everything before it. Written whole and atomically (temporary file, force, rename); the
 * previous generation stays as {@code kept.jsonl.1}, so a file damaged after it was written
 * still leaves one good copy.
 *
 * <p>Threading: {@link #export} and {@link #restore} may run on any thread but not at the same
 * time (callers: {@link KeptStoreFollower}'s thread, and the start-up thread before it starts).
 */
public final class KeptStore {
    private static final Logger log = LoggerFactory.getLogger(KeptStore.class);
    static final String FILE = "kept.jsonl";
    private static final String SUM = "#sha256 ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@link #read} found: the rows, and which generation they came from. */
    public record Content(List<ObjectNode> rows, Path from) {}

    private final Path dir;
    private final List<KeptTables.Table> tables;
    private String lastSum = "";

    public KeptStore(Path dataDir, List<KeptTables.Table> tables) {
        this.dir = dataDir.resolve("kept");
        this.tables = List.copyOf(tables);
    }

    public Path file() {
        return dir.resolve(FILE);
    }

    /** Forces the database file to the device ({@code CHECKPOINT SYNC}). */
    private static void checkpoint(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("CHECKPOINT SYNC");
        }
    }

    /** Writes the kept rows of {@code ds} if they changed since the last export; true if written. */
    public synchronized boolean export(DataSource ds) throws IOException, SQLException {
        StringBuilder body = new StringBuilder();
        try (Connection c = ds.getConnection()) {
            for (KeptTables.Table t : tables) {
                if (!exists(c, t.table())) {
                    continue;
                }
                String cols = t.columns().isEmpty() ? "*" : String.join(", ", t.columns());
                try (PreparedStatement ps = c.prepareStatement("SELECT " + cols + " FROM " + t.table()
                        + " WHERE " + t.where() + " ORDER BY " + String.join(", ", t.key()));
                        ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        ObjectNode row = JSON.createObjectNode();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getString(i));
                        }
                        ObjectNode line = JSON.createObjectNode();
                        line.put("t", t.table());
                        line.set("r", row);
                        body.append(JSON.writeValueAsString(line)).append('\n');
                    }
                }
            }
        }
        String sum = sha256(body.toString());
        if (sum.equals(lastSum) && Files.exists(file())) {
            return false;
        }
        // H2 does not fsync commits: force these rows into the database before the copy holds them.
        // Otherwise a power cut could leave them only in the copy, and since the database then
        // still opens (nothing to rebuild), the next export would overwrite the copy without them
        checkpoint(ds);
        write(body.append(SUM).append(sum).append('\n').toString());
        lastSum = sum;
        return true;
    }

    /**
     * Reads the newest generation whose checksum holds. Empty when there is none (a new box) or
     * every generation is damaged (logged).
     */
    public synchronized Optional<Content> read() {
        for (Path p : List.of(file(), dir.resolve(FILE + ".1"))) {
            if (!Files.exists(p)) {
                continue;
            }
            try {
                Optional<List<ObjectNode>> rows = parse(Files.readString(p, StandardCharsets.UTF_8));
                if (rows.isPresent()) {
                    return Optional.of(new Content(rows.get(), p));
                }
                log.warn("kept store {} fails its checksum; trying the previous generation", p);
            } catch (IOException | RuntimeException e) {
                log.warn("kept store {} unreadable: {}", p, e.toString());
            }
        }
        return Optional.empty();
    }

    /** True when a kept file exists but no generation passes its checksum. */
    public synchronized boolean damaged() {
        return Files.exists(file()) && read().isEmpty();
    }

    /**
     * Puts the kept rows back into {@code ds}: inserted (or merged) for {@code insert} tables,
     * updated for the others, whose rows the journal has already rebuilt. Returns rows restored.
     */
    public synchronized int restore(DataSource ds, Content content) throws SQLException {
        int n = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            for (ObjectNode line : content.rows()) {
                KeptTables.Table t = table(line.path("t").asText());
                if (t == null || !exists(c, t.table())) {
                    continue;
                }
                n += restoreRow(c, t, (ObjectNode) line.get("r"));
            }
            c.commit();
        }
        log.info("kept store: {} row(s) restored from {}", n, content.from());
        return n;
    }

    private int restoreRow(Connection c, KeptTables.Table t, ObjectNode row) throws SQLException {
        Set<String> existing = columns(c, t.table());
        List<String> cols = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
            String col = it.next();
            if (existing.contains(col)) {
                cols.add(col);
                JsonNode v = row.get(col);
                values.add(v == null || v.isNull() ? null : v.asText());
            }
        }
        String sql;
        List<String> params = new ArrayList<>();
        if (t.insert()) {
            sql = "MERGE INTO " + t.table() + " (" + String.join(", ", cols) + ") KEY (" + String.join(", ", t.key())
                    + ") VALUES (" + "?, ".repeat(cols.size() - 1) + "?)";
            params.addAll(values);
        } else {
            List<String> sets = new ArrayList<>();
            List<String> setValues = new ArrayList<>();
            List<String> keyValues = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                if (t.key().contains(cols.get(i))) {
                    keyValues.add(values.get(i));
                } else {
                    sets.add(cols.get(i) + " = ?");
                    setValues.add(values.get(i));
                }
            }
            sql = "UPDATE " + t.table() + " SET " + String.join(", ", sets) + " WHERE "
                    + String.join(" AND ", t.key().stream().map(k -> k + " = ?").toList());
            params.addAll(setValues);
            params.addAll(keyValues);
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            return ps.executeUpdate();
        }
    }

    private KeptTables.Table table(String name) {
        return tables.stream().filter(t -> t.table().equals(name)).findFirst().orElse(null);
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        return !columns(c, table).isEmpty();
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> cols = new LinkedHashSet<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getColumns(null, null, table.toUpperCase(Locale.ROOT), null)) {
            while (rs.next()) {
                cols.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return cols;
    }

    private static Optional<List<ObjectNode>> parse(String text) throws IOException {
        int sumAt = text.lastIndexOf(SUM);
        if (sumAt < 0 || (sumAt > 0 && text.charAt(sumAt - 1) != '\n')) {
            return Optional.empty();
        }
        String body = text.substring(0, sumAt);
        if (!sha256(body).equals(text.substring(sumAt + SUM.length()).trim())) {
            return Optional.empty();
        }
        List<ObjectNode> rows = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                rows.add((ObjectNode) JSON.readTree(line));
            }
        }
        return Optional.of(rows);
    }

    private void write(String content) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        if (Files.exists(file())) {
            Files.move(file(), dir.resolve(FILE + ".1"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            log.debug("cannot force directory {}: {}", dir, e.toString());
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
