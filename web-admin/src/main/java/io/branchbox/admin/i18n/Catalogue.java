package io.branchbox.admin.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every message of the web admin in every {@link Language}: the merge of all the UTF-8 files
 * {@code i18n/<area>_<lang>.properties} on the class path (one pair per area: core, status,
 * config, kpi, qa, …), so each developer adds an area without touching a shared file.
 *
 * <p>Texts take positional arguments {@code {0}}, {@code {1}} … replaced literally (no
 * {@link java.text.MessageFormat} quoting rules for a translator to trip over). A missing key
 * yields the key itself, so a page never shows nothing; {@code CatalogueTest} fails the build on one.
 *
 * <p>Immutable after {@link #load()}; safe from any thread.
 */
public final class Catalogue {
    static final String DIRECTORY = "i18n";
    private static final Pattern FILE = Pattern.compile("([a-z][a-z0-9-]*)_(zh_CN|en)\\.properties");
    private static final Pattern ARG = Pattern.compile("\\{(\\d+)}");

    private final Map<Language, Map<String, String>> texts;
    private final Set<String> areas;

    private Catalogue(Map<Language, Map<String, String>> texts, Set<String> areas) {
        this.texts = texts;
        this.areas = areas;
    }

    /** Loads every catalogue file from the class path. */
    public static Catalogue load() {
        Map<Language, Map<String, String>> texts = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            texts.put(l, new TreeMap<>());
        }
        Set<String> areas = new TreeSet<>();
        for (Resource file : files()) {
            Matcher m = FILE.matcher(file.name());
            if (!m.matches()) {
                continue;
            }
            areas.add(m.group(1));
            Language language = m.group(2).equals("en") ? Language.EN : Language.ZH_CN;
            Properties p = new Properties();
            try (InputStream in = file.url().openStream()) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read message catalogue " + file.url(), e);
            }
            p.forEach((k, v) -> texts.get(language).put((String) k, (String) v));
        }
        Map<Language, Map<String, String>> frozen = new EnumMap<>(Language.class);
        texts.forEach((l, m) -> frozen.put(l, Collections.unmodifiableMap(m)));
        return new Catalogue(Collections.unmodifiableMap(frozen), Collections.unmodifiableSet(areas));
    }

    /** The text of {@code key} in {@code language} with its arguments filled in; the key when missing. */
    public String text(Language language, String key, Object... args) {
        String text = texts.get(language).get(key);
        if (text == null) {
            return key;
        }
        if (args.length == 0) {
            return text;
        }
        Matcher m = ARG.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(i < args.length ? String.valueOf(args[i]) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether the key exists in {@code language}. */
    public boolean has(Language language, String key) {
        return texts.get(language).containsKey(key);
    }

    /** Every key and text of one language, sorted (what the pages load). */
    public Map<String, String> all(Language language) {
        return texts.get(language);
    }

    /** The areas found (file name prefixes). */
    public Set<String> areas() {
        return areas;
    }

    private record Resource(String name, URL url) {}

    private static List<Resource> files() {
        List<Resource> found = new ArrayList<>();
        try {
            Enumeration<URL> roots = Catalogue.class.getClassLoader().getResources(DIRECTORY);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                switch (root.getProtocol()) {
                    case "file" -> {
                        try (Stream<Path> list = Files.list(Path.of(root.toURI()))) {
                            for (Path p : list.toList()) {
                                found.add(new Resource(p.getFileName().toString(), p.toUri().toURL()));
                            }
                        }
                    }
                    case "jar" -> {
                        JarURLConnection connection = (JarURLConnection) root.openConnection();
                        connection.setUseCaches(false);
                        try (JarFile jar = connection.getJarFile()) {
                            Enumeration<JarEntry> entries = jar.entries();
                            while (entries.hasMoreElements()) {
                                String name = entries.nextElement().getName();
                                if (name.startsWith(DIRECTORY + "/") && name.indexOf('/', DIRECTORY.length() + 1) < 0) {
                                    found.add(new Resource(name.substring(DIRECTORY.length() + 1),
                                            Catalogue.class.getClassLoader().getResource(name)));
                                }
                            }
                        }
                    }
                    default -> throw new IllegalStateException("cannot list message catalogues at " + root);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list message catalogues", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list message catalogues", e);
        }
        return found;
    }
}
