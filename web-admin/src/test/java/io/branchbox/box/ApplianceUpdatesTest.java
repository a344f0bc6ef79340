package io.branchbox.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.branchbox.box.update.UpdateKeys;
import io.branchbox.box.update.UpdatePackage;
import io.branchbox.box.update.Updater;
import io.branchbox.box.update.VersionStore;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The office's update command end to end from the handler: the box downloads over HTTP, verifies, installs, restarts. */
class ApplianceUpdatesTest {
    @TempDir
    Path dir;

    @Test
    void theOfficesPackageIsDownloadedVerifiedInstalledAndABadOneRefused() throws Exception {
        KeyPair project = UpdateKeys.generate();
        Path jar = Files.write(dir.resolve("box.jar"), new byte[80_000]);
        byte[] good = bytes(jar, "1.1.0", project);
        byte[] foreign = bytes(jar, "1.2.0", UpdateKeys.generate());
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/fw/", ex -> {
            byte[] body = ex.getRequestURI().getPath().endsWith("good.bbu") ? good : foreign;
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        http.start();
        Path versions = dir.resolve("data/versions");
        Updater updater = new Updater(new VersionStore(versions, Files::newOutputStream), "1.0.0",
                List.of(project.getPublic()), d -> Long.MAX_VALUE, (s, d) -> { });
        List<String> journal = new CopyOnWriteArrayList<>();
        CountDownLatch refused = new CountDownLatch(1);
        updater.onOutcome(o -> {
            journal.add(o.type() + " " + o.attrs().get("source"));
            if (o.type().equals(Updater.REFUSED)) {
                refused.countDown();
            }
        });
        CountDownLatch restarted = new CountDownLatch(1);
        String base = "http://127.0.0.1:" + http.getAddress().getPort() + "/fw/";
        try (ApplianceUpdates updates = new ApplianceUpdates(updater, restarted::countDown)) {
            assertEquals(true, updates.fromOffice(URI.create(base + "foreign.bbu"), () -> true).get("started"));
            assertTrue(refused.await(30, TimeUnit.SECONDS), "the foreign package is refused");
            assertFalse(Files.exists(versions.resolve("current")));
            updates.fromOffice(URI.create(base + "good.bbu"), () -> true);
            assertTrue(restarted.await(30, TimeUnit.SECONDS), "restarts into the new version");
            assertEquals(Path.of("1.1.0"), Files.readSymbolicLink(versions.resolve("current")));
            assertTrue(updater.state().orElseThrow().boardWasOnline());
            try (var s = Files.list(versions)) {
                assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("incoming-")), "the download is removed");
            }
        } finally {
            http.stop(0);
        }
        assertEquals(List.of(Updater.REFUSED + " office:" + base + "foreign.bbu", Updater.ATTEMPT + " office:" + base + "good.bbu",
                Updater.SWITCHED + " office:" + base + "good.bbu"), journal);
    }

    private byte[] bytes(Path jar, String version, KeyPair key) throws Exception {
        Path p = dir.resolve(version + ".bbu");
        UpdatePackage.write(jar, version, key.getPrivate(), Instant.now(), p);
        return Files.readAllBytes(p);
    }
}
