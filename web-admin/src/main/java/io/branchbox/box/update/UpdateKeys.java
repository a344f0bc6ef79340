package io.branchbox.box.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The project's Ed25519 keys, through the JDK's own provider (no dependency). Keys are PEM files
 * as OpenSSL writes them ({@code openssl genpkey -algorithm ed25519}, {@code openssl pkey -pubout}),
 * so the release host can use either tool.
 *
 * <p>The trusted public key ships inside the box's jar ({@link #RESOURCE}); a package is checked by
 * the running version's key, so a new key reaches the boxes in an update signed with the old one.
 * The private key never does: it lives on the release host only (docs/UPDATES.md).
 */
public final class UpdateKeys {
    /** The project's release public key inside the jar. */
    public static final String RESOURCE = "/io/branchbox/box/update/release-key.pub";
    static final String ALGORITHM = "Ed25519";

    private UpdateKeys() {}

    /** The keys a package may be signed with: the project's release key. */
    public static List<PublicKey> trusted() {
        try (InputStream in = UpdateKeys.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no release key " + RESOURCE);
            }
            return List.of(publicKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the jar's release key " + RESOURCE + " is unreadable", e);
        }
    }

    public static KeyPair generate() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    }

    public static PublicKey publicKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
    }

    public static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
    }

    /** PEM text of a key ({@code PUBLIC KEY} for X.509, {@code PRIVATE KEY} for PKCS#8). */
    public static String pem(java.security.Key key) {
        String type = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance(ALGORITHM);
        s.initSign(key);
        s.update(data);
        return s.sign();
    }

    /** Whether one of {@code keys} made {@code signature} over {@code data}. */
    static boolean verify(List<PublicKey> keys, byte[] data, byte[] signature) {
        for (PublicKey k : keys) {
            try {
                Signature s = Signature.getInstance(ALGORITHM);
                s.initVerify(k);
                s.update(data);
                if (s.verify(signature)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // a malformed signature is a bad signature: try the next key, then refuse
            }
        }
        return false;
    }

    private static byte[] der(String pem, String type) throws GeneralSecurityException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = pem.indexOf(begin);
        int e = pem.indexOf(end);
        if (b < 0 || e < b) {
            throw new GeneralSecurityException("not a PEM " + type);
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e));
        } catch (IllegalArgumentException bad) {
            throw new GeneralSecurityException("not a PEM " + type + ": " + bad.getMessage(), bad);
        }
    }
}
