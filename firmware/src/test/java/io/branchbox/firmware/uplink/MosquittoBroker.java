package io.branchbox.firmware.uplink;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A Mosquitto broker process on loopback, for what Moquette 0.17 cannot check: MQTT 5, retained
 * Last Will messages, TLS and password authentication. Tests using it call {@link #require()}:
 * they are skipped (JUnit assumption) on a developer machine without {@code mosquitto}, but fail
 * when {@code CI=true}, so a CI image that lost the package cannot pass by skipping.
 *
 * <p>Listeners: a plain anonymous one for the test's office subscriber, and optionally a TLS one
 * that either requires a client certificate or, with users given, a user name and password.
 */
final class MosquittoBroker implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");

    private final Process process;
    private final int port;
    private final int tlsPort;

    /**
     * @param tls   directory with {@code ca.pem}, {@code broker.pem}, {@code broker.key}; null for none
     * @param users user name to password for the TLS listener; empty means a client certificate
     *              is required there instead
     */
    private MosquittoBroker(Path dir, Path tls, Map<String, String> users) throws IOException, InterruptedException {
        port = TestBroker.freePort();
        tlsPort = tls == null ? 0 : TestBroker.freePort();
        Path conf = dir.resolve("mosquitto.conf");
        String tlsListener = tls == null ? "" : String.join("\n",
                "listener " + tlsPort + " 127.0.0.1",
                "cafile " + tls.resolve("ca.pem"),
                "certfile " + tls.resolve("broker.pem"),
                "keyfile " + tls.resolve("broker.key"),
                users.isEmpty() ? "require_certificate true" : "require_certificate false",
                users.isEmpty() ? "allow_anonymous true" : "allow_anonymous false",
                users.isEmpty() ? "" : "password_file " + passwordFile(dir, users), "");
        Files.writeString(conf, String.join("\n",
                // started as root, mosquitto would switch to its own user and lose access to the
                // test's private temp directory and key files; ignored when not root
                "user " + System.getProperty("user.name"),
                // each listener has its own authentication: anonymous plain, authenticated TLS
                "per_listener_settings true",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                tlsListener,
                "persistence false",
                "log_dest stderr", ""));
        process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile())
                .start();
        awaitListening(Duration.ofSeconds(10));
    }

    /**
     * Fails the calling test without Mosquitto (apt-get install mosquitto; .ci/run does), unless
     * the developer said {@code BOX_SKIP_MOSQUITTO=1}, as for the browser tests.
     */
    static void require() {
        for (Path tool : new Path[] {BINARY, PASSWD}) {
            if (!Files.isExecutable(tool)) {
                String why = "no " + tool + " on this machine (apt-get install mosquitto)";
                if ("1".equals(System.getenv("BOX_SKIP_MOSQUITTO")) && !"true".equalsIgnoreCase(System.getenv("CI"))) {
                    Assumptions.abort(why + "; skipped because BOX_SKIP_MOSQUITTO=1");
                }
                fail(why + "; the MQTT 5, TLS and password tests need it");
            }
        }
    }

    static MosquittoBroker start(Path dir) throws IOException, InterruptedException {
        return new MosquittoBroker(dir, null, Map.of());
    }

    /** Adds a TLS listener that requires a client certificate signed by {@code tls/ca.pem}. */
    static MosquittoBroker startWithTls(Path dir, Path tls) throws IOException, InterruptedException {
        return new MosquittoBroker(dir, tls, Map.of());
    }

    /** Adds a TLS listener that requires one of {@code users} with its password, no client certificate. */
    static MosquittoBroker startWithTlsAndPasswords(Path dir, Path tls, Map<String, String> users)
            throws IOException, InterruptedException {
        return new MosquittoBroker(dir, tls, users);
    }

    /** Writes a Mosquitto password file (salted hashes) with {@code mosquitto_passwd -b}. */
    private static Path passwordFile(Path dir, Map<String, String> users) throws IOException, InterruptedException {
        Path file = dir.resolve("passwords");
        Files.writeString(file, "");
        for (Map.Entry<String, String> u : users.entrySet()) {
            Process p = new ProcessBuilder(PASSWD.toString(), "-b", file.toString(), u.getKey(), u.getValue())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("mosquitto_passwd failed: " + out);
            }
        }
        return file;
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
