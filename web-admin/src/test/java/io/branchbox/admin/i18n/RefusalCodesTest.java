package io.branchbox.admin.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.tls.UploadedCertificate;
import io.branchbox.firmware.audio.WavImportException;
import io.branchbox.firmware.recording.ExportRefusedException;
import io.branchbox.firmware.console.Refusal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lower layers refuse with stable codes, never with words for the user: every code the engine's
 * console, the prompt recorder, the WAV converter, the evidence export and the certificate upload
 * can give has its text in both catalogues, so a user never meets a layer's English. The codes
 * are collected from the enums themselves and from the engine's sources (a code added there
 * without its text fails here).
 */
class RefusalCodesTest {
    private static final Path FIRMWARE = Path.of("../firmware/src/main/java/io/branchbox/firmware");
    private static final Pattern CONSOLE_CODE = Pattern.compile("new ConsoleException\\(\\s*\"([a-z-]+)\"");

    private final Catalogue catalogue = Catalogue.load();

    @Test
    void everyRefusalCodeHasItsWordsInChineseAndEnglish() throws IOException {
        Set<String> keys = new TreeSet<>();
        Set<String> consoleCodes = consoleCodes(FIRMWARE);
        assertTrue(consoleCodes.containsAll(Set.of("busy", "no-seat", "seat-taken", "wrong-state")),
                "the scan finds call control's codes: " + consoleCodes);
        consoleCodes.forEach(c -> keys.add("console.refused." + c));
        Arrays.stream(Refusal.values()).forEach(r -> keys.add("console.refused." + r.code()));
        keys.add("console.refused.console-unavailable");
        keys.add("console.refused.timeout");
        consoleCodes(FIRMWARE.resolve("call/PromptByPhone.java")).forEach(c -> keys.add("prompts.error.phone." + c));
        Arrays.stream(WavImportException.Reason.values()).forEach(r -> keys.add("prompts.error.audio." + r.name()));
        Arrays.stream(ExportRefusedException.Reason.values()).forEach(r -> keys.add("recordings.error.export." + r.name()));
        Arrays.stream(UploadedCertificate.Problem.values()).forEach(p -> keys.add(p.code()));

        Set<String> missing = keys.stream()
                .filter(k -> !catalogue.has(Language.ZH_CN, k) || !catalogue.has(Language.EN, k))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), missing);
    }

    private static Set<String> consoleCodes(Path under) throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(under)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CONSOLE_CODE.matcher(Files.readString(f));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        return codes;
    }
}
