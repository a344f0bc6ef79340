package io.branchbox.firmware.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The configuration document as a history of revisions, each with an audit record.
 *
 * <p>Every saved change is a new revision: {@code <dir>/<revision>.json} holds the whole document
 * of that revision, the live document ({@code box.json}) is replaced, and one JSON line is
 * appended to {@code <dir>/audit.jsonl}: who, when, what (save, rollback, import) and every
 * changed field before and after ({@link ConfigDiff}). Each file is written atomically and
 * forced, in that order, so a power cut leaves the old or the new revision, never a mix; the
 * newest {@code keep} revision files are kept, the audit trail is never cut.
 *
 * <p>A save names the revision it was edited from; when somebody else saved in between it is
 * refused ({@link StaleRevisionException}) instead of silently undoing their change.
 *
 * <p>Thread-safe: every method is synchronized (saves are rare and small).
 */
public final class ConfigRevisions {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** What the audit trail says of one revision. */
    public record AuditRecord(long revision, Instant at, String user, Action action, long from,
            List<ConfigDiff.Change> changes) {
        public AuditRecord {
            changes = List.copyOf(changes);
        }
    }

    /** Why a revision was made. */
    public enum Action { SAVE, ROLLBACK, IMPORT }

    /** A save that was edited from {@code base} while {@code current} is the live revision. */
    public static final class StaleRevisionException extends Exception {
        private final long base;
        private final long current;

        public StaleRevisionException(long base, long current) {
            super("someone else changed the configuration: revision " + current + " is live, the change was made to "
                    + base, null, false, false);
            this.base = base;
            this.current = current;
        }

        public long base() {
            return base;
        }

        public long current() {
            return current;
        }
    }

    /** The result of a save: the live document (unchanged when {@code record} is empty). */
    public record Saved(BoxConfig config, Optional<AuditRecord> record) {}

    private final Path document;
    private final Path dir;
    private final Path audit;
    private final Clock clock;
    private final int keep;
    private BoxConfig current;

    private ConfigRevisions(Path document, Path dir, Clock clock, int keep, BoxConfig current) {
        this.document = document;
        this.dir = dir;
        this.audit = dir.resolve("audit.jsonl");
        this.clock = clock;
        this.keep = keep;
        this.current = current;
    }

    /**
     * Opens the history beside {@code document} (in {@code config-revisions/}), with
     * {@code current} as the live document as read at start. The live revision is stored as a
     * revision file when it is not one yet (the first start, or an import by {@code provision}).
     */
    public static ConfigRevisions open(Path document, BoxConfig current, Clock clock, int keep) throws IOException {
        Path parent = document.toAbsolutePath().getParent();
        Path dir = Files.createDirectories(parent.resolve("config-revisions"));
        ConfigRevisions r = new ConfigRevisions(document, dir, clock, Math.max(2, keep), current);
        Path own = r.file(current.revision());
        if (!Files.exists(own)) {
            ConfigDocuments.write(own, current);
        }
        return r;
    }

    /** The live document. */
    public synchronized BoxConfig current() {
        return current;
    }

    /**
     * Makes {@code proposed} (already parsed and valid) the live document as revision
     * {@code current + 1}, if it was edited from the live revision {@code base}. Nothing is
     * written when nothing changed.
     */
    public synchronized Saved save(BoxConfig proposed, long base, String user, Action action)
            throws StaleRevisionException, IOException {
        if (base != current.revision()) {
            throw new StaleRevisionException(base, current.revision());
        }
        List<ConfigDiff.Change> changes = ConfigDiff.between(current, proposed);
        if (changes.isEmpty()) {
            return new Saved(current, Optional.empty());
        }
        BoxConfig next = proposed.withRevision(current.revision() + 1);
        AuditRecord record = new AuditRecord(next.revision(), clock.instant(), user, action, current.revision(), changes);
        ConfigDocuments.write(file(next.revision()), next);
        ConfigDocuments.write(document, next);
        appendAudit(record);
        current = next;
        prune();
        return new Saved(next, Optional.of(record));
    }

    /** The stored document of revision {@code n}, if it is still kept. */
    public synchronized Optional<BoxConfig> revision(long n) throws IOException {
        Path f = file(n);
        if (n < 0 || !Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ConfigDocuments.read(f));
        } catch (ConfigException e) {
            // written by an older firmware that read it differently: not offered for rollback
            return Optional.empty();
        }
    }

    /** The revisions still kept, newest first. */
    public synchronized List<Long> kept() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{1,18}\\.json"))
                    .map(n -> Long.parseLong(n.substring(0, n.length() - 5))).sorted(Collections.reverseOrder()).toList();
        }
    }

    /** The newest {@code max} audit records, newest first. */
    public synchronized List<AuditRecord> history(int max) throws IOException {
        if (!Files.exists(audit)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(audit, StandardCharsets.UTF_8);
        List<AuditRecord> out = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && out.size() < max; i--) {
            parseAudit(lines.get(i)).ifPresent(out::add);
        }
        return out;
    }

    private Path file(long revision) {
        return dir.resolve(String.format("%08d.json", revision));
    }

    private void prune() throws IOException {
        List<Long> all = kept();
        for (int i = keep; i < all.size(); i++) {
            Files.deleteIfExists(file(all.get(i)));
        }
    }

    private void appendAudit(AuditRecord r) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("revision", r.revision()).put("at", r.at().toString()).put("user", r.user())
                .put("action", r.action().name()).put("from", r.from());
        ArrayNode changes = o.putArray("changes");
        for (ConfigDiff.Change c : r.changes()) {
            changes.addObject().put("path", c.path()).put("before", c.before()).put("after", c.after());
        }
        byte[] line = (JSON.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(audit, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap(line));
            ch.force(true);
        }
    }

    private static Optional<AuditRecord> parseAudit(String line) {
        try {
            JsonNode o = JSON.readTree(line);
            List<ConfigDiff.Change> changes = new ArrayList<>();
            for (JsonNode c : o.path("changes")) {
                changes.add(new ConfigDiff.Change(c.path("path").asText(), text(c.get("before")), text(c.get("after"))));
            }
            return Optional.of(new AuditRecord(o.path("revision").asLong(), Instant.parse(o.path("at").asText()),
                    o.path("user").asText(), Action.valueOf(o.path("action").asText()), o.path("from").asLong(), changes));
        } catch (IOException | RuntimeException e) {
            // a torn last line after a power cut: that record is lost, the others are read
            return Optional.empty();
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
