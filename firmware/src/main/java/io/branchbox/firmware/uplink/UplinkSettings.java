package io.branchbox.firmware.uplink;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the uplink needs to reach the central office's MQTT broker.
 *
 * <p>Immutable; {@link #toString()} is safe to log because the password and key pass phrase are
 * {@link Secret}s. The compact constructor only rejects nulls and impossible numbers;
 * {@link #validate()} checks the rest (URI scheme, topic segments, TLS files) and is called by
 * {@link UplinkService#start()}, which reports a failure as status instead of throwing.
 *
 * @param enabled         false keeps the service in {@link UplinkState#DISABLED}
 * @param protocol        MQTT 5 in production; 3.1.1 for brokers without MQTT 5
 * @param serverUri       {@code tcp://host:port} or {@code ssl://host:port}
 * @param clientId        MQTT client id; must be unique per box at the broker, or two boxes
 *                        would keep kicking each other off
 * @param username        broker user name, empty for anonymous
 * @param password        broker password, {@link Secret#NONE} for none
 * @param topicPrefix     first topic level(s), e.g. {@code "branchbox"} or {@code "acme/bb"}
 * @param siteId          one topic level naming the branch site
 * @param boxId           one topic level naming the box within the site
 * @param keepAlive       MQTT keep-alive; the broker declares the box lost (and publishes the
 *                        Last Will) after 1.5 times this without traffic
 * @param tls             TLS material for {@code ssl://}; {@link TlsOptions#NONE} otherwise
 * @param reconnectMin    first retry delay after a failed or lost connection
 * @param reconnectMax    cap of the doubling retry delay
 * @param healthInterval  period of the health report the owner is expected to publish
 * @param inflightWindow  QoS 1 messages sent and not yet acknowledged at one time, normally
 * @param outboxCapacity  messages the outbox holds before it starts dropping
 * @param drainWindow     the raised window used while a backlog drains (more than
 *                        {@code inflightWindow} messages queued, typically after a reconnect);
 *                        at least {@code inflightWindow}
 * @param commands        commands from the office; {@link CommandSettings#OFF} by default
 */
public record UplinkSettings(
        boolean enabled,
        Protocol protocol,
        String serverUri,
        String clientId,
        String username,
        Secret password,
        String topicPrefix,
        String siteId,
        String boxId,
        Duration keepAlive,
        TlsOptions tls,
        Duration reconnectMin,
        Duration reconnectMax,
        Duration healthInterval,
        int inflightWindow,
        int outboxCapacity,
        int drainWindow,
        CommandSettings commands) {

    /** Messages in flight while a backlog drains, unless set otherwise. */
    public static final int DEFAULT_DRAIN_WINDOW = 100;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** MQTT protocol level spoken to the broker. */
    public enum Protocol { MQTT_5, MQTT_3_1_1 }

    /**
     * TLS material, all PEM files. A null {@code caFile} trusts the JVM's default authorities; a
     * null {@code clientCertFile} means no client certificate. The key must be unencrypted PKCS#8
     * ({@code BEGIN PRIVATE KEY}) when {@code clientKeyPassword} is empty.
     */
    public record TlsOptions(Path caFile, Path clientCertFile, Path clientKeyFile, Secret clientKeyPassword) {
        public static final TlsOptions NONE = new TlsOptions(null, null, null, Secret.NONE);

        public TlsOptions {
            clientKeyPassword = clientKeyPassword == null ? Secret.NONE : clientKeyPassword;
        }
    }

    public UplinkSettings {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(clientId, "clientId");
        username = username == null ? "" : username;
        password = password == null ? Secret.NONE : password;
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(boxId, "boxId");
        Objects.requireNonNull(keepAlive, "keepAlive");
        tls = tls == null ? TlsOptions.NONE : tls;
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        Objects.requireNonNull(healthInterval, "healthInterval");
        if (inflightWindow < 1 || outboxCapacity < 1) {
            throw new IllegalArgumentException("inflightWindow and outboxCapacity must be positive");
        }
        if (drainWindow < inflightWindow) {
            throw new IllegalArgumentException("drainWindow must be at least inflightWindow: " + drainWindow);
        }
        commands = commands == null ? CommandSettings.OFF : commands;
    }

    /**
     * Settings without the later additions: drain window {@link #DEFAULT_DRAIN_WINDOW} (or
     * {@code inflightWindow} if larger), commands off.
     */
    public UplinkSettings(boolean enabled, Protocol protocol, String serverUri, String clientId, String username,
            Secret password, String topicPrefix, String siteId, String boxId, Duration keepAlive, TlsOptions tls,
            Duration reconnectMin, Duration reconnectMax, Duration healthInterval, int inflightWindow,
            int outboxCapacity) {
        this(enabled, protocol, serverUri, clientId, username, password, topicPrefix, siteId, boxId, keepAlive, tls,
                reconnectMin, reconnectMax, healthInterval, inflightWindow, outboxCapacity,
                Math.max(inflightWindow, DEFAULT_DRAIN_WINDOW), CommandSettings.OFF);
    }

    /**
     * Settings with the defaults the box ships with: MQTT 5, keep-alive 30 s (a dead box is
     * noticed within 45 s), reconnect 1 s doubling to 25 s (with
     * jitter; so a box is back within 30 s of the broker's return), health every 60 s, ten messages in
     * flight (100 while a backlog drains), 50,000 queued messages (about a month of health and
     * figures on a dead county link), commands off.
     */
    /**
     * The longest wait between reconnect attempts by default. Issue 13: after a broker outage the
     * box waited 82 s (a 5 min cap); with 25 s the next attempt after the broker's return comes
     * within 25 s, leaving 5 s for the connect itself. Jitter (Backoff) still spreads a fleet.
     */
    public static final Duration RECONNECT_CAP = Duration.ofSeconds(25);

    public static UplinkSettings defaults(String serverUri, String siteId, String boxId) {
        return new UplinkSettings(true, Protocol.MQTT_5, serverUri, "bb-" + siteId + "-" + boxId, "",
                Secret.NONE, "branchbox", siteId, boxId, Duration.ofSeconds(30), TlsOptions.NONE,
                Duration.ofSeconds(1), RECONNECT_CAP, Duration.ofSeconds(60), 10, 50_000, DEFAULT_DRAIN_WINDOW,
                CommandSettings.OFF);
    }

    /** A copy with another server URI (tests use ephemeral ports). */
    public UplinkSettings withServerUri(String uri) {
        return new UplinkSettings(enabled, protocol, uri, clientId, username, password, topicPrefix, siteId,
                boxId, keepAlive, tls, reconnectMin, reconnectMax, healthInterval, inflightWindow, outboxCapacity,
                drainWindow, commands);
    }

    /** A copy speaking another protocol level. */
    public UplinkSettings withProtocol(Protocol p) {
        return new UplinkSettings(enabled, p, serverUri, clientId, username, password, topicPrefix, siteId,
                boxId, keepAlive, tls, reconnectMin, reconnectMax, healthInterval, inflightWindow, outboxCapacity,
                drainWindow, commands);
    }

    /** A copy with other reconnect delays. */
    public UplinkSettings withReconnect(Duration min, Duration max) {
        return new UplinkSettings(enabled, protocol, serverUri, clientId, username, password, topicPrefix, siteId,
                boxId, keepAlive, tls, min, max, healthInterval, inflightWindow, outboxCapacity, drainWindow, commands);
    }

    /** A copy with other in-flight windows (normal, and while a backlog drains). */
    public UplinkSettings withWindows(int inflight, int drain) {
        return new UplinkSettings(enabled, protocol, serverUri, clientId, username, password, topicPrefix, siteId,
                boxId, keepAlive, tls, reconnectMin, reconnectMax, healthInterval, inflight, outboxCapacity, drain,
                commands);
    }

    /** A copy with another outbox capacity. */
    public UplinkSettings withOutboxCapacity(int capacity) {
        return new UplinkSettings(enabled, protocol, serverUri, clientId, username, password, topicPrefix, siteId,
                boxId, keepAlive, tls, reconnectMin, reconnectMax, healthInterval, inflightWindow, capacity,
                drainWindow, commands);
    }

    /** A copy with other command settings. */
    public UplinkSettings withCommands(CommandSettings c) {
        return new UplinkSettings(enabled, protocol, serverUri, clientId, username, password, topicPrefix, siteId,
                boxId, keepAlive, tls, reconnectMin, reconnectMax, healthInterval, inflightWindow, outboxCapacity,
                drainWindow, c);
    }

    /** True when the box subscribes to commands from the office (off by default). */
    public boolean commandsEnabled() {
        return commands.enabled();
    }

    /** True for {@code ssl://} URIs. */
    public boolean usesTls() {
        return serverUri.startsWith("ssl://");
    }

    /** Checks what the constructor cannot: URI form, topic segments, durations, TLS files. */
    public void validate() throws UplinkException {
        URI uri;
        try {
            uri = URI.create(serverUri);
        } catch (IllegalArgumentException e) {
            throw config("serverUri is not a URI: " + serverUri);
        }
        if (!"tcp".equals(uri.getScheme()) && !"ssl".equals(uri.getScheme())) {
            throw config("serverUri must start with tcp:// or ssl://: " + serverUri);
        }
        if (uri.getHost() == null || uri.getPort() <= 0) {
            throw config("serverUri needs a host and a port: " + serverUri);
        }
        for (String prefixPart : topicPrefix.split("/", -1)) {
            requireSegment("topicPrefix", prefixPart);
        }
        requireSegment("siteId", siteId);
        requireSegment("boxId", boxId);
        if (clientId.isEmpty() || clientId.length() > 23 && protocol == Protocol.MQTT_3_1_1) {
            // 3.1.1 servers need only accept 1..23 characters; MQTT 5 servers often allow more
            throw config("clientId must be 1..23 characters for MQTT 3.1.1: " + clientId);
        }
        if (keepAlive.toSeconds() < 1 || keepAlive.toSeconds() > 65_535) {
            throw config("keepAlive must be 1..65535 s: " + keepAlive);
        }
        if (reconnectMin.isNegative() || reconnectMin.isZero() || reconnectMax.compareTo(reconnectMin) < 0) {
            throw config("reconnect delays need 0 < min <= max: " + reconnectMin + ", " + reconnectMax);
        }
        if (healthInterval.isNegative() || healthInterval.isZero()) {
            throw config("healthInterval must be positive: " + healthInterval);
        }
        requireReadable(tls.caFile());
        requireReadable(tls.clientCertFile());
        requireReadable(tls.clientKeyFile());
        if ((tls.clientCertFile() == null) != (tls.clientKeyFile() == null)) {
            throw config("client certificate and key must be given together");
        }
        commands.validate();
    }

    private static void requireSegment(String what, String value) throws UplinkException {
        if (!SEGMENT.matcher(value).matches()) {
            throw config(what + " must be 1..64 of [A-Za-z0-9._-] per level: '" + value + "'");
        }
    }

    private static void requireReadable(Path p) throws UplinkException {
        if (p != null && !Files.isReadable(p)) {
            throw config("TLS file not readable: " + p);
        }
    }

    private static UplinkException config(String message) {
        return new UplinkException(UplinkException.Reason.CONFIGURATION, message);
    }
}
