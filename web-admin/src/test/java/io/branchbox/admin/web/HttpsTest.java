package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.status.FakeStatusSource;
import io.branchbox.admin.tls.BoxCertificate;
import io.branchbox.admin.users.Role;
import io.branchbox.admin.users.TestDatabase;
import io.branchbox.admin.users.UserStore;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS with the box's own certificate: made at first start and kept, HTTP redirected, HSTS and
 * Secure cookies over TLS, the fingerprint the status page shows is the one the browser sees.
 */
class HttpsTest {
    @TempDir
    Path dataDir;

    @Test
    void theBoxServesHttpsWithItsOwnCertificateAndRedirectsHttp() throws Exception {
        UserStore users = new UserStore(TestDatabase.migrated(), TestDatabase.fastHasher(), Clock.systemUTC());
        users.create("viewer1", "a long enough password", Role.VIEWER, false);
        AdminServer server = start(users);
        String fingerprint;
        try {
            Path tls = dataDir.resolve("tls");
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(tls.resolve("admin.p12.pass")));
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(tls)).build();

            HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/login?x=1")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(301, plain.statusCode());
            assertEquals("https://127.0.0.1:" + server.httpsPort() + "/login?x=1", plain.headers().firstValue("Location").orElse(""));
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/health-check")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), "probes stay on HTTP");

            String https = "https://127.0.0.1:" + server.httpsPort();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(https + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertEquals("max-age=31536000", page.headers().firstValue("Strict-Transport-Security").orElse(""));
            SSLSession tlsSession = page.sslSession().orElseThrow();
            fingerprint = BoxCertificate.fingerprint(tlsSession.getPeerCertificates()[0]);
            assertEquals(server.certificateFingerprint().orElseThrow(), fingerprint);

            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(https + "/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"viewer1\",\"password\":\"a long enough password\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode());
            assertTrue(login.headers().firstValue("Set-Cookie").orElse("").contains("; Secure"));
            assertTrue(((X509Certificate) tlsSession.getPeerCertificates()[0]).getSubjectX500Principal().getName()
                    .contains("Branch box"));
        } finally {
            server.stop();
        }

        AdminServer again = start(users);
        try {
            assertEquals(fingerprint, again.certificateFingerprint().orElseThrow(), "the same certificate after a restart");
        } finally {
            again.stop();
        }
    }

    private AdminServer start(UserStore users) {
        return new AdminServer(AdminConfig.defaults().withAddress("127.0.0.1", 0), users, new FakeStatusSource(),
                Clock.systemUTC(), null, null, null, new HttpsConfig(0, dataDir.resolve("tls"), true)).start();
    }

    /** Trusts exactly the box's own certificate, as a technician's browser does after accepting it. */
    private static SSLContext trusting(Path tls) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.resolve("admin.p12"))) {
            store.load(in, Files.readString(tls.resolve("admin.p12.pass")).strip().toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("box", store.getCertificate("admin"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
