package io.branchbox.provisioning;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ConfigError;
import io.branchbox.firmware.config.ConfigException;
import io.branchbox.firmware.config.ConfigRevisions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The technician's command-line tool for configuration documents, used at staging before a box
 * goes to a branch and for bulk roll-outs:
 *
 * <pre>
 *   provision defaults                      print the factory document
 *   provision validate FILE                 check a document, list every problem
 *   provision import FILE --config TARGET   validate, then install as the box's document
 * </pre>
 *
 * Import never installs a document that does not validate, writes atomically (a power cut leaves
 * the old or the new document) and raises the revision above the installed one, so the box and
 * the web admin see a new version. Exit codes: 0 done, 1 invalid document, 2 usage or I/O error.
 */
public final class ProvisionTool {
    private final PrintStream out;
    private final PrintStream err;

    public ProvisionTool(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new ProvisionTool(System.out, System.err).run(args));
    }

    /** Runs one command; returns the process exit code. */
    public int run(String... args) {
        try {
            if (args.length == 1 && args[0].equals("defaults")) {
                out.println(ConfigDocuments.toJson(ConfigDocuments.defaults()));
                return 0;
            }
            if (args.length == 2 && args[0].equals("validate")) {
                BoxConfig c = ConfigDocuments.read(Path.of(args[1]));
                out.println("valid: " + summary(c));
                return 0;
            }
            if (args.length == 4 && args[0].equals("import") && args[2].equals("--config")) {
                return importDocument(Path.of(args[1]), Path.of(args[3]));
            }
            err.println("usage: provision defaults | validate FILE | import FILE --config TARGET");
            return 2;
        } catch (ConfigException e) {
            err.println("invalid document:");
            for (ConfigError ce : e.errors()) {
                err.println("  " + ce);
            }
            return 1;
        } catch (IOException e) {
            err.println("cannot read or write: " + e.getMessage());
            return 2;
        }
    }

    private int importDocument(Path file, Path target) throws IOException, ConfigException {
        BoxConfig incoming = ConfigDocuments.read(file);
        BoxConfig installed = null;
        if (Files.exists(target)) {
            try {
                installed = ConfigDocuments.read(target);
            } catch (ConfigException e) {
                err.println("the installed document is invalid and will be replaced: " + e.getMessage());
            }
        }
        BoxConfig next;
        if (installed != null) {
            // a revision like any saved on the web, with its audit record (who: the operating-system user)
            ConfigRevisions revisions = ConfigRevisions.open(target, installed, Clock.systemUTC(), 50);
            try {
                next = revisions.save(incoming, installed.revision(), "provision (" + System.getProperty("user.name") + ")",
                        ConfigRevisions.Action.IMPORT).config();
            } catch (ConfigRevisions.StaleRevisionException e) {
                throw new IllegalStateException("the installed revision was read just now", e);
            }
        } else {
            next = withRevision(incoming, Math.max(incoming.revision(), 1));
            ConfigDocuments.write(target, next);
        }
        out.println("installed revision " + next.revision() + " at " + target + ": " + summary(next));
        return 0;
    }

    private static BoxConfig withRevision(BoxConfig c, long revision) {
        return c.withRevision(revision);
    }

    private static String summary(BoxConfig c) {
        return "site " + c.site().siteId() + ", box " + c.site().boxId() + ", revision " + c.revision() + ", "
                + c.spans().size() + " span(s), " + c.agents().size() + " agent(s), " + c.queues().size() + " queue(s)";
    }
}
