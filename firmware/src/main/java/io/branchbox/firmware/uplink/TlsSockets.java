package io.branchbox.firmware.uplink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS socket factory for {@code ssl://} brokers from PEM files: the CA that signed the
 * broker's certificate and, optionally, the box's client certificate chain and PKCS#8 key.
 *
 * <p>Host name verification stays on (Paho's default for both protocol levels): the broker's
 * certificate must name the host in the server URI. Called on the service thread at each connect
 * attempt, so renewed certificates are picked up without a restart.
 */
final class TlsSockets {

    private static final char[] NO_PASSWORD = new char[0];

    private TlsSockets() {}

    static SSLSocketFactory factory(UplinkSettings.TlsOptions tls) throws UplinkException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (tls.caFile() == null) {
                tmf.init((KeyStore) null);
            } else {
                KeyStore trust = emptyStore();
                int i = 0;
                for (Certificate c : certificates(tls.caFile())) {
                    trust.setCertificateEntry("ca" + i++, c);
                }
                tmf.init(trust);
            }
            KeyManagerFactory kmf = null;
            if (tls.clientCertFile() != null) {
                KeyStore keys = emptyStore();
                List<Certificate> chain = certificates(tls.clientCertFile());
                keys.setKeyEntry("box", privateKey(tls.clientKeyFile(), tls.clientKeyPassword()), NO_PASSWORD,
                        chain.toArray(Certificate[]::new));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, NO_PASSWORD);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new UplinkException(UplinkException.Reason.TLS, "cannot load TLS material: " + e.getMessage(), e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        return ks;
    }

    private static List<Certificate> certificates(Path pem) throws GeneralSecurityException, IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<Certificate> certs = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (certs.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + pem);
            }
            return certs;
        }
    }

    private static PrivateKey privateKey(Path pem, Secret password) throws GeneralSecurityException, IOException {
        String text = Files.readString(pem);
        boolean encrypted = text.contains("BEGIN ENCRYPTED PRIVATE KEY");
        if (!encrypted && !text.contains("BEGIN PRIVATE KEY")) {
            throw new GeneralSecurityException(pem + ": expected a PKCS#8 key (BEGIN PRIVATE KEY)");
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        PKCS8EncodedKeySpec spec;
        if (encrypted) {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            SecretKeyFactory skf = SecretKeyFactory.getInstance(info.getAlgName());
            Cipher cipher = Cipher.getInstance(info.getAlgName());
            cipher.init(Cipher.DECRYPT_MODE, skf.generateSecret(new PBEKeySpec(password.chars())), info.getAlgParameters());
            spec = info.getKeySpec(cipher);
        } else {
            spec = new PKCS8EncodedKeySpec(der);
        }
        GeneralSecurityException none = new GeneralSecurityException(pem + ": key is neither RSA, EC nor Ed25519");
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException wrongAlgorithm) {
                // a PKCS#8 PEM does not name its algorithm, so each is tried; the reasons are kept
                none.addSuppressed(wrongAlgorithm);
            }
        }
        throw none;
    }
}
