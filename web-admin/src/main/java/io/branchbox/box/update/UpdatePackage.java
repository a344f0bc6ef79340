package io.branchbox.box.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A firmware update package ({@code .bbu}): a zip holding {@link #MANIFEST} (product, version, the
 * jar's size and SHA-256), {@link #SIGNATURE} (base64 Ed25519 signature of the manifest's exact
 * bytes by the project's key) and {@link #JAR}. The signature covers the manifest, the manifest
 * covers the jar: nothing in the package is trusted before both checks passed.
 *
 * <p>Checks in this order, each with its {@link UpdateException.Kind}: a readable zip (DAMAGED);
 * a manifest (FOREIGN); a signature (UNSIGNED); the signature is one of the trusted keys' over the
 * manifest (BAD_SIGNATURE); product and format (FOREIGN); a version newer than the running one
 * (NOT_NEWER); the jar's size and SHA-256 (DAMAGED). Stateless; any thread.
 */
public final class UpdatePackage {
    public static final String MANIFEST = "branchbox-update.json";
    public static final String SIGNATURE = "branchbox-update.sig";
    public static final String JAR = "box.jar";
    static final String FORMAT = "branchbox.update/1";
    static final String PRODUCT = "branchbox";
    private static final int MAX_MANIFEST = 64 * 1024;
    private static final Pattern VERSION = Pattern.compile("[0-9][0-9A-Za-z.+~-]{0,39}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a verified package holds. */
    public record Manifest(String version, long jarBytes, String jarSha256, String createdAt) {}

    private UpdatePackage() {}

    /**
     * Checks {@code file} against {@code keys} and the running version; the manifest when every
     * check passed.
     */
    public static Manifest verify(Path file, List<PublicKey> keys, String runningVersion) throws UpdateException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            byte[] manifest = entry(zip, MANIFEST, UpdateException.Kind.FOREIGN, "no " + MANIFEST
                    + ": not a branchbox update package");
            byte[] sig = entry(zip, SIGNATURE, UpdateException.Kind.UNSIGNED, "the package is not signed (no "
                    + SIGNATURE + "): refused");
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(new String(sig, StandardCharsets.US_ASCII).strip());
            } catch (IllegalArgumentException e) {
                throw new UpdateException(UpdateException.Kind.BAD_SIGNATURE, "the signature is not base64: refused");
            }
            if (!UpdateKeys.verify(keys, manifest, signature)) {
                throw new UpdateException(UpdateException.Kind.BAD_SIGNATURE, "the signature is not the project's over"
                        + " this package's manifest (tampered, or signed with another key): refused");
            }
            Manifest m = parse(manifest);
            if (compare(m.version(), runningVersion) <= 0) {
                throw new UpdateException(UpdateException.Kind.NOT_NEWER, "version " + m.version()
                        + " is not newer than the running " + runningVersion + ": refused");
            }
            ZipEntry jar = zip.getEntry(JAR);
            if (jar == null) {
                throw new UpdateException(UpdateException.Kind.DAMAGED, "the package has no " + JAR);
            }
            try (InputStream in = zip.getInputStream(jar)) {
                checkJar(in, m);
            }
            return m;
        } catch (ZipException e) {
            throw new UpdateException(UpdateException.Kind.DAMAGED, "not a readable update package (truncated or"
                    + " not a zip): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UpdateException(UpdateException.Kind.IO, "the package cannot be read: " + e.getMessage(), e);
        }
    }

    /** Opens the jar of a package {@link #verify} accepted (the caller closes the zip). */
    static ZipFile open(Path file) throws IOException {
        return new ZipFile(file.toFile());
    }

    /** Reads {@code in} to its end; DAMAGED unless it is exactly the manifest's jar. */
    static void checkJar(InputStream in, Manifest m) throws IOException, UpdateException {
        DigestInputStream d = new DigestInputStream(in, sha256());
        long n = d.transferTo(OutputStream.nullOutputStream());
        String sha = HexFormat.of().formatHex(d.getMessageDigest().digest());
        if (n != m.jarBytes() || !sha.equals(m.jarSha256())) {
            throw new UpdateException(UpdateException.Kind.DAMAGED, JAR + " does not match the signed manifest"
                    + " (tampered or damaged): refused");
        }
    }

    /** Writes a package of {@code jar} as {@code version}, signed with {@code key} (the project's signing tool). */
    public static void write(Path jar, String version, PrivateKey key, Instant now, Path out)
            throws IOException, GeneralSecurityException {
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a version: " + version);
        }
        String sha;
        try (InputStream in = Files.newInputStream(jar)) {
            DigestInputStream d = new DigestInputStream(in, sha256());
            d.transferTo(OutputStream.nullOutputStream());
            sha = HexFormat.of().formatHex(d.getMessageDigest().digest());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", FORMAT);
        m.put("product", PRODUCT);
        m.put("version", version);
        m.put("createdAt", now.toString());
        m.put("files", List.of(Map.of("name", JAR, "bytes", Files.size(jar), "sha256", sha)));
        byte[] manifest = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
        byte[] sig = Base64.getEncoder().encode(UpdateKeys.sign(key, manifest));
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(partial))) {
            z.putNextEntry(new ZipEntry(MANIFEST));
            z.write(manifest);
            z.putNextEntry(new ZipEntry(SIGNATURE));
            z.write(sig);
            z.putNextEntry(new ZipEntry(JAR));
            Files.copy(jar, z);
            z.closeEntry();
        }
        Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Orders versions by their dot-separated parts, numbers as numbers; a pre-release
     * ({@code 1.2.0-SNAPSHOT}, {@code 1.2.0-rc1}) comes before its release.
     */
    public static int compare(String a, String b) {
        String[] pa = a.split("-", 2);
        String[] pb = b.split("-", 2);
        String[] x = pa[0].split("\\.");
        String[] y = pb[0].split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String s = i < x.length ? x[i] : "0";
            String t = i < y.length ? y[i] : "0";
            int c = s.matches("\\d{1,9}") && t.matches("\\d{1,9}") ? Integer.compare(Integer.parseInt(s), Integer.parseInt(t))
                    : s.compareTo(t);
            if (c != 0) {
                return c;
            }
        }
        if (pa.length != pb.length) {
            return pa.length == 1 ? 1 : -1;
        }
        return pa.length == 1 ? 0 : pa[1].compareTo(pb[1]);
    }

    static boolean isVersion(String v) {
        return v != null && VERSION.matcher(v).matches();
    }

    private static Manifest parse(byte[] manifest) throws UpdateException {
        try {
            JsonNode n = JSON.readTree(manifest);
            if (!FORMAT.equals(n.path("schema").asText()) || !PRODUCT.equals(n.path("product").asText())) {
                throw new UpdateException(UpdateException.Kind.FOREIGN, "not a " + PRODUCT + " update of format "
                        + FORMAT + " (it says " + n.path("product").asText("?") + ", " + n.path("schema").asText("?") + ")");
            }
            String version = n.path("version").asText();
            JsonNode jar = n.path("files").path(0);
            if (!isVersion(version) || !JAR.equals(jar.path("name").asText()) || !jar.path("bytes").canConvertToLong()
                    || !jar.path("sha256").asText().matches("[0-9a-f]{64}")) {
                throw new UpdateException(UpdateException.Kind.DAMAGED, "the manifest is incomplete");
            }
            return new Manifest(version, jar.path("bytes").longValue(), jar.path("sha256").asText(),
                    n.path("createdAt").asText());
        } catch (IOException e) {
            throw new UpdateException(UpdateException.Kind.DAMAGED, "the manifest is not JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] entry(ZipFile zip, String name, UpdateException.Kind missing, String why)
            throws IOException, UpdateException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new UpdateException(missing, why);
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readNBytes(MAX_MANIFEST + 1);
            if (b.length > MAX_MANIFEST) {
                throw new UpdateException(UpdateException.Kind.DAMAGED, name + " is larger than " + MAX_MANIFEST + " bytes");
            }
            return b;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
