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

    private MosquittoBroker(Path dir) throws IOException, InterruptedException {
        port = TestBroker.freePort();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
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
        return new MosquittoBroker(dir);
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
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
