package io.branchbox.firmware.uplink;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.moquette.broker.Server;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;
import org.slf4j.LoggerFactory;

/**
 * Moquette 0.17 on loopback for the uplink tests: anonymous, no persistence, no telemetry.
 * Port 0 picks a free port; restarting on {@link #port()} simulates an outage. Moquette 0.17
 * speaks MQTT 3.1.1 only (it refuses MQTT 5 CONNECTs), so tests against it use the 3.1.1 link.
 */
final class TestBroker implements AutoCloseable {

    static {
        // Moquette and Netty log every packet at DEBUG; the tests' own output would drown in it
        for (String noisy : new String[] {"io.moquette", "io.netty", "org.eclipse.paho"}) {
            ((Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.WARN);
        }
    }

    private final Server server = new Server();
    private final int port;

    private TestBroker(int wantedPort) throws IOException {
        int chosen = wantedPort != 0 ? wantedPort : freePort();
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(chosen));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("immediate_buffer_flush", "true");
        server.startServer(p);
        this.port = chosen;
    }

    /** Moquette's own port 0 handling reports the bound port late, so a free port is found here. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static TestBroker start(int port) throws IOException {
        return new TestBroker(port);
    }

    int port() {
        return port;
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
