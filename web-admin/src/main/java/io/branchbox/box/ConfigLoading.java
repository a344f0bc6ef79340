package io.branchbox.box;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigException;
import io.branchbox.firmware.runtime.BoxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the configuration document for the command line so that every way it can be unusable
 * ends in one clear line, never a stack trace: a directory, an unreadable file, a {@code null}
 * document, binary garbage, an invalid document. The parsing and validation are
 * {@link BoxLauncher#loadConfig}'s; this only turns their failures into sentences.
 */
final class ConfigLoading {

    /** A configuration that cannot be used, with the one line to print. */
    static final class Unusable extends Exception {
        Unusable(String line) {
            super(line, null, false, false);
        }
    }

    private ConfigLoading() {}

    static BoxConfig load(BoxOptions o) throws Unusable {
        Path file = o.configPath();
        if (Files.isDirectory(file)) {
            throw new Unusable("the configuration " + file + " is a directory, not a document (--config names a JSON file)");
        }
        if (Files.exists(file) && !Files.isReadable(file)) {
            throw new Unusable("the configuration document " + file + " cannot be read (permissions)");
        }
        try {
            return BoxLauncher.loadConfig(o);
        } catch (ConfigException e) {
            throw new Unusable("the configuration document " + file + " is not valid: " + oneLine(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            // a null document, binary garbage, a file that vanished: say what and where, in one line
            throw new Unusable("the configuration document " + file + " cannot be used: it is not a JSON object"
                    + " the box understands (" + oneLine(e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + ")");
        }
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
