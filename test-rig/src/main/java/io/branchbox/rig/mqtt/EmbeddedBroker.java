package io.branchbox.rig.mqtt;

import io.moquette.broker.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Moquette MQTT broker standing in for the central office's broker in the demo and in
 * end-to-end tests.
 *
 * <p>Listens on 127.0.0.1 only, allows anonymous clients, no TLS, no WebSocket, no telemetry.
 * Persistence is off unless a directory is given; with one, retained messages and persistent
 * sessions survive {@link #close()} and a restart on the same port, which is how tests model a
 * broker outage.
 *
 * <p>Pitfalls: Moquette 0.17 speaks MQTT 3.1 and 3.1.1 only and refuses MQTT 5 CONNECTs, so a box
 * pointed at it must use {@code UplinkSettings.Protocol.MQTT_3_1_1}. It also delivers a Last Will
 * to current subscribers but ignores the Will's RETAIN flag, so a late subscriber does not see a
 * dead box's retained {@code offline} status; use a real broker (Mosquitto) to check that.
 *
 * <p>Threading: start and close from one thread; {@link #port()} and {@link #uri()} from any.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final Server server = new Server();
    private final int port;

    private EmbeddedBroker(int port, Path persistenceDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("immediate_buffer_flush", "true");
        if (persistenceDir == null) {
            p.setProperty("persistence_enabled", "false");
        } else {
            p.setProperty("persistence_enabled", "true");
            p.setProperty("data_path", persistenceDir.toAbsolutePath().toString());
        }
        server.startServer(p);
        this.port = port;
        log.info("MQTT broker listening on 127.0.0.1:{} (persistence {})", port,
                persistenceDir == null ? "off" : persistenceDir);
    }

    /** Starts a broker without persistence on a free loopback port. */
    public static EmbeddedBroker start() throws IOException {
        return new EmbeddedBroker(freePort(), null);
    }

    /** Starts a broker on {@code port} (0 for a free one), without persistence. */
    public static EmbeddedBroker start(int port) throws IOException {
        return new EmbeddedBroker(port == 0 ? freePort() : port, null);
    }

    /** Starts a broker on {@code port} (0 for a free one) that keeps its state in {@code dir}. */
    public static EmbeddedBroker start(int port, Path dir) throws IOException {
        return new EmbeddedBroker(port == 0 ? freePort() : port, dir);
    }

    /** A loopback port that was free a moment ago, for a broker that will be started later. */
    public static int freePort() {
        // Moquette reports the port it bound for port 0 only asynchronously, so one is chosen here
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:<port>}, ready for {@code UplinkSettings.serverUri}. */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Stops the broker; clients see their connection drop. Takes about two seconds. */
    @Override
    public void close() {
        server.stopServer();
    }
}
