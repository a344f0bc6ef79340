package io.branchbox.admin.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;

/**
 * A certificate a technician uploaded for the web admin's HTTPS (e.g. one the county's CA signed),
 * kept beside the box's own as {@code <dir>/uploaded.p12} under a fresh random password in
 * {@code uploaded.p12.pass}, so that choosing the box's own again ({@code web.https.certificate}
 * = BOX) needs no new upload. Checked by content, never by file name: it must open as PKCS#12
 * with the given password, hold a private key with its certificate, and be valid now. The
 * uploaded file's name is never used; nothing is written when a check fails.
 *
 * <p>Stateless; callers serialise uploads (the web admin does one at a time per request).
 */
public final class UploadedCertificate {
    static final String STORE = "uploaded.p12";

    /** Why an upload was refused: a stable code for the page's catalogue ({@code config.cert.*}). */
    public enum Problem {
        NOT_PKCS12("config.cert.notPkcs12"),
        NO_KEY("config.cert.noKey"),
        NOT_VALID_NOW("config.cert.notValidNow");

        private final String code;

        Problem(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** An upload refused for {@link #problem()}. */
    public static final class Refused extends Exception {
        private final Problem problem;

        Refused(Problem problem) {
            super(problem.code());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** What was installed: for the page to show before the technician restarts. */
    public record Installed(String fingerprint, String subject, Instant notAfter) {}

    private UploadedCertificate() {}

    /**
     * Checks {@code pkcs12} with {@code password} and keeps it in {@code dir}, replacing an earlier
     * upload; the running server goes on with its certificate until a restart.
     *
     * @throws Refused     when the content is not a usable certificate with its key
     * @throws IOException when it cannot be written
     */
    public static Installed install(Path dir, byte[] pkcs12, String password, Clock clock) throws Refused, IOException {
        KeyStore in;
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try {
            in = KeyStore.getInstance("PKCS12");
            in.load(new ByteArrayInputStream(pkcs12), secret);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new Refused(Problem.NOT_PKCS12);
        }
        try {
            for (String alias : Collections.list(in.aliases())) {
                Key key = in.isKeyEntry(alias) ? in.getKey(alias, secret) : null;
                Certificate[] chain = in.getCertificateChain(alias);
                if (key instanceof PrivateKey pk && chain != null && chain.length > 0
                        && chain[0] instanceof X509Certificate leaf) {
                    Instant now = clock.instant();
                    if (now.isBefore(leaf.getNotBefore().toInstant()) || now.isAfter(leaf.getNotAfter().toInstant())) {
                        throw new Refused(Problem.NOT_VALID_NOW);
                    }
                    Files.createDirectories(dir);
                    BoxCertificate.save(pk, chain, dir.resolve(STORE), dir.resolve(STORE + ".pass"));
                    return new Installed(BoxCertificate.fingerprint(leaf), leaf.getSubjectX500Principal().getName(),
                            leaf.getNotAfter().toInstant());
                }
            }
        } catch (GeneralSecurityException e) {
            throw new Refused(Problem.NO_KEY);
        }
        throw new Refused(Problem.NO_KEY);
    }

    /** The uploaded certificate in {@code dir}, if one was uploaded. */
    public static Optional<BoxCertificate> load(Path dir) throws IOException {
        Path store = dir.resolve(STORE);
        Path pass = dir.resolve(STORE + ".pass");
        if (!Files.exists(store) || !Files.exists(pass)) {
            return Optional.empty();
        }
        try {
            return Optional.of(BoxCertificate.load(store, pass));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the uploaded HTTPS certificate in " + dir, e);
        }
    }
}
