package io.branchbox.firmware.uplink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.branchbox.time.ManualScheduler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Commands from the office through the whole service, in virtual time with a recording link:
 * off by default (no subscription), HMAC, age and replay checks, the three commands, the
 * replies (schema-valid) and the log (every command, never the HMAC or the key).
 */
class UplinkCommandsTest {

    private static final String KEY = "k3y-for-tests-only-0123456789abcdef";
    private static final String CMD_TOPIC = "branchbox/s1/b1/cmd/";
    private static final String REPLY_TOPIC = "branchbox/s1/b1/cmd-reply";

    @TempDir
    Path dir;

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<FakeLink> links = new ArrayList<>();
    private final List<CommandHandler.CaptureRequest> captures = new ArrayList<>();
    private UplinkService uplink;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger commandLog = (Logger) LoggerFactory.getLogger(UplinkCommands.class);

    private final CommandHandler handler = new CommandHandler() {
        @Override
        public CaptureResult capture(CaptureRequest request) {
            captures.add(request);
            boolean stop = request.action() == CaptureAction.STOP;
            return new CaptureResult(request.span(), !stop, stop ? "/data/captures/span0.pcap" : "", stop ? 2048 : 0);
        }

        @Override
        public Map<String, ?> configuration() {
            return Map.of("site", Map.of("siteId", "s1"), "revision", 7);
        }

        @Override
        public Map<String, ?> update(java.net.URI url) {
            updates.add(url);
            return Map.of("url", url.toString(), "started", true);
        }
    };
    private final List<java.net.URI> updates = new ArrayList<>();

    @BeforeEach
    void captureLog() {
        // the test logging configuration may be quieter than INFO; accepted commands log at INFO
        commandLog.setLevel(Level.INFO);
        logged.start();
        commandLog.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        commandLog.detachAppender(logged);
        commandLog.setLevel(null);
    }

    @Test
    void disabledByDefaultMeansNoSubscriptionAndNoReplies() throws Exception {
        FakeLink link = connect(BrokerTests.settings("tcp://broker.test:1883", Duration.ofSeconds(1)));
        assertTrue(link.subscriptions.isEmpty(), "no subscription at all");

        link.events.messageArrived(CMD_TOPIC + "health", signed("c-1", "health", Map.of(), now()));
        scheduler.runPending();
        assertTrue(replies(link).isEmpty());
    }

    @Test
    void acceptedHealthCommandPublishesASnapshotAndRepliesOk() throws Exception {
        FakeLink link = connect(enabled());
        assertEquals(List.of("branchbox/s1/b1/cmd/#"), link.subscriptions);

        link.events.messageArrived(CMD_TOPIC + "health", signed("c-1", "health", Map.of(), now()));
        scheduler.runPending();

        JsonNode reply = onlyReply(link);
        assertEquals("c-1", reply.get("command").asText());
        assertEquals("ok", reply.get("status").asText());
        long healthId = reply.get("result").get("healthId").asLong();
        // the snapshot goes straight out, tagged with its negative id like status and birth
        FakeLink.Sent health = link.sent.stream().filter(s -> s.tag() == -healthId).findFirst().orElseThrow();
        assertEquals("branchbox/s1/b1/health", health.message().topic());
        assertEquals(healthId, Schemas.assertValid("health", text(health.message().payload())).get("id").asLong());
        assertTrue(logged("Command accepted: id 'c-1' cmd 'health'"));
    }

    @Test
    void captureAndConfigGoToTheHandler() throws Exception {
        FakeLink link = connect(enabled());
        link.events.messageArrived(CMD_TOPIC + "capture",
                signed("c-2", "capture", Map.of("action", "stop", "span", 0), now()));
        link.events.messageArrived(CMD_TOPIC + "config", signed("c-3", "config", Map.of(), now()));
        scheduler.runPending();

        List<JsonNode> replies = replies(link);
        assertEquals(List.of(new CommandHandler.CaptureRequest(CommandHandler.CaptureAction.STOP, 0)), captures);
        assertEquals("/data/captures/span0.pcap", replies.get(0).get("result").get("pcap").asText());
        assertEquals(2048, replies.get(0).get("result").get("pcapBytes").asLong());
        assertEquals(7, replies.get(1).get("result").get("config").get("revision").asInt());
    }

    @Test
    void anUpdateCommandHandsTheSignedPackagesAddressToTheHandler() throws Exception {
        FakeLink link = connect(enabled());
        link.events.messageArrived(CMD_TOPIC + "update",
                signed("u-1", "update", Map.of("url", "https://office.example/fw/branchbox-0.2.0.bbu"), now()));
        link.events.messageArrived(CMD_TOPIC + "update", signed("u-2", "update", Map.of("url", "file:///etc/passwd"), now()));
        scheduler.runPending();

        List<JsonNode> replies = replies(link);
        assertEquals(List.of(java.net.URI.create("https://office.example/fw/branchbox-0.2.0.bbu")), updates);
        assertEquals("ok", replies.get(0).get("status").asText());
        assertTrue(replies.get(0).get("result").get("started").asBoolean());
        assertEquals("failed", replies.get(1).get("status").asText());
        assertTrue(replies.get(1).get("result").get("detail").asText().contains("update needs args"));
    }

    @Test
    void badHmacIsRejectedAndNothingIsDone() throws Exception {
        FakeLink link = connect(enabled());
        ObjectNode cmd = command("c-4", "capture", Map.of("action", "start", "span", 0), now());
        cmd.put("hmac", CommandSigner.sign(Secret.of("not-the-box-key-not-the-box-key-!"), cmd));
        link.events.messageArrived(CMD_TOPIC + "capture", cmd.toString().getBytes(StandardCharsets.UTF_8));
        scheduler.runPending();

        JsonNode reply = onlyReply(link);
        assertEquals("rejected", reply.get("status").asText());
        assertEquals("bad-hmac", reply.get("reason").asText());
        assertTrue(captures.isEmpty());
        assertTrue(logged("Command rejected: id 'c-4' cmd 'capture'"));
        assertFalse(logged(cmd.get("hmac").asText()), "the HMAC is never logged");
    }

    @Test
    void staleCommandsAreRejectedEitherWay() throws Exception {
        FakeLink link = connect(enabled());
        scheduler.advance(Duration.ofMinutes(10));
        link.events.messageArrived(CMD_TOPIC + "health", signed("old", "health", Map.of(), now().minusSeconds(301)));
        link.events.messageArrived(CMD_TOPIC + "health", signed("future", "health", Map.of(), now().plusSeconds(301)));
        link.events.messageArrived(CMD_TOPIC + "health",
                signed("before-start", "health", Map.of(), Instant.parse("2025-12-31T23:59:59Z")));
        scheduler.runPending();

        List<JsonNode> replies = replies(link);
        assertEquals(List.of("stale", "stale", "stale"), replies.stream().map(r -> r.get("reason").asText()).toList());
    }

    @Test
    void aReplayedIdIsRejected() throws Exception {
        FakeLink link = connect(enabled());
        byte[] cmd = signed("c-5", "capture", Map.of("action", "start", "span", 1), now());
        link.events.messageArrived(CMD_TOPIC + "capture", cmd);
        link.events.messageArrived(CMD_TOPIC + "capture", cmd);
        scheduler.runPending();

        List<JsonNode> replies = replies(link);
        assertEquals("ok", replies.get(0).get("status").asText());
        assertEquals("replay", replies.get(1).get("reason").asText());
        assertEquals(1, captures.size(), "carried out once");
    }

    @Test
    void malformedWrongTargetAndUnknownCommandsAreRejectedWithReasons() throws Exception {
        FakeLink link = connect(enabled());
        link.events.messageArrived(CMD_TOPIC + "x", "not json\n".getBytes(StandardCharsets.UTF_8));
        ObjectNode other = command("c-6", "health", Map.of(), now()).put("box", "b2");
        CommandSigner.signInPlace(Secret.of(KEY), other);
        link.events.messageArrived(CMD_TOPIC + "health", other.toString().getBytes(StandardCharsets.UTF_8));
        link.events.messageArrived(CMD_TOPIC + "reboot", signed("c-7", "reboot", Map.of(), now()));
        scheduler.runPending();

        assertEquals(List.of("malformed", "wrong-target", "unknown-command"),
                replies(link).stream().map(r -> r.get("reason").asText()).toList());
        // an unknown command passed the gate (signed, fresh) and is counted as accepted
        assertArrayEquals(new long[] {1, 2}, uplink.commandCounts());
    }

    @Test
    void enabledWithoutAUsableKeyKeepsTheServiceDisabled() throws Exception {
        Path shortKey = Files.writeString(dir.resolve("short.key"), "too-short");
        uplink = service(enabled().withCommands(CommandSettings.enabledWithKey(shortKey)));
        uplink.start();
        assertEquals(UplinkState.DISABLED, uplink.status().state());
        assertTrue(uplink.status().lastError().contains("shorter than 32 bytes"), uplink.status().lastError());
        assertFalse(uplink.status().lastError().contains("too-short"), "the key itself is never shown");
    }

    private UplinkSettings enabled() throws Exception {
        Path key = Files.writeString(dir.resolve("cmd.key"), KEY + "\n");
        return BrokerTests.settings("tcp://broker.test:1883", Duration.ofSeconds(1))
                .withCommands(CommandSettings.enabledWithKey(key));
    }

    private FakeLink connect(UplinkSettings settings) {
        uplink = service(settings);
        uplink.start();
        scheduler.runPending();
        FakeLink link = links.get(links.size() - 1);
        link.events.connected();
        scheduler.advance(Duration.ofMinutes(1));
        return link;
    }

    private UplinkService service(UplinkSettings settings) {
        return new UplinkService(settings, dir.resolve("data"), scheduler, Map::of, () -> Map.of("cpuLoad", 0.5),
                handler, (s, events) -> {
                    FakeLink link = new FakeLink(events);
                    links.add(link);
                    return link;
                }, () -> 0.0);
    }

    private Instant now() {
        return scheduler.clock().instant();
    }

    private static ObjectNode command(String id, String cmd, Map<String, ?> args, Instant ts) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("schema", "branchbox.command/1").put("id", id).put("site", "s1").put("box", "b1")
                .put("ts", ts.toString()).put("cmd", cmd);
        o.set("args", Schemas.parse(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(args).toString()));
        return o;
    }

    private static byte[] signed(String id, String cmd, Map<String, ?> args, Instant ts) {
        ObjectNode o = CommandSigner.signInPlace(Secret.of(KEY), command(id, cmd, args, ts));
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> replies(FakeLink link) {
        return link.sent.stream().filter(s -> s.message().topic().equals(REPLY_TOPIC))
                .map(s -> Schemas.assertValid("cmd-reply", text(s.message().payload()))).toList();
    }

    private static JsonNode onlyReply(FakeLink link) {
        List<JsonNode> r = replies(link);
        assertEquals(1, r.size(), "one reply");
        return r.get(0);
    }

    private boolean logged(String fragment) {
        return logged.list.stream().anyMatch(e -> e.getFormattedMessage().contains(fragment));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
