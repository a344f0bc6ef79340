package io.branchbox.firmware.workorder;

import io.branchbox.firmware.config.BoxConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The crews' PINs, read from {@code workOrders.crewPinFile} ({@code <crew id>=<PIN>} lines): a
 * secret kept outside the configuration document, never logged. A crew without a PIN in the file
 * cannot report by phone or on the crew page.
 *
 * <p>Immutable and thread-safe; PINs are compared in constant time.
 */
public final class CrewPins {
    private final Map<String, BoxConfig.Crew> crews = new TreeMap<>();
    private final Map<String, byte[]> pins = new TreeMap<>();

    /** PINs from {@code pins} for the configured {@code crews}; entries of unknown crews or not 4..8 digits are ignored. */
    public CrewPins(BoxConfig.WorkOrders config, Map<String, String> pinsByCrew) {
        config.crews().forEach(c -> crews.put(c.id(), c));
        pinsByCrew.forEach((crew, pin) -> {
            if (crews.containsKey(crew) && pin != null && pin.matches("[0-9]{4,8}")) {
                pins.put(crew, pin.getBytes(StandardCharsets.US_ASCII));
            }
        });
    }

    /** Reads the PIN file in {@code dataDir}; a missing file means no crew has a PIN yet. */
    public static CrewPins load(BoxConfig.WorkOrders config, Path dataDir) throws IOException {
        Path file = dataDir.resolve(config.crewPinFile());
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k.strip(), p.getProperty(k).strip()));
        return new CrewPins(config, m);
    }

    /** The crew {@code id} if {@code pin} is its PIN. */
    public Optional<BoxConfig.Crew> verify(String id, String pin) {
        byte[] want = pins.get(id);
        if (want == null || pin == null) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(want, pin.getBytes(StandardCharsets.US_ASCII)) ? Optional.of(crews.get(id)) : Optional.empty();
    }

    /** How many crews can sign in. */
    public int withPin() {
        return pins.size();
    }
}
