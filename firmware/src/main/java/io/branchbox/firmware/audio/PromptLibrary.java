package io.branchbox.firmware.audio;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's prompt sets: named announcements as 8 kHz A-law.
 *
 * <p>Layout: the built-in sets {@value #MANDARIN_SET} (Mandarin, the factory document's) and
 * {@value #DEFAULT_SET} (English) ship in the firmware ({@link BuiltInPrompts}) and cannot be
 * changed. Every other set is a directory {@code <root>/<set>/} of {@code <name>.wav} files,
 * normally {@code <data>/prompts/}, written by {@link #save} (already converted by
 * {@link WavImport}). A prompt is looked up in the active set first, then — for an uploaded set —
 * in the Mandarin set, and last in the English set, so a site set needs only the prompts it
 * changes. Announcements say numbers the way the set's language does ({@link NumberSpeech}: the
 * English set the English way, every other set the Chinese way). Set and prompt names match
 * {@link #NAME}; nothing else ever becomes a path.
 *
 * <p>Changes are live: {@link #save}, {@link #delete} and {@link #setActiveSet} drop the cache,
 * and the next {@link #get} reads the disk again. Callers that already hold a prompt's bytes
 * (a caller half-way through the greeting) keep playing the old version.
 *
 * <p>Threading: thread-safe. {@link #get} is called by call control on the signalling thread and
 * may read the disk on a cache miss (a few kilobytes); {@link #save}, {@link #delete},
 * {@link #list} run on web threads and block on the disk. Nothing here runs on the audio path:
 * the sources it makes ({@link #sequence}) only copy bytes.
 */
public final class PromptLibrary {
    private static final Logger log = LoggerFactory.getLogger(PromptLibrary.class);
    /** The built-in English set (its name from when it was the only one). */
    public static final String DEFAULT_SET = BuiltInPrompts.ENGLISH;
    /** The built-in Mandarin set, the factory document's {@code ivr.promptSet}. */
    public static final String MANDARIN_SET = BuiltInPrompts.MANDARIN;
    /** What set and prompt names look like (they become file names). */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /**
     * One prompt as a set offers it.
     *
     * @param name    the prompt's name
     * @param origin  the set it comes from: the listed set itself, or the built-in set it inherits from
     * @param samples its length in samples (8000 per second)
     */
    public record PromptInfo(String name, String origin, long samples) {
        public long durationMs() {
            return samples / 8;
        }

        public boolean builtIn() {
            return BuiltInPrompts.isBuiltIn(origin);
        }
    }

    private final Path root;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
    private volatile String activeSet;

    /**
     * @param root      directory holding one directory per uploaded set; may not exist yet
     * @param activeSet the set callers hear ({@code ivr.promptSet}); a set without files, or a
     *                  name no set can have, means the default set
     */
    public PromptLibrary(Path root, String activeSet) {
        this.root = root;
        this.activeSet = usable(activeSet);
    }

    public String activeSet() {
        return activeSet;
    }

    /**
     * Makes {@code set} the one callers hear from the next prompt on. A name that no set can have
     * (the configuration allows more than {@link #NAME}) is logged and means the default set, so
     * a typo never keeps the box from speaking.
     */
    public void setActiveSet(String set) {
        activeSet = usable(set);
        cache.clear();
    }

    private static String usable(String set) {
        if (set == null || !NAME.matcher(set).matches()) {
            log.warn("prompt set '{}' cannot exist (names are {}); the default set is played", set, NAME.pattern());
            return DEFAULT_SET;
        }
        return set;
    }

    /**
     * The A-law samples of prompt {@code name} in the active set, else in the default set (shared:
     * do not modify). Throws {@link IllegalArgumentException} for a bad name or a prompt that
     * exists nowhere.
     */
    public byte[] get(String name) {
        checkName(name, "prompt");
        return cache.computeIfAbsent(name, n -> resolve(activeSet, n).orElseThrow(
                () -> new IllegalArgumentException("no prompt named '" + n + "'")));
    }

    /** The prompt {@code name} as set {@code set} offers it (its own, else the built-in sets'). */
    public Optional<byte[]> resolve(String set, String name) {
        checkName(set, "set");
        checkName(name, "prompt");
        if (BuiltInPrompts.isBuiltIn(set)) {
            return BuiltInPrompts.get(set, name).or(() -> BuiltInPrompts.get(DEFAULT_SET, name));
        }
        Path file = file(set, name);
        if (Files.isRegularFile(file)) {
            try {
                return Optional.of(WavAudio.toAlaw(Files.readAllBytes(file)));
            } catch (IOException e) {
                // a damaged file must not silence the box: the built-in prompt stands in
                log.error("prompt {}/{} cannot be read, the built-in one is played: {}", set, name, e.toString());
            }
        }
        return BuiltInPrompts.get(MANDARIN_SET, name).or(() -> BuiltInPrompts.get(DEFAULT_SET, name));
    }

    /** The built-in sets ({@value #MANDARIN_SET}, {@value #DEFAULT_SET}) first, then the uploaded sets by name. */
    public List<String> sets() throws IOException {
        List<String> sets = new ArrayList<>(BuiltInPrompts.SETS);
        if (Files.isDirectory(root)) {
            TreeSet<String> found = new TreeSet<>();
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
                for (Path d : dirs) {
                    String n = d.getFileName().toString();
                    if (NAME.matcher(n).matches() && !BuiltInPrompts.isBuiltIn(n)) {
                        found.add(n);
                    }
                }
            }
            sets.addAll(found);
        }
        return sets;
    }

    /** Every prompt {@code set} offers, by name: the built-ins (its own version where it has one) and its additions. */
    public List<PromptInfo> list(String set) throws IOException {
        checkName(set, "set");
        Map<String, PromptInfo> byName = new LinkedHashMap<>();
        List<String> chain = BuiltInPrompts.isBuiltIn(set) ? List.of(DEFAULT_SET, set) : List.of(DEFAULT_SET, MANDARIN_SET);
        for (String base : chain) { // later sets in the chain win
            for (String n : BuiltInPrompts.names(base)) {
                byName.put(n, new PromptInfo(n, base, BuiltInPrompts.get(base, n).map(b -> b.length).orElse(0)));
            }
        }
        Path dir = root.resolve(set);
        if (!BuiltInPrompts.isBuiltIn(set) && Files.isDirectory(dir)) {
            TreeSet<String> own = new TreeSet<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.wav")) {
                for (Path f : files) {
                    String n = f.getFileName().toString().replaceFirst("\\.wav$", "");
                    if (NAME.matcher(n).matches()) {
                        own.add(n);
                    }
                }
            }
            for (String n : own) {
                long bytes = Files.size(file(set, n));
                byName.put(n, new PromptInfo(n, set, Math.max(0, bytes - PromptLibraryFiles.HEADER_BYTES)));
            }
        }
        return List.copyOf(byName.values());
    }

    /** Whether {@code set} is a built-in, unchangeable set. */
    public static boolean isBuiltIn(String set) {
        return BuiltInPrompts.isBuiltIn(set);
    }

    /**
     * Stores {@code alaw} (8 kHz mono A-law, e.g. {@link WavImport.Imported#alaw}) as prompt
     * {@code name} of {@code set}, replacing any earlier one atomically. The built-in sets refuse.
     */
    public void save(String set, String name, byte[] alaw) throws IOException {
        checkWritable(set);
        checkName(name, "prompt");
        if (alaw.length == 0 || alaw.length > WavImport.MAX_SECONDS * 8000L) {
            throw new IllegalArgumentException("a prompt holds 1 sample to " + WavImport.MAX_SECONDS + " s");
        }
        PromptLibraryFiles.writeAtomically(file(set, name), PromptLibraryFiles.wav(alaw));
        cache.clear();
        log.info("prompt {}/{} saved ({} ms)", set, name, alaw.length / 8);
    }

    /** Removes {@code set}'s own prompt {@code name} (the default's, if any, is heard again); whether there was one. */
    public boolean delete(String set, String name) throws IOException {
        checkWritable(set);
        checkName(name, "prompt");
        boolean deleted = PromptLibraryFiles.delete(file(set, name));
        cache.clear();
        if (deleted) {
            log.info("prompt {}/{} deleted", set, name);
        }
        return deleted;
    }

    /**
     * A source that plays the named prompts of the active set one after another, once, then
     * silence, and runs {@code onEnd} on the audio thread after the last frame (see
     * {@link Prompts#once}). The prompts are looked up and joined now, on the caller's thread.
     */
    public AudioSource sequence(List<String> names, Runnable onEnd) {
        List<byte[]> parts = new ArrayList<>(names.size());
        int total = 0;
        for (String n : names) {
            byte[] p = get(n);
            parts.add(p);
            total += p.length;
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return Prompts.once(all, onEnd);
    }

    /** The prompts of the position and wait announcement, said the English way; see {@link NumberSpeech}. */
    public static List<String> positionAnnouncement(int position, java.time.Duration expectedWait) {
        return NumberSpeech.ENGLISH.position(position, expectedWait);
    }

    /** The announcement's prompts as the active set's language says them (English set: English; others: Chinese). */
    public List<String> announcement(int position, java.time.Duration expectedWait) {
        return BuiltInPrompts.speech(activeSet).position(position, expectedWait);
    }

    private Path file(String set, String name) {
        return root.resolve(set).resolve(name + ".wav");
    }

    private static void checkWritable(String set) {
        checkName(set, "set");
        if (isBuiltIn(set)) {
            throw new IllegalArgumentException("the '" + set + "' set is built in and cannot be changed");
        }
    }

    private static String checkName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad " + what + " name '" + name + "'");
        }
        return name;
    }
}
