package io.branchbox.admin.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.users.Role;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message catalogue is complete: every key in both languages, every key a page, a script or
 * the Java code uses is in the catalogue, and each text takes the same arguments in both languages.
 */
class CatalogueTest {
    private static final Path CATALOGUES = Path.of("src/main/resources/i18n");
    private static final Path PAGES = Path.of("src/main/resources/web");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Pattern HTML_KEY = Pattern.compile("data-i18n(?:-title|-placeholder|-aria-label)?=\"([^\"]+)\"");
    private static final Pattern JS_KEY = Pattern.compile(
            "(?:\\bt\\(\\s*|data-i18n(?:-title|-placeholder)?=\\\\?\"|dataset\\.i18n\\w*\\s*=\\s*)[\"']([a-z][\\w-]*(?:\\.[\\w-]+)+)[\"']");
    private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z][a-z0-9]*(?:\\.[A-Za-z0-9_-]+){2,})\"");
    private static final Pattern ARG = Pattern.compile("\\{\\d+}");

    private final Catalogue catalogue = Catalogue.load();

    @Test
    void everyAreaHasTheSameKeysInChineseAndEnglish() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String area : catalogue.areas()) {
            Properties zh = read(CATALOGUES.resolve(area + "_zh_CN.properties"));
            Properties en = read(CATALOGUES.resolve(area + "_en.properties"));
            for (String key : zh.stringPropertyNames()) {
                if (!en.containsKey(key)) {
                    problems.add(area + "_en lacks " + key);
                }
                if (!key.startsWith(area + ".")) {
                    problems.add(key + " is in area " + area + " but does not start with '" + area + ".'");
                }
            }
            for (String key : en.stringPropertyNames()) {
                if (!zh.containsKey(key)) {
                    problems.add(area + "_zh_CN lacks " + key);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(catalogue.areas().contains("core"), catalogue.areas().toString());
    }

    @Test
    void aTextTakesTheSameArgumentsInBothLanguages() {
        List<String> problems = new ArrayList<>();
        catalogue.all(Language.ZH_CN).forEach((key, zh) -> {
            String en = catalogue.all(Language.EN).get(key);
            if (en != null && !args(zh).equals(args(en))) {
                problems.add(key + ": " + args(zh) + " vs " + args(en));
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyKeyUsedByAPageAScriptOrTheJavaCodeIsInTheCatalogue() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(PAGES)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                used.addAll(matches(f.toString().endsWith(".html") ? HTML_KEY : JS_KEY, text));
            }
        }
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                used.addAll(matches(JAVA_KEY, Files.readString(f)).stream()
                        .filter(k -> catalogue.areas().contains(k.substring(0, k.indexOf('.'))))
                        .filter(k -> !k.matches(".*\\.(js|css|html|json|properties|wav|png|pcap)$"))
                        .toList());
            }
        }
        Set<String> missing = used.stream()
                .filter(k -> !catalogue.has(Language.ZH_CN, k) || !catalogue.has(Language.EN, k))
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(Set.of(), missing);
        assertTrue(used.size() > 100, "the scan finds the keys in use: " + used.size());
    }

    @Test
    void everyRoleHasADisplayName() {
        for (Role role : Role.values()) {
            for (Language l : Language.values()) {
                assertTrue(catalogue.has(l, "core.role." + role.name()), l + " " + role);
            }
        }
    }

    @Test
    void argumentsAreFilledLiterallyAndAMissingKeyShowsItself() {
        assertEquals("尝试失败次数过多，请在 30 秒后再试。", catalogue.text(Language.ZH_CN, "core.error.tooManyAttempts", 30));
        assertEquals("Unknown field \"$1{0}\" in the request.", catalogue.text(Language.EN, "core.error.unknownField", "$1{0}"));
        assertEquals("core.no.such.key", catalogue.text(Language.EN, "core.no.such.key"));
    }

    private static Set<String> matches(Pattern p, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Set<String> args(String text) {
        return new TreeSet<>(matches(Pattern.compile("(\\{\\d+})"), text));
    }

    private static Properties read(Path file) throws IOException {
        assertTrue(Files.exists(file), "missing catalogue file " + file);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
