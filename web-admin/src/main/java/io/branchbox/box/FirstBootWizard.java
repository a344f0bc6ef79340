package io.branchbox.box;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.branchbox.admin.config.ConfigService;
import io.branchbox.admin.system.FirstBootSetup;
import io.branchbox.admin.users.PasswordHasher;
import io.branchbox.admin.users.PasswordPolicy;
import io.branchbox.admin.users.UserStore;
import io.branchbox.admin.users.UserStoreException;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ConfigError;
import io.branchbox.firmware.journal.EventJournal;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The first-boot wizard's work: site id, time zone and the central office's MQTT go into the
 * document as one revision (validated whole by the configuration service first), the admin
 * password replaces the generated one (whose file is then deleted, which closes the wizard), and
 * what the technician saw of the network is recorded with the rest in {@link #RECORD} and the
 * journal ({@code system.first-boot-wizard}). Network settings themselves are the operating
 * system's: the wizard shows them, it does not change them.
 *
 * <p>Threading: Jetty's request threads; {@link #apply} is synchronized (one wizard at a time).
 */
final class FirstBootWizard implements FirstBootSetup {
    /** What the wizard recorded, in the data directory. */
    static final String RECORD = "first-boot-wizard.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final UserStore users;
    private final Supplier<ConfigService> config;
    private final EventJournal journal;
    private final Supplier<String> fingerprint;
    private final Clock clock;

    FirstBootWizard(Path dataDir, DataSource db, Supplier<ConfigService> config, EventJournal journal,
            Supplier<String> fingerprint, Clock clock) {
        this.dataDir = dataDir;
        this.users = new UserStore(db, PasswordHasher.argon2id(), clock);
        this.users.ensureInitialAdmin(dataDir);
        this.config = config;
        this.journal = journal;
        this.fingerprint = fingerprint;
        this.clock = clock;
    }

    private Path initialPasswordFile() {
        return dataDir.resolve(UserStore.INITIAL_PASSWORD_FILE);
    }

    @Override
    public boolean open() {
        return config.get() != null && Files.isRegularFile(initialPasswordFile());
    }

    @Override
    public Map<String, Object> current() {
        BoxConfig c = config.get().current();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("siteId", c.site().siteId());
        m.put("boxId", c.site().boxId());
        m.put("timezone", c.site().timezone());
        m.put("fingerprint", fingerprint.get());
        m.put("network", network());
        m.put("mqttEnabled", c.uplink().enabled());
        m.put("mqttServerUri", c.uplink().serverUri());
        m.put("mqttUsername", c.uplink().username());
        m.put("timezones", ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
                && !z.startsWith("SystemV/")).sorted().toList());
        return m;
    }

    @Override
    public synchronized Map<String, Object> apply(Answers a) throws Rejected {
        if (!open()) {
            throw new Rejected(List.of("appliance.firstboot.closed"));
        }
        ConfigService service = config.get();
        BoxConfig now = service.current();
        List<String> problems = new ArrayList<>();
        PasswordPolicy.problem(UserStore.INITIAL_ADMIN, a.adminPassword()).ifPresent(problems::add);
        byte[] draft = draft(now, a);
        for (ConfigError e : service.check(draft).errors()) {
            problems.add(e.path() + ": " + e.message());
        }
        if (!problems.isEmpty()) {
            throw new Rejected(problems);
        }
        String initial;
        try {
            initial = Files.readString(initialPasswordFile(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new Rejected(List.of("the initial password file cannot be read: " + e.getMessage()));
        }
        ConfigService.Outcome saved;
        try {
            saved = service.save(draft, now.revision(), "first-boot");
        } catch (Exception e) {
            throw new Rejected(List.of("the configuration could not be saved: " + e.getMessage()));
        }
        try {
            if (!users.changePassword(UserStore.INITIAL_ADMIN, initial, a.adminPassword())) {
                throw new Rejected(List.of("the admin account no longer has its initial password"));
            }
        } catch (UserStoreException e) {
            throw new Rejected(List.of(e.getMessage()));
        }
        List<Map<String, Object>> net = network();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("at", clock.instant().toString());
        record.put("siteId", a.siteId());
        record.put("timezone", a.timezone());
        record.put("mqtt", a.mqttEnabled() ? a.mqttServerUri() : "off");
        record.put("network", net);
        try {
            Files.write(dataDir.resolve(RECORD), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
        } catch (IOException e) {
            // the password and document are set: a lost record is only a missing line on the status page
            record.put("recordError", e.getMessage());
        }
        journal.append("system.first-boot-wizard", null, null, null, Map.of("siteId", a.siteId(), "timezone",
                a.timezone(), "mqtt", String.valueOf(record.get("mqtt")), "network", summary(net)));
        Map<String, Object> done = new LinkedHashMap<>(record);
        done.put("revision", saved.config().revision());
        done.put("pendingRestart", saved.pendingRestart());
        return done;
    }

    /** What the wizard recorded, for the status page. */
    static Optional<Map<?, ?>> record(Path dataDir) {
        try {
            return Optional.of(JSON.readValue(dataDir.resolve(RECORD).toFile(), Map.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] draft(BoxConfig now, Answers a) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(ConfigDocuments.toJson(now));
            ObjectNode site = (ObjectNode) root.get("site");
            site.put("siteId", a.siteId().strip());
            site.put("timezone", a.timezone().strip());
            ObjectNode up = (ObjectNode) root.get("uplink");
            up.put("enabled", a.mqttEnabled());
            if (!a.mqttServerUri().isBlank()) {
                up.put("serverUri", a.mqttServerUri().strip());
            }
            if (!a.mqttUsername().isBlank()) {
                up.put("username", a.mqttUsername().strip());
            }
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("the current document cannot be edited", e);
        }
    }

    /** The interfaces that are up, with their addresses; the default gateway and DNS servers when readable. */
    static List<Map<String, Object>> network() {
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!n.isUp() || n.isLoopback()) {
                    continue;
                }
                List<String> addrs = new ArrayList<>();
                for (var ia : n.getInterfaceAddresses()) {
                    InetAddress ad = ia.getAddress();
                    addrs.add((ad instanceof Inet4Address ? ad.getHostAddress() : ad.getHostAddress().replaceAll("%.*", ""))
                            + "/" + ia.getNetworkPrefixLength());
                }
                out.add(Map.of("interface", n.getName(), "addresses", addrs));
            }
        } catch (SocketException e) {
            out.add(Map.of("interface", "?", "addresses", List.of(e.getMessage())));
        }
        gateway().ifPresent(g -> out.add(Map.of("interface", "gateway", "addresses", List.of(g))));
        List<String> dns = dns();
        if (!dns.isEmpty()) {
            out.add(Map.of("interface", "dns", "addresses", dns));
        }
        return out;
    }

    private static Optional<String> gateway() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/net/route"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 2 && "00000000".equals(f[1]) && f[2].length() == 8) {
                    long g = Long.parseLong(f[2], 16);
                    return Optional.of((g & 0xff) + "." + (g >> 8 & 0xff) + "." + (g >> 16 & 0xff) + "." + (g >> 24 & 0xff)
                            + " (" + f[0] + ")");
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static List<String> dns() {
        try {
            return Files.readAllLines(Path.of("/etc/resolv.conf")).stream().filter(l -> l.startsWith("nameserver"))
                    .map(l -> l.substring("nameserver".length()).strip()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String summary(List<Map<String, Object>> net) {
        StringBuilder b = new StringBuilder();
        for (Map<String, Object> n : net) {
            b.append(b.isEmpty() ? "" : "; ").append(n.get("interface")).append(' ').append(n.get("addresses"));
        }
        return b.toString();
    }
}
