package io.branchbox.firmware.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading TLS material from PEM files. The test PKI in {@code tls/} (made with openssl, valid
 * for 100 years): {@code ca.pem} signs {@code broker.pem} (for 127.0.0.1) and {@code box.pem}
 * (RSA client certificate; key {@code box.key}, and {@code box-encrypted.key} under "box-pass").
 */
class TlsSocketsTest {

    @TempDir
    Path dir;

    static Path tls(String name) {
        try {
            return Path.of(TlsSocketsTest.class.getResource("tls/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void loadsCaAndClientCertificateWithPlainOrEncryptedKey() throws UplinkException {
        assertNotNull(TlsSockets.factory(new UplinkSettings.TlsOptions(tls("ca.pem"), null, null, null)));
        assertNotNull(TlsSockets.factory(new UplinkSettings.TlsOptions(tls("ca.pem"), tls("box.pem"),
                tls("box.key"), null)));
        assertNotNull(TlsSockets.factory(new UplinkSettings.TlsOptions(tls("ca.pem"), tls("box.pem"),
                tls("box-encrypted.key"), Secret.of("box-pass"))));
    }

    @Test
    void wrongPassPhraseOrGarbageIsATlsError() throws Exception {
        UplinkException wrong = assertThrows(UplinkException.class, () -> TlsSockets.factory(
                new UplinkSettings.TlsOptions(tls("ca.pem"), tls("box.pem"), tls("box-encrypted.key"),
                        Secret.of("nope"))));
        assertEquals(UplinkException.Reason.TLS, wrong.reason());

        Path garbage = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        UplinkException bad = assertThrows(UplinkException.class,
                () -> TlsSockets.factory(new UplinkSettings.TlsOptions(garbage, null, null, null)));
        assertEquals(UplinkException.Reason.TLS, bad.reason());
    }
}
