package io.branchbox.admin.qa;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import io.branchbox.admin.http.HttpProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Chinese font the PDF exports embed: Noto Sans CJK SC from Debian's {@code fonts-noto-cjk}
 * (which the box's package recommends), found where fontconfig keeps fonts rather than at one
 * fixed path, so another layout of the same fonts (another Debian release, a font copied into
 * {@code /usr/local/share/fonts}) still works. The system property {@code branchbox.cjkFont}
 * ("file" or "file.ttc,index") names another font and wins.
 *
 * <p>No font means no PDF: {@link #get} throws a 503 {@link HttpProblem} that names the package to
 * install before a byte is written, never a PDF whose Chinese is missing. Thread-safe; the font
 * is looked for at each export (a walk of a few font folders; installing the package needs no
 * restart) and read once per file.
 */
final class CjkFont {
    /** The Debian package to install. */
    static final String PACKAGE = "fonts-noto-cjk";
    /** Where fonts live on Debian (the package's own files, and the administrator's). */
    static final List<Path> ROOTS = List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"));
    /** Files holding a Simplified Chinese sans face, best first: the package's collection, single-face files. */
    private static final List<String> FILES = List.of("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf",
            "NotoSansSC-Regular.otf", "NotoSansCJK-Medium.ttc", "NotoSerifCJK-Regular.ttc");
    private static final int DEPTH = 4;
    private static volatile Loaded loaded;

    private record Loaded(String spec, BaseFont font) {}

    private CjkFont() {}

    /** The font to embed; a 503 {@link HttpProblem} saying what to install when there is none. */
    static BaseFont get() {
        return get(System.getProperty("branchbox.cjkFont"), ROOTS);
    }

    /** As {@link #get()}, with the named font ({@code null}: look) and where to look. */
    static BaseFont get(String named, List<Path> roots) {
        String spec = named != null && !named.isBlank() ? named.strip() : find(roots).orElseThrow(() ->
                new HttpProblem(503, "PDF export needs a Chinese font: install the Debian package " + PACKAGE
                        + " (looked for " + FILES.get(0) + " under " + roots + "), or name one with"
                        + " -Dbranchbox.cjkFont=file.ttc,index; the CSV and xlsx exports work without it"));
        Loaded l = loaded;
        if (l != null && l.spec().equals(spec)) {
            return l.font();
        }
        BaseFont f = load(spec);
        loaded = new Loaded(spec, f);
        return f;
    }

    /**
     * The font spec of the first Simplified Chinese face under {@code roots}: "file.ttc,index" for a
     * collection (the index of its "SC" face), "file" for a single face; empty when there is none.
     */
    static Optional<String> find(List<Path> roots) {
        for (String name : FILES) {
            for (Path root : roots) {
                Optional<Path> file = search(root, name);
                if (file.isPresent()) {
                    String path = file.get().toString();
                    return Optional.of(path.toLowerCase(Locale.ROOT).endsWith(".ttc") ? path + "," + scIndex(path) : path);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> search(Path root, String name) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(root, DEPTH)) {
            return files.filter(p -> p.getFileName().toString().equals(name) && Files.isReadable(p))
                    .min(Comparator.naturalOrder());
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The index of the Simplified Chinese face in a CJK collection (2 in Noto's; read, not assumed; 0 if unnamed). */
    private static int scIndex(String ttc) {
        try {
            String[] names = BaseFont.enumerateTTCNames(ttc);
            for (int i = 0; i < names.length; i++) {
                // "Noto Sans CJK SC" or "NotoSansCJKsc-Regular", as the collection's version names it
                String n = names[i].toLowerCase(Locale.ROOT).replace(" ", "");
                if (n.contains("cjksc") || n.endsWith("sc")) {
                    return i;
                }
            }
            return 0;
        } catch (DocumentException | IOException e) {
            throw new HttpProblem(503, "the font collection " + ttc + " cannot be read: " + e.getMessage());
        }
    }

    private static BaseFont load(String spec) {
        String file = spec.contains(",") ? spec.substring(0, spec.lastIndexOf(',')) : spec;
        if (!Files.isReadable(Path.of(file))) {
            throw new HttpProblem(503, "PDF export needs a Chinese font: " + file + " cannot be read (install "
                    + PACKAGE + " or correct -Dbranchbox.cjkFont)");
        }
        try {
            return BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new HttpProblem(503, "the Chinese font " + spec + " cannot be used for PDF: " + e.getMessage());
        }
    }
}
