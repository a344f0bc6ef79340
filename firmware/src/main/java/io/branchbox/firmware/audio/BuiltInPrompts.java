package io.branchbox.firmware.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prompt sets shipped inside the firmware (class path {@code /prompts/<set>/}, each listed in
 * its {@code index.txt}, made by the {@code make-prompts.sh} beside it): {@value #ENGLISH}
 * (English) and {@value #MANDARIN} (Mandarin, the factory document's set). They cannot be changed.
 *
 * <p>Thread-safe: prompts are read from the class path once and shared.
 */
final class BuiltInPrompts {
    /** The English set (its historic name). */
    static final String ENGLISH = "default";
    /** The Mandarin set, what the factory document plays. */
    static final String MANDARIN = "zh-cn";
    /** Built-in sets in the order the web admin lists them. */
    static final List<String> SETS = List.of(MANDARIN, ENGLISH);

    private static final Map<String, List<String>> NAMES = Map.of(ENGLISH, index(ENGLISH), MANDARIN, index(MANDARIN));
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private BuiltInPrompts() {}

    static boolean isBuiltIn(String set) {
        return NAMES.containsKey(set);
    }

    /** The prompts built-in set {@code set} has, in its index order. */
    static List<String> names(String set) {
        return NAMES.getOrDefault(set, List.of());
    }

    /** How the set's language says numbers in announcements. */
    static NumberSpeech speech(String set) {
        return ENGLISH.equals(set) ? NumberSpeech.ENGLISH : NumberSpeech.MANDARIN;
    }

    /** Prompt {@code name} of built-in set {@code set}, if it has one. */
    static Optional<byte[]> get(String set, String name) {
        if (!names(set).contains(name)) {
            return Optional.empty();
        }
        return Optional.of(CACHE.computeIfAbsent(set + "/" + name, key -> {
            try (InputStream in = BuiltInPrompts.class.getResourceAsStream("/prompts/" + key + ".wav")) {
                if (in == null) {
                    throw new IllegalStateException("built-in prompt " + key + " is listed but missing from the firmware");
                }
                return WavAudio.toAlaw(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("built-in prompt " + key + " cannot be read", e);
            }
        }));
    }

    private static List<String> index(String set) {
        String path = "/prompts/" + set + "/index.txt";
        try (InputStream in = BuiltInPrompts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the firmware lacks its prompt index " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the firmware's prompt index " + path + " cannot be read", e);
        }
    }
}
