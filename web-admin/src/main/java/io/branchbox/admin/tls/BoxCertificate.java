package io.branchbox.admin.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The box's HTTPS key and self-signed certificate, in {@code <dir>/admin.p12} (PKCS#12) with its
 * random password in {@code <dir>/admin.p12.pass} (mode 0600). Made at first start (EC P-256,
 * valid ten years, names: the host name, {@code localhost}, 127.0.0.1), then reused, so the
 * fingerprint a technician noted stays the same. There is no default key: every box makes its own.
 *
 * <p>The SHA-256 fingerprint is what a browser shows for a self-signed certificate; the status
 * page and the log show it so that a technician can compare before accepting it.
 *
 * @param keyStore    the PKCS#12 file
 * @param password    its password
 * @param fingerprint SHA-256 of the certificate, upper-case hex pairs joined by ':'
 */
public record BoxCertificate(Path keyStore, String password, String fingerprint) {
    static final String ALIAS = "admin";
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The certificate in {@code dir}, made now when there is none. */
    public static BoxCertificate loadOrCreate(Path dir, Clock clock) throws IOException {
        Path store = dir.resolve("admin.p12");
        Path pass = dir.resolve("admin.p12.pass");
        try {
            if (!Files.exists(store) || !Files.exists(pass)) {
                Files.createDirectories(dir);
                create(store, pass, clock);
            }
            return load(store, pass);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read or make the HTTPS certificate in " + dir, e);
        }
    }

    /** The key store {@code store} with the password in {@code pass}. */
    static BoxCertificate load(Path store, Path pass) throws IOException, GeneralSecurityException {
        String password = Files.readString(pass).strip();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, password.toCharArray());
        }
        Certificate cert = ks.getCertificate(ALIAS);
        if (cert == null) {
            throw new IOException("no certificate '" + ALIAS + "' in " + store);
        }
        return new BoxCertificate(store, password, fingerprint(cert));
    }

    /** SHA-256 of the certificate's DER encoding, as "AB:CD:…". */
    public static String fingerprint(Certificate cert) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    private static void create(Path store, Path pass, Clock clock) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        KeyPair pair = generator.generateKeyPair();
        X509Certificate cert = selfSigned(pair, clock.instant());
        save(pair.getPrivate(), new Certificate[] {cert}, store, pass);
    }

    /**
     * Writes {@code key} with its {@code chain} as {@code store} under a new random password kept
     * in {@code pass} (0600): the password first, then the store by an atomic move.
     */
    static void save(java.security.PrivateKey key, Certificate[] chain, Path store, Path pass)
            throws IOException, GeneralSecurityException {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, key, password.toCharArray(), chain);
        // password first: a key store whose password is lost would be made again, changing the fingerprint
        io.branchbox.admin.users.SecretFile.write(pass, password);
        Path tmp = store.resolveSibling(store.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, password.toCharArray());
        }
        try {
            Files.move(tmp, store, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, store, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, Instant now) throws GeneralSecurityException {
        String host = hostName();
        X500Name name = new X500Name("CN=" + host + ", O=Branch box web admin");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, RANDOM),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), name, pair.getPublic());
        Set<String> dnsNames = new LinkedHashSet<>();
        dnsNames.add(host);
        dnsNames.add("localhost");
        GeneralName[] names = new GeneralName[dnsNames.size() + 1];
        int i = 0;
        for (String dns : dnsNames) {
            names[i++] = new GeneralName(GeneralName.dNSName, dns);
        }
        names[i] = new GeneralName(GeneralName.iPAddress, "127.0.0.1");
        try {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot sign the certificate", e);
        }
    }

    private static String hostName() {
        try {
            String h = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            return h.matches("[a-z0-9.-]{1,63}") ? h : "branchbox";
        } catch (UnknownHostException e) {
            return "branchbox";
        }
    }
}
