package io.branchbox.firmware.runtime;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.uplink.CommandSettings;
import io.branchbox.firmware.uplink.Secret;
import io.branchbox.firmware.uplink.UplinkService;
import io.branchbox.firmware.uplink.UplinkSettings;
import io.branchbox.firmware.uplink.UplinkStatus;
import io.branchbox.time.Scheduler;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Connects the box to the central office: builds the uplink's settings from the configuration
 * document (the MQTT password is read from its own file, never from the document) and turns
 * snapshots into the birth inventory and the periodic health report.
 */
public final class UplinkWiring {
    private UplinkWiring() {}

    /** The uplink for {@code box}, not yet started; null when the document disables it. */
    public static UplinkService create(BoxRuntime box, Scheduler scheduler) throws IOException {
        BoxConfig c = box.config();
        BoxConfig.Uplink u = c.uplink();
        if (!u.enabled()) {
            return null;
        }
        UplinkSettings s = settings(c, u, box.dataDir(), "");
        UplinkService service = new UplinkService(s, box.dataDir().resolve("outbox"), scheduler,
                () -> inventory(box), () -> health(box.snapshot()), new BoxCommands(box));
        // refused credentials or an untrusted certificate: one local alarm (the uplink cannot carry it)
        service.onRefusal(a -> {
            if (a.severity() == io.branchbox.firmware.uplink.Alarm.Severity.CLEARED) {
                box.faults().clear(a.code());
            } else {
                box.faults().raise(a.code(), a.severity(), a.text(), a.details());
            }
        });
        box.reportUplink(() -> {
            UplinkStatus st = service.status();
            return new BoxSnapshot.Uplink(st.state(), st.queued());
        });
        return service;
    }

    /**
     * The uplink settings of {@code u} for site {@code c}, files relative to {@code dataDir};
     * {@code clientIdSuffix} is appended to the box's client id (a probe must not take over the
     * running uplink's session at the broker).
     */
    public static UplinkSettings settings(BoxConfig c, BoxConfig.Uplink u, Path dataDir, String clientIdSuffix)
            throws IOException {
        Secret password = u.passwordFile().isEmpty() ? Secret.NONE
                : Secret.of(Files.readString(dataDir.resolve(u.passwordFile())).strip());
        UplinkSettings d = UplinkSettings.defaults(u.serverUri(), c.site().siteId(), c.site().boxId());
        UplinkSettings.TlsOptions tls = u.caFile().isEmpty() && u.clientCertFile().isEmpty()
                ? UplinkSettings.TlsOptions.NONE
                : new UplinkSettings.TlsOptions(path(dataDir, u.caFile()), path(dataDir, u.clientCertFile()),
                        path(dataDir, u.clientKeyFile()), Secret.NONE);
        return new UplinkSettings(true,
                u.protocol() == BoxConfig.MqttProtocol.MQTT_3_1_1 ? UplinkSettings.Protocol.MQTT_3_1_1
                        : UplinkSettings.Protocol.MQTT_5,
                u.serverUri(), d.clientId() + clientIdSuffix, u.username(), password, u.topicPrefix(), c.site().siteId(),
                c.site().boxId(), d.keepAlive(), tls, d.reconnectMin(), d.reconnectMax(),
                Duration.ofSeconds(u.healthIntervalS()), d.inflightWindow(), d.outboxCapacity())
                .withCommands(u.commandKeyFile().isEmpty() ? CommandSettings.OFF
                        : new CommandSettings(true, dataDir.resolve(u.commandKeyFile()), null));
    }

    private static Path path(Path dataDir, String file) {
        return file.isEmpty() ? null : dataDir.resolve(file);
    }

    static Map<String, ?> inventory(BoxRuntime box) {
        BoxSnapshot s = box.snapshot();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("boardSerial", s.board().serial());
        m.put("boardFirmware", s.board().firmware());
        m.put("spans", box.config().spans().stream().filter(BoxConfig.Span::enabled).map(BoxConfig.Span::span).toList());
        m.put("seats", box.config().agents().stream().filter(a -> a.seat() > 0).count());
        m.put("configRevision", box.config().revision());
        m.put("firmware", version());
        return m;
    }

    static Map<String, ?> health(BoxSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("board", Map.of("state", s.board().state(), "reason", s.board().reason(), "counters", s.board().counters()));
        List<Map<String, Object>> spans = s.spans().stream().map(sp -> Map.<String, Object>of(
                "span", sp.span(), "layer1Up", sp.layer1Up(), "layer2Up", sp.layer2Up(), "alarms", sp.alarms(),
                "busy", sp.busy(), "idle", sp.idle(), "blocked", sp.blocked(),
                "restartUnacknowledged", sp.restartUnacknowledged(), "refusalsByCause", refusals(sp))).toList();
        m.put("spans", spans);
        m.put("fxoLines", s.fxo().stream().map(f -> Map.<String, Object>of("port", f.port(), "state", f.state(),
                "lineUp", f.lineUp())).toList());
        m.put("callsInProgress", s.calls().size());
        m.put("callsWaiting", s.queues().stream().mapToInt(BoxSnapshot.QueueInfo::waiting).sum());
        m.put("agents", s.agents().stream().collect(java.util.stream.Collectors.groupingBy(
                BoxSnapshot.AgentInfo::state, LinkedHashMap::new, java.util.stream.Collectors.counting())));
        m.put("recording", Map.of("healthy", s.recording().healthy(), "framesLost", s.recording().framesLost(),
                "coverageTodayPercent", s.recording().coveragePercent(), "callsWithoutRecording",
                s.recording().coverageGaps(), "storageLevel", s.recording().storageLevel(),
                "freeBytes", s.recording().freeBytes()));
        Runtime rt = Runtime.getRuntime();
        m.put("jvm", Map.of("heapUsedBytes", rt.totalMemory() - rt.freeMemory(), "heapMaxBytes", rt.maxMemory(),
                "systemLoad", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        m.put("uptimeS", Duration.between(s.startedAt(), s.takenAt()).toSeconds());
        m.put("firmware", version());
        return m;
    }

    /** Refused SETUPs since start by cause, keys as strings ("44") so JSON readers see an object. */
    private static Map<String, Long> refusals(BoxSnapshot.Span sp) {
        Map<String, Long> m = new LinkedHashMap<>();
        sp.refusals().forEach((cause, n) -> m.put(String.valueOf(cause), n));
        return m;
    }

    private static String version() {
        String v = UplinkWiring.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
