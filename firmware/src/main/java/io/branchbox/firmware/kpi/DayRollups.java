package io.branchbox.firmware.kpi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counts of closed days on disk ({@code <data>/kpi/days/YYYY-MM-DD.json}), so a month is
 * reported from thirty small files instead of a replay of the whole journal. A roll-up is a cache,
 * never the truth: it is written only for a day that is over, carries the settings it was made
 * under and the format, and one that does not match (or does not parse) is ignored and made
 * again from the journal. Written atomically (temporary file, force, rename). Thread-safe for
 * distinct days; one writer (the box) per directory.
 */
public final class DayRollups {
    private static final Logger log = LoggerFactory.getLogger(DayRollups.class);
    /** Raised whenever what a count means changes: older roll-ups are then rebuilt from the journal. */
    public static final int FORMAT = 1;

    private final Path dir;
    private final KpiSettings settings;

    public DayRollups(Path dataDir, KpiSettings settings) {
        this.dir = dataDir.resolve("kpi").resolve("days");
        this.settings = settings;
    }

    public Path directory() {
        return dir;
    }

    /** The day's counts by group, or null when there is no usable roll-up. Never throws. */
    public Map<Group, Counts> read(LocalDate day) {
        Path f = file(day);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            JsonNode n = KpiJson.MAPPER.readTree(f.toFile());
            if (n.path("format").asInt() != FORMAT || !settings.fingerprint().equals(n.path("settings").asText())
                    || !day.toString().equals(n.path("day").asText())) {
                return null;
            }
            Map<Group, Counts> out = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : n.path("groups").properties()) {
                Group g = Group.parse(e.getKey());
                if (g != null) {
                    out.put(g, KpiJson.counts(e.getValue()));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            log.warn("KPI roll-up {} unreadable ({}); the day is recomputed from the journal", f.getFileName(), e.toString());
            return null;
        }
    }

    /** Writes a closed day's counts. */
    public void write(LocalDate day, Map<Group, Counts> groups) throws IOException {
        Files.createDirectories(dir);
        ObjectNode n = KpiJson.MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("settings", settings.fingerprint());
        n.put("day", day.toString());
        ObjectNode g = n.putObject("groups");
        new java.util.TreeMap<>(groups).forEach((group, c) -> g.set(group.key(), KpiJson.counts(c)));
        Path f = file(day);
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        Files.write(tmp, KpiJson.MAPPER.writeValueAsBytes(n));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path file(LocalDate day) {
        return dir.resolve(day + ".json");
    }
}
