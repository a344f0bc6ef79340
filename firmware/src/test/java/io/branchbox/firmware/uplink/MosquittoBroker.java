package io.branchbox.firmware.uplink;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto broker process on loopback, for what Moquette 0.17 cannot check: MQTT 5 and
 * retained Last Will messages. Tests using it are skipped (JUnit assumption) on machines without
 * a {@code mosquitto} binary.
 */
final class MosquittoBroker implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Process process;
    private final int port;
    private final int tlsPort;

    /** @param tls directory with {@code ca.pem}, {@code broker.pem}, {@code broker.key}; null for none */
    private MosquittoBroker(Path dir, Path tls) throws IOException, InterruptedException {
        port = TestBroker.freePort();
        tlsPort = tls == null ? 0 : TestBroker.freePort();
        Path conf = dir.resolve("mosquitto.conf");
        String tlsListener = tls == null ? "" : String.join("\n",
                "listener " + tlsPort + " 127.0.0.1",
                "cafile " + tls.resolve("ca.pem"),
                "certfile " + tls.resolve("broker.pem"),
                "keyfile " + tls.resolve("broker.key"),
                "require_certificate true", "");
        Files.writeString(conf, String.join("\n",
                // started as root, mosquitto would switch to its own user and lose access to the
                // test's private temp directory and key files; ignored when not root
                "user " + System.getProperty("user.name"),
                "per_listener_settings false",
                "listener " + port + " 127.0.0.1",
                tlsListener,
                "allow_anonymous true",
                "persistence false",
                "log_dest stderr", ""));
        process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile())
                .start();
        awaitListening(Duration.ofSeconds(10));
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    static MosquittoBroker start(Path dir) throws IOException, InterruptedException {
        return new MosquittoBroker(dir, null);
    }

    /** Adds a TLS listener that requires a client certificate signed by {@code tls/ca.pem}. */
    static MosquittoBroker startWithTls(Path dir, Path tls) throws IOException, InterruptedException {
        return new MosquittoBroker(dir, tls);
    }

    /** {@code ssl://127.0.0.1:<tls port>}; only for {@link #startWithTls}. */
    String tlsUri() {
        return "ssl://127.0.0.1:" + tlsPort;
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IOException("mosquitto did not start listening on " + port, notYet);
                }
                Thread.sleep(20);
            }
        }
    }
}
