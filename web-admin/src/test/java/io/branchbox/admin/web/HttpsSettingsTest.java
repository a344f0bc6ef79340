package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.admin.tls.BoxCertificate;
import io.branchbox.admin.users.Role;
import io.branchbox.box.BoxLauncher;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS as the configuration document's {@code web.https} says: on or off, its port, the redirect,
 * and the certificate, the box's own or one a technician uploaded on the web tab (checked by
 * content; used after a restart). {@code BOX_HTTPS=off} still forces it off.
 */
class HttpsSettingsTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path countyCa;

    @Test
    void theDocumentDecidesHttpsAndTheOldEnvironmentSwitchStillTurnsItOff() {
        BoxConfig d = ConfigDocuments.defaults();
        HttpsConfig factory = BoxLauncher.httpsFor(d, dataDir, null);
        assertEquals(new HttpsConfig(8443, dataDir.resolve("tls"), true, false), factory);
        assertNull(BoxLauncher.httpsFor(d, dataDir, "off"), "BOX_HTTPS=off, kept for boxes whose service file sets it");
        assertNull(BoxLauncher.httpsFor(d.withWeb(new BoxConfig.Web("0.0.0.0", 8080,
                new BoxConfig.Https(false, 8443, true, BoxConfig.CertificateSource.BOX))), dataDir, null));
        assertEquals(new HttpsConfig(9443, dataDir.resolve("tls"), false, true), BoxLauncher.httpsFor(d.withWeb(
                new BoxConfig.Web("0.0.0.0", 8080, new BoxConfig.Https(true, 9443, false, BoxConfig.CertificateSource.UPLOADED))),
                dataDir, "on"));
    }

    @Test
    void anUploadedCertificateIsCheckedByContentAndServedAfterARestart() throws Exception {
        // a certificate with its key, as a county's CA would hand it out (PKCS#12 with a password)
        BoxCertificate other = BoxCertificate.loadOrCreate(countyCa, Clock.systemUTC());
        byte[] p12 = Files.readAllBytes(other.keyStore());
        HttpsConfig own = new HttpsConfig(0, dataDir.resolve("tls"), false, false);
        String uploadedFingerprint;
        try (TestBox box = new TestBox(dataDir, AdminConfig.defaults().withAddress("127.0.0.1", 0), Clock.systemUTC(), own)) {
            assertNotEquals(other.fingerprint(), box.server.certificateFingerprint().orElseThrow());
            WebClient tech = box.client();
            assertEquals(200, tech.login(TestBox.userFor(Role.TECHNICIAN), TestBox.PASSWORD).statusCode());

            HttpResponse<String> garbage = upload(tech, "<script>not a certificate</script>".getBytes(), "x");
            assertEquals(422, garbage.statusCode());
            assertEquals("config.cert.notPkcs12", WebClient.json(garbage).get("code").asText());
            assertEquals("不是 PKCS#12 文件，或密码错误。", WebClient.json(garbage).get("error").asText());
            assertEquals("config.cert.notPkcs12", WebClient.json(upload(tech, p12, "wrong")).get("code").asText());
            assertFalse(Files.exists(dataDir.resolve("tls/uploaded.p12")), "nothing kept from a refused upload");
            WebClient viewer = box.client();
            viewer.login(TestBox.userFor(Role.VIEWER), TestBox.PASSWORD);
            assertEquals(403, upload(viewer, p12, other.password()).statusCode());

            HttpResponse<String> ok = upload(tech, p12, other.password());
            assertEquals(200, ok.statusCode(), ok.body());
            JsonNode body = WebClient.json(ok);
            assertEquals(other.fingerprint(), body.get("fingerprint").asText());
            assertTrue(body.get("subject").asText().contains("Branch box"), body.toString());
            uploadedFingerprint = body.get("fingerprint").asText();
            assertNotEquals(uploadedFingerprint, box.server.certificateFingerprint().orElseThrow(),
                    "the running server keeps its certificate until the restart");
        }
        Files.createDirectories(dataDir.resolve("again"));
        Files.createDirectories(dataDir.resolve("later"));
        HttpsConfig uploaded = new HttpsConfig(0, dataDir.resolve("tls"), false, true);
        try (TestBox restarted = new TestBox(dataDir.resolve("again"), AdminConfig.defaults().withAddress("127.0.0.1", 0),
                Clock.systemUTC(), uploaded)) {
            assertEquals(uploadedFingerprint, restarted.server.certificateFingerprint().orElseThrow());
        }
        // a certificate that is no longer valid is refused (the box's clock, ten years and a day on)
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(3660));
        try (TestBox box = new TestBox(dataDir.resolve("later"), AdminConfig.defaults().withAddress("127.0.0.1", 0), later,
                new HttpsConfig(0, dataDir.resolve("later-tls"), false, false))) {
            WebClient tech = box.client();
            assertEquals(200, tech.login(TestBox.userFor(Role.TECHNICIAN), TestBox.PASSWORD).statusCode());
            assertEquals("config.cert.notValidNow", WebClient.json(upload(tech, p12, other.password())).get("code").asText());
        }
    }

    @Test
    void withoutHttpsInThisRunTheUploadSaysHowToGetThere() throws Exception {
        try (TestBox box = new TestBox(dataDir)) {
            WebClient tech = box.client();
            tech.login(TestBox.userFor(Role.TECHNICIAN), TestBox.PASSWORD);
            HttpResponse<String> r = upload(tech, new byte[] {1, 2, 3}, "x");
            assertEquals(409, r.statusCode());
            assertEquals("config.cert.httpsOff", WebClient.json(r).get("code").asText());
        }
    }

    private static HttpResponse<String> upload(WebClient client, byte[] p12, String password) {
        return client.send(client.request(ConfigHandlers.CERTIFICATE).header("Content-Type", "application/x-pkcs12")
                .header(SecurityGuard.CSRF_HEADER, client.csrfToken())
                .header(ConfigHandlers.CERTIFICATE_PASSWORD_HEADER, password)
                .POST(HttpRequest.BodyPublishers.ofByteArray(p12)).build());
    }
}
