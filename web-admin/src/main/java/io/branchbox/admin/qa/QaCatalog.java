package io.branchbox.admin.qa;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The QA area's message catalogues ({@code i18n/qa_zh_CN.properties}, {@code i18n/qa_en.properties},
 * UTF-8), read once. Chinese is the default; a key missing in English falls back to Chinese.
 * Serves the page until the shared loader of every area takes over. Thread-safe (immutable maps).
 */
final class QaCatalog {
    private static final Map<String, String> ZH = load("i18n/qa_zh_CN.properties");
    private static final Map<String, String> EN = load("i18n/qa_en.properties");

    private QaCatalog() {}

    /** The messages of {@code lang} ({@code en...} for English, anything else Chinese). */
    static Map<String, String> messages(String lang) {
        if (lang != null && lang.toLowerCase(java.util.Locale.ROOT).startsWith("en")) {
            Map<String, String> m = new TreeMap<>(ZH);
            m.putAll(EN);
            return m;
        }
        return ZH;
    }

    /** One Chinese message (exports). */
    static String zh(String key) {
        return ZH.getOrDefault(key, key);
    }

    static Map<String, String> zh() {
        return ZH;
    }

    static Map<String, String> en() {
        return EN;
    }

    private static Map<String, String> load(String resource) {
        Properties p = new Properties();
        try (InputStream in = QaCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("message catalogue missing: " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new TreeMap<>();
        p.forEach((k, v) -> m.put(k.toString(), v.toString()));
        return Map.copyOf(m);
    }
}
