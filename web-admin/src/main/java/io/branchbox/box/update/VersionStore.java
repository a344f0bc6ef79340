package io.branchbox.box.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The installed versions under {@code <data>/versions}: one directory per version holding its
 * {@code box.jar}, and the link {@code current} naming the one the launcher starts. No link means
 * the Debian package's own jar ({@code /usr/share/branchbox/box.jar}).
 *
 * <p>A version is staged in {@code <version>.partial} and renamed when whole and forced to disk;
 * {@link #point} replaces the link with one rename, so after a power cut the link names either the
 * old or the new version, never nothing. Not thread-safe: the {@link Updater} serialises.
 */
public final class VersionStore {
    /** How the store opens a file for writing; tests pass one whose disk fills up. */
    @FunctionalInterface
    public interface Opener {
        OutputStream open(Path file) throws IOException;
    }

    public static final String CURRENT = "current";
    private final Path dir;
    private final Opener opener;

    public VersionStore(Path dir, Opener opener) {
        this.dir = dir;
        this.opener = opener;
    }

    public Path dir() {
        return dir;
    }

    /** The version the link names; empty for the package's own jar. */
    public Optional<String> current() throws IOException {
        Path link = dir.resolve(CURRENT);
        return Files.isSymbolicLink(link) ? Optional.of(Files.readSymbolicLink(link).getFileName().toString())
                : Optional.empty();
    }

    /** Points {@code current} at {@code version} (empty: removes it, the package's jar) in one rename. */
    public void point(Optional<String> version) throws IOException {
        Files.createDirectories(dir);
        Path link = dir.resolve(CURRENT);
        if (version.isEmpty()) {
            Files.deleteIfExists(link);
        } else {
            Path next = dir.resolve(CURRENT + ".next");
            Files.deleteIfExists(next);
            Files.createSymbolicLink(next, Path.of(version.get()));
            Files.move(next, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDir();
    }

    /** Whether {@code version} is installed whole. */
    public boolean has(String version) {
        return Files.isRegularFile(dir.resolve(version).resolve(UpdatePackage.JAR));
    }

    /**
     * Writes the verified jar as {@code version}: into {@code <version>.partial}, checked against the
     * manifest again while copying, forced, then renamed.
     */
    public void stage(String version, InputStream jar, UpdatePackage.Manifest m) throws IOException, UpdateException {
        Path partial = dir.resolve(version + ".partial");
        remove(version);
        Files.createDirectories(partial);
        Path file = partial.resolve(UpdatePackage.JAR);
        try (OutputStream out = opener.open(file)) {
            UpdatePackage.checkJar(new TeeInput(jar, out), m);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(partial, dir.resolve(version), StandardCopyOption.ATOMIC_MOVE);
        forceDir();
    }

    /** Deletes {@code version} and any partial copy of it. */
    public void remove(String version) throws IOException {
        deleteTree(dir.resolve(version));
        deleteTree(dir.resolve(version + ".partial"));
    }

    /** Deletes every version directory but {@code keep}. */
    public void prune(Set<String> keep) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> gone = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !keep.contains(p.getFileName().toString())).forEach(gone::add);
        }
        for (Path p : gone) {
            deleteTree(p);
        }
    }

    /** The installed versions (directory names), in no order. */
    public List<String> installed() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".partial")).toList();
        }
    }

    private void forceDir() throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Copies what is read to {@code out}, so one pass both checks and writes the jar. */
    private static final class TeeInput extends java.io.FilterInputStream {
        private final OutputStream out;

        TeeInput(InputStream in, OutputStream out) {
            super(in);
            this.out = out;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                out.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                out.write(b, off, n);
            }
            return n;
        }
    }
}
