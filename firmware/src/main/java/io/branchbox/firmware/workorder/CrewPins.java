package io.branchbox.firmware.workorder;

import io.branchbox.firmware.config.BoxConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The crews' PINs, kept hashed (PBKDF2-HMAC-SHA256, a random salt per PIN) in
 * {@code workOrders.crewPinFile} in the data directory ({@code <crew id>=pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * lines, file mode 0600): a secret kept outside the configuration document, never shown, never
 * logged. A technician or shift lead sets or resets a crew's PIN on the web ({@link #set}); a file
 * an installer wrote by hand with plain {@code <crew id>=<PIN>} lines is read and rewritten hashed
 * at start. A crew without a PIN cannot report by phone or on the crew page.
 *
 * <p>Pitfall: a PIN has 4 to 8 digits, so a stolen file can be brute-forced whatever the hash;
 * the hash keeps PINs out of sight (backups, support bundles), the file's mode keeps it from
 * other users.
 *
 * <p>Thread-safe: {@link #verify} (the crew IVR on signalling, web threads) reads an immutable
 * snapshot and costs one PBKDF2 of {@link #ITERATIONS} rounds (about a millisecond); {@link #set}
 * (web threads) writes the file under the object's lock, never on signalling.
 */
public final class CrewPins {
    /** PBKDF2 rounds: enough to keep a casual look from reading PINs, cheap enough for the IVR's thread. */
    static final int ITERATIONS = 4096;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One crew as the web shows it: whether it has a PIN, never the PIN. */
    public record Status(String crew, String name, boolean hasPin) {}

    private final Map<String, BoxConfig.Crew> crews = new TreeMap<>();
    private final Path file;
    private volatile Map<String, String> hashes;

    /** PINs from {@code pinsByCrew} (plain) for the configured crews, kept in memory only (tests); bad entries are ignored. */
    public CrewPins(BoxConfig.WorkOrders config, Map<String, String> pinsByCrew) {
        this(config, null, pinsByCrew);
    }

    private CrewPins(BoxConfig.WorkOrders config, Path file, Map<String, String> stored) {
        config.crews().forEach(c -> crews.put(c.id(), c));
        this.file = file;
        Map<String, String> m = new TreeMap<>();
        stored.forEach((crew, value) -> {
            if (!crews.containsKey(crew) || value == null) {
                return;
            }
            if (value.startsWith(SCHEME + "$")) {
                m.put(crew, value);
            } else if (validPin(value)) {
                m.put(crew, hash(value)); // an installer's plain PIN: hashed now, written hashed by load()
            }
        });
        this.hashes = Map.copyOf(m);
    }

    /** Reads the PIN file in {@code dataDir}; a missing file means no crew has a PIN yet. Plain PINs are rewritten hashed. */
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
        CrewPins pins = new CrewPins(config, file, m);
        if (m.values().stream().anyMatch(v -> !v.startsWith(SCHEME + "$"))) {
            synchronized (pins) {
                pins.write(pins.hashes);
            }
        }
        return pins;
    }

    /** Whether {@code pin} is a PIN a crew can key: 4 to 8 digits. */
    public static boolean validPin(String pin) {
        return pin != null && pin.matches("[0-9]{4,8}");
    }

    /** The crew {@code id} if {@code pin} is its PIN (constant-time comparison of the hashes). */
    public Optional<BoxConfig.Crew> verify(String id, String pin) {
        String stored = id == null ? null : hashes.get(id);
        if (stored == null || pin == null) {
            return Optional.empty();
        }
        String[] f = stored.split("\\$");
        byte[] salt = Base64.getDecoder().decode(f[2]);
        byte[] want = Base64.getDecoder().decode(f[3]);
        byte[] got = pbkdf2(pin, salt, Integer.parseInt(f[1]));
        return MessageDigest.isEqual(want, got) ? Optional.of(crews.get(id)) : Optional.empty();
    }

    /**
     * Sets (or resets) the PIN of crew {@code id}: written hashed to the file before it counts.
     * Refused ({@link Refusal.Reason#BAD_INPUT}) for an unknown crew or a PIN that is not 4 to 8
     * digits; the message never contains the PIN.
     */
    public synchronized void set(String id, String pin) throws IOException {
        if (id == null || !crews.containsKey(id)) {
            throw new Refusal(Refusal.Reason.BAD_INPUT, "no crew '" + id + "' is configured");
        }
        if (!validPin(pin)) {
            throw new Refusal(Refusal.Reason.BAD_INPUT, "a crew PIN is 4 to 8 digits");
        }
        Map<String, String> next = new TreeMap<>(hashes);
        next.put(id, hash(pin));
        if (file != null) {
            write(next);
        }
        hashes = Map.copyOf(next);
    }

    /** Every configured crew and whether it has a PIN, in crew order. */
    public List<Status> status() {
        List<Status> list = new ArrayList<>();
        Map<String, String> h = hashes;
        crews.values().forEach(c -> list.add(new Status(c.id(), c.name(), h.containsKey(c.id()))));
        return list;
    }

    /** How many crews can sign in. */
    public int withPin() {
        return hashes.size();
    }

    private void write(Map<String, String> all) throws IOException {
        StringBuilder b = new StringBuilder("# crew PINs, hashed (set them on the web admin); never edit a hash by hand\n");
        all.forEach((crew, h) -> b.append(crew).append('=').append(h).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String hash(String pin) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder e = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + ITERATIONS + "$" + e.encodeToString(salt) + "$" + e.encodeToString(pbkdf2(pin, salt, ITERATIONS));
    }

    private static byte[] pbkdf2(String pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
