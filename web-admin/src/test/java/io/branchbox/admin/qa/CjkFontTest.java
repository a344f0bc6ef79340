package io.branchbox.admin.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.BaseFont;
import io.branchbox.admin.http.HttpProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF exports' Chinese font is found where fonts are kept (fonts-noto-cjk, which CI installs),
 * its Simplified Chinese face picked by name, and its absence is a clear 503, not a broken PDF.
 */
class CjkFontTest {
    private static final Path DEBIAN = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

    @TempDir
    Path fonts;

    @Test
    void theNotoCollectionIsFoundUnderAnyFontFolderAndItsSimplifiedChineseFaceChosen() throws Exception {
        assertTrue(Files.isReadable(DEBIAN), "install the Debian package fonts-noto-cjk (CI does)");
        Path elsewhere = Files.createDirectories(fonts.resolve("truetype/noto-cjk"));
        Files.createSymbolicLink(elsewhere.resolve("NotoSansCJK-Regular.ttc"), DEBIAN);
        Optional<String> spec = CjkFont.find(List.of(fonts));
        assertEquals(Optional.of(elsewhere.resolve("NotoSansCJK-Regular.ttc") + ",2"), spec);
        BaseFont f = CjkFont.get(null, List.of(fonts));
        assertTrue(f.getPostscriptFontName().contains("NotoSansCJKsc"), f.getPostscriptFontName());
        assertTrue(CjkFont.find(CjkFont.ROOTS).orElseThrow().startsWith("/usr/share/fonts/"), "found on this box");
    }

    @Test
    void withoutTheFontThePdfIsRefusedSayingWhatToInstall() {
        assertEquals(Optional.empty(), CjkFont.find(List.of(fonts, fonts.resolve("absent"))));
        HttpProblem p = assertThrows(HttpProblem.class, () -> CjkFont.get(null, List.of(fonts)));
        assertEquals(503, p.status());
        assertTrue(p.getMessage().contains("fonts-noto-cjk"), p.getMessage());
        HttpProblem named = assertThrows(HttpProblem.class, () -> CjkFont.get(fonts.resolve("none.ttc") + ",2", List.of()));
        assertEquals(503, named.status());
        assertTrue(named.getMessage().contains("fonts-noto-cjk"), named.getMessage());
    }
}
