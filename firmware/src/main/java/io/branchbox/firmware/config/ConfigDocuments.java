package io.branchbox.firmware.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Map;

/**
 * Reads, writes and creates configuration documents (JSON).
 *
 * <p>Reading is strict: an unknown field (a typo such as {@code "retentionDay"}) is an error, not
 * silently ignored, and a document is returned only when {@link ConfigValidator} finds nothing.
 * Documents of an older schema are upgraded first ({@link ConfigMigrations}).
 * Writing is atomic (temporary file, force, rename) so a power cut leaves either the old or the
 * new document, never half of one. Thread-safe.
 */
public final class ConfigDocuments {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ConfigDocuments() {}

    /**
     * Parses, upgrades and validates a document with {@link ConfigParser}: every problem at once,
     * each with its JSON path and code.
     */
    public static BoxConfig parse(String json) throws ConfigException {
        return ConfigParser.parse(json, MAPPER);
    }

    /** As {@link #parse(String)} for raw bytes (an upload): binary content is refused in one line. */
    public static BoxConfig parse(byte[] bytes) throws ConfigException {
        return ConfigParser.parse(bytes, MAPPER);
    }

    /**
     * Reads and validates a document file. A directory, or a file that is not UTF-8 text, is a
     * {@link ConfigException} with one clear line; a missing file is {@link java.nio.file.NoSuchFileException}.
     */
    public static BoxConfig read(Path file) throws IOException, ConfigException {
        if (Files.isDirectory(file)) {
            throw new ConfigException(List.of(new ConfigError("document", "config.err.directory",
                    List.of(file.toString()), file + " is a directory, not a configuration document")));
        }
        return parse(Files.readAllBytes(file));
    }

    /** The document as a JSON tree, for diffs and the web editor. */
    public static com.fasterxml.jackson.databind.JsonNode toTree(BoxConfig c) {
        return MAPPER.valueToTree(c);
    }

    public static String toJson(BoxConfig c) {
        try {
            return MAPPER.writeValueAsString(c);
        } catch (JacksonException e) {
            throw new IllegalStateException("a BoxConfig always serialises", e);
        }
    }

    /** Writes {@code c} to {@code file} atomically and durably. */
    public static void write(Path file, BoxConfig c) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, toJson(c));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The factory document: one E1 span, the six agents of a county hotline (two per shift), the
     * repair, inquiry and complaint queues of the brief, a main menu (1 repair, 2 inquiry,
     * 3 complaint, 0 an agent), always open (the brief's hotline is staffed around the clock by
     * rota), and the built-in Mandarin prompt set ({@code zh-cn}). It works out of the box on the default board; the
     * technician changes site ids and names.
     */
    public static BoxConfig defaults() {
        List<String> all = List.of("inquiry", "repair", "complaint");
        BoxConfig.Step toInquiry = new BoxConfig.Step(BoxConfig.StepAction.QUEUE, "inquiry", 0);
        BoxConfig.Menu main = new BoxConfig.Menu("main", "main-menu", 5, 2, "invalid-choice",
                Map.of("1", new BoxConfig.Step(BoxConfig.StepAction.QUEUE, "repair", 0),
                        "2", toInquiry,
                        "3", new BoxConfig.Step(BoxConfig.StepAction.QUEUE, "complaint", 0),
                        "0", toInquiry),
                toInquiry);
        return new BoxConfig(
                BoxConfig.SCHEMA,
                1,
                new BoxConfig.Site("site-1", "box-1", "Branch hotline", "Asia/Shanghai"),
                new BoxConfig.Board("/dev/ttyACM0", 3_000_000, false),
                new BoxConfig.Pins(17, 27, 5, 6, 13, 19, 26, 1,
                        List.of(new BoxConfig.SeatExpander(0x20, 23), new BoxConfig.SeatExpander(0x21, 24))),
                List.of(new BoxConfig.Span(0, true, BoxConfig.Framing.CRC4, BoxConfig.ClockSource.LINE)),
                List.of(
                        new BoxConfig.Agent("agent1", "Agent 1", 1, all),
                        new BoxConfig.Agent("agent2", "Agent 2", 2, all),
                        new BoxConfig.Agent("agent3", "Agent 3", 3, all),
                        new BoxConfig.Agent("agent4", "Agent 4", 4, all),
                        new BoxConfig.Agent("agent5", "Agent 5", 5, all),
                        new BoxConfig.Agent("agent6", "Agent 6", 6, all)),
                List.of(
                        queue("inquiry"),
                        queue("repair"),
                        queue("complaint")),
                new BoxConfig.Ivr("greeting", "inquiry", Map.of("95598", "inquiry"), "survey", "main", List.of(main),
                        Map.of(), "zh-cn"),
                new BoxConfig.Recording("recordings", 183, true),
                new BoxConfig.Uplink(false, BoxConfig.MqttProtocol.MQTT_5, "tcp://127.0.0.1:1883", "", "", "branchbox", 60, 900,
                        "", "", "", ""),
                new BoxConfig.Web("0.0.0.0", 8080),
                List.of(),
                new BoxConfig.Outbound(List.of(), "HIGHEST_FIRST", "PREFERRED", 4, 2, 60),
                defaultHours(),
                defaultConsole(),
                defaultAppliance(),
                defaultShifts(),
                defaultQa(),
                defaultWorkOrders(),
                defaultKpi());
    }

    /** A daily backup at 03:00 without recordings, the last 7 kept; first boot looks in /boot and on a USB stick. */
    static BoxConfig.Appliance defaultAppliance() {
        return new BoxConfig.Appliance(new BoxConfig.Backup(true, 3, 7, "backups", false),
                List.of("/boot/branchbox", "/media/usb/branchbox"));
    }

    private static BoxConfig.Queue queue(String name) {
        return new BoxConfig.Queue(name, BoxConfig.Strategy.LONGEST_IDLE, 12, 10, 600, "", BoxConfig.Overflow.CALLBACK,
                0, "", 0, 60);
    }

    /** Always open; when a technician sets hours, callers outside them hear "closed" and may book a callback. */
    static BoxConfig.Hours defaultHours() {
        return new BoxConfig.Hours(List.of(), List.of(), List.of(),
                new BoxConfig.NightService(BoxConfig.NightAction.CALLBACK, "closed", "", "inquiry"));
    }

    /** The industry's service level: 80 % of calls answered within 20 s. */
    static BoxConfig.Kpi defaultKpi() {
        return new BoxConfig.Kpi(20, 80);
    }

    /**
     * The brief's rota: on workdays morning 08:30–17:30 and evening 17:30–22:00, with a lunch cover
     * 12:00–14:00 over the morning; weekends and holidays a day shift 08:30–22:00; every night
     * 22:00–08:30. Nights and weekends rotate their lead week by week (from Monday 2026-01-05 and
     * Saturday 2026-01-03). The first three keep the ids and times of the earlier rota.
     */
    public static List<BoxConfig.Shift> defaultShifts() {
        List<BoxConfig.ShiftDays> workdays = List.of(BoxConfig.ShiftDays.MON, BoxConfig.ShiftDays.TUE,
                BoxConfig.ShiftDays.WED, BoxConfig.ShiftDays.THU, BoxConfig.ShiftDays.FRI);
        return List.of(
                new BoxConfig.Shift("morning", "早班", "08:30", "17:30", workdays, false, BoxConfig.Rotation.NONE),
                new BoxConfig.Shift("evening", "晚班", "17:30", "22:00", workdays, false, BoxConfig.Rotation.NONE),
                new BoxConfig.Shift("night", "夜班", "22:00", "08:30", List.of(BoxConfig.ShiftDays.values()), false,
                        new BoxConfig.Rotation("2026-01-05", 7, List.of("agent5", "agent6"))),
                new BoxConfig.Shift("weekend", "周末班", "08:30", "22:00", List.of(BoxConfig.ShiftDays.SAT,
                        BoxConfig.ShiftDays.SUN, BoxConfig.ShiftDays.HOLIDAY), false,
                        new BoxConfig.Rotation("2026-01-03", 7, List.of("agent1", "agent3"))),
                new BoxConfig.Shift("lunch", "午间补位", "12:00", "14:00", workdays, true, BoxConfig.Rotation.NONE));
    }

    /** The brief's QA rules: 5 %, 3 per agent and shift, 20 per agent and month, six months. */
    public static BoxConfig.Qa defaultQa() {
        return new BoxConfig.Qa(5.0, 3, 20, 183, 600, 20);
    }

    /**
     * The factory work-order deadlines (dispatch 10 min, arrival 45 min in town / 90 min
     * rural, callback 24 h after completion, complaint feedback 24 h, case registration 5 min),
     * no crews (their PINs live in {@code crew-pins.properties}, never a default), a lead for each
     * factory shift.
     */
    public static BoxConfig.WorkOrders defaultWorkOrders() {
        return new BoxConfig.WorkOrders(
                new BoxConfig.WorkOrderDeadlines(10, 45, 90, 24, 30, 24, 30, 24, 5, 60),
                List.of(),
                List.of(new BoxConfig.ShiftLead("morning", "agent1"), new BoxConfig.ShiftLead("evening", "agent3"),
                        new BoxConfig.ShiftLead("night", "agent5"), new BoxConfig.ShiftLead("weekend", "agent1"),
                        new BoxConfig.ShiftLead("lunch", "agent2")),
                "crew-pins.properties", "", "");
    }

    static BoxConfig.Console defaultConsole() {
        return new BoxConfig.Console(2,
                List.of("break", "meal", "meeting", "training", "away-from-seat"),
                List.of("answered", "repair-order", "complaint", "callback-needed", "forwarded", "wrong-number"),
                3, 600);
    }
}
