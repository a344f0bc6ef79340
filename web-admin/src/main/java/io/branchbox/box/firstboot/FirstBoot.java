package io.branchbox.box.firstboot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ConfigError;
import io.branchbox.firmware.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a box's configuration before it starts.
 *
 * <p>On every start: the box has an identity, {@code <data>/box-id} (made once, e.g.
 * {@code bb-3f9a0c21}); a document that still carries the factory box id ("box-1": the factory
 * document, also after a factory reset) gets it. On a first boot (a data directory without a
 * database or journal), {@link #PROVISIONING_FILE} is looked for in each provisioning directory in
 * turn; the first found is read, upgraded and validated as a whole: valid, it becomes the
 * configuration; invalid (or unreadable), nothing of it is used, the box starts with the factory
 * document, and every reason goes to the log and to {@link FirstBootReport}.
 *
 * <p>Threading: the launcher's main thread, before the box runs.
 */
public final class FirstBoot {
    private static final Logger log = LoggerFactory.getLogger(FirstBoot.class);
    /** The provisioning file's name in a provisioning directory. */
    public static final String PROVISIONING_FILE = "box.json";
    /** The data directory's file holding the box id. */
    public static final String BOX_ID_FILE = "box-id";
    /** The box id of the factory document: replaced by the box's own. */
    public static final String FACTORY_BOX_ID = ConfigDocuments.defaults().site().boxId();

    private final Clock clock;
    private final SecureRandom random;
    private final ObjectMapper json = new ObjectMapper();

    public FirstBoot(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** Whether {@code dataDir} has never held a box (no database, no journal). */
    public static boolean isFirstBoot(Path dataDir) {
        return !Files.exists(dataDir.resolve("box.mv.db")) && !Files.exists(dataDir.resolve("journal"));
    }

    /**
     * Runs before the box loads its document: makes the identity, applies a provisioning file on a
     * first boot, and writes the document when missing. Returns the first boot's report, or empty
     * when this is not a first boot.
     *
     * @param fallbackDirs where to look when there is no document yet (the factory document's)
     */
    public Optional<FirstBootReport> prepare(Path config, Path dataDir, List<String> fallbackDirs) throws IOException {
        Files.createDirectories(dataDir);
        boolean first = isFirstBoot(dataDir);
        String boxId = identity(dataDir);
        FirstBootReport report = null;
        if (first) {
            List<String> dirs = fallbackDirs;
            if (Files.exists(config)) {
                try {
                    dirs = ConfigDocuments.read(config).appliance().provisioningDirs();
                } catch (ConfigException e) {
                    log.warn("first boot: the document {} is not valid; looking in the factory places", config);
                }
            }
            report = provision(config, boxId, dirs);
            Files.writeString(dataDir.resolve(FirstBootReport.FILE), json.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(report));
        }
        if (!Files.exists(config)) {
            Files.createDirectories(config.toAbsolutePath().getParent());
            ConfigDocuments.write(config, ConfigDocuments.defaults());
            log.info("no configuration document at {}: wrote the factory document", config);
        }
        adoptIdentity(config, boxId);
        return Optional.ofNullable(report);
    }

    /** The report of this box's first boot, if one is kept in {@code dataDir}. */
    public static Optional<FirstBootReport> lastReport(Path dataDir) {
        Path f = dataDir.resolve(FirstBootReport.FILE);
        try {
            return Files.exists(f) ? Optional.of(new ObjectMapper().readValue(f.toFile(), FirstBootReport.class))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private FirstBootReport provision(Path config, String boxId, List<String> dirs) throws IOException {
        String at = clock.instant().toString();
        for (String d : dirs) {
            Path candidate = Path.of(d).resolve(PROVISIONING_FILE);
            if (!Files.isRegularFile(candidate)) {
                continue;
            }
            BoxConfig c;
            try {
                c = ConfigDocuments.read(candidate);
            } catch (ConfigException e) {
                List<String> why = e.errors().stream().map(ConfigError::toString).toList();
                log.error("first boot: provisioning file {} NOT applied, nothing of it used: {}", candidate, why);
                return new FirstBootReport(at, boxId, candidate.toString(), false, why);
            } catch (IOException e) {
                log.error("first boot: provisioning file {} NOT applied, it cannot be read: {}", candidate, e.getMessage());
                return new FirstBootReport(at, boxId, candidate.toString(), false, List.of(String.valueOf(e.getMessage())));
            }
            // a failure to write the box's own document is the box's problem, not the file's: it propagates
            Files.createDirectories(config.toAbsolutePath().getParent());
            ConfigDocuments.write(config, c);
            log.warn("first boot: provisioning file {} applied (site {}, revision {})", candidate, c.site().siteId(),
                    c.revision());
            return new FirstBootReport(at, boxId, candidate.toString(), true, List.of());
        }
        log.info("first boot: no provisioning file in {}; the box starts with the factory document", dirs);
        return new FirstBootReport(at, boxId, "", false, List.of());
    }

    /** The box id kept in the data directory, made (random, "bb-" and 8 hex digits) the first time. */
    String identity(Path dataDir) throws IOException {
        Path f = dataDir.resolve(BOX_ID_FILE);
        if (Files.exists(f)) {
            String id = Files.readString(f).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        byte[] b = new byte[4];
        random.nextBytes(b);
        String id = "bb-" + HexFormat.of().formatHex(b);
        Path tmp = f.resolveSibling(BOX_ID_FILE + ".tmp");
        Files.writeString(tmp, id + "\n", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.SYNC);
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        log.info("box identity made: {}", id);
        return id;
    }

    private static void adoptIdentity(Path config, String boxId) throws IOException {
        try {
            BoxConfig c = ConfigDocuments.read(config);
            if (c.site().boxId().equals(FACTORY_BOX_ID)) {
                BoxConfig.Site s = c.site();
                ConfigDocuments.write(config, c.withSite(new BoxConfig.Site(s.siteId(), boxId, s.name(), s.timezone()))
                        .withRevision(c.revision() + 1));
                log.info("box id {} written into {}", boxId, config);
            }
        } catch (ConfigException e) {
            // the launcher reports an invalid document when it loads it; nothing to adopt into
        }
    }
}
