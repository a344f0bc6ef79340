package io.branchbox.rig.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto broker process on loopback, as the central office runs it: one plain anonymous
 * listener, persistence on (so a restart keeps the office subscriber's session and the messages
 * queued for it), no limit on queued messages. Restartable on the same port, which is what a
 * broker restart looks like to the boxes.
 *
 * <p>Used by the fleet run; firmware's own tests have their own broker with TLS and passwords.
 * Not thread-safe: one owner starts, restarts and closes it.
 */
public final class MosquittoProcess implements AutoCloseable {

    /** Where Debian's {@code mosquitto} package puts the broker. */
    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Path dir;
    private final int port;
    private Process process;

    private MosquittoProcess(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Whether the broker binary is installed (apt-get install mosquitto; .ci/run does). */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Writes the configuration under {@code dir} and starts the broker on a free port. */
    public static MosquittoProcess start(Path dir) throws IOException, InterruptedException {
        MosquittoProcess m = new MosquittoProcess(dir, EmbeddedBroker.freePort());
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                // started as root, mosquitto would switch to its own user and lose the temp directory
                "user " + System.getProperty("user.name"),
                "listener " + m.port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir + "/",
                // the office subscriber may be offline for seconds while a thousand boxes drain
                "max_queued_messages 0",
                "max_inflight_messages 100",
                "log_dest file " + dir.resolve("mosquitto.log"), ""));
        m.launch();
        return m;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Stops the broker (SIGTERM: it saves its persistence file) and waits for it to exit. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Starts it again on the same port, with what it saved. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(BINARY.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.out").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited with " + process.exitValue() + "; see " + dir.resolve("mosquitto.out"));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IOException("mosquitto did not listen on " + port + " within 10 s");
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
