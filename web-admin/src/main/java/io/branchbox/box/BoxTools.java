package io.branchbox.box;

import io.branchbox.box.backup.BackupException;
import io.branchbox.box.backup.BackupInfo;
import io.branchbox.box.backup.BackupRestorer;
import io.branchbox.box.backup.BackupWriter;
import io.branchbox.box.backup.BoxFiles;
import io.branchbox.box.backup.DatabaseCopy;
import io.branchbox.box.update.UpdateException;
import io.branchbox.box.update.UpdateKeys;
import io.branchbox.box.update.UpdatePackage;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ConfigException;
import io.branchbox.provisioning.ProvisionTool;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The box jar's tool commands (what {@code /usr/bin/branchbox} runs besides {@code run}):
 *
 * <pre>
 *   version
 *   provision defaults | validate FILE | import FILE --config TARGET
 *   backup  [--config FILE] [--data DIR] [--to DIR] [--no-recordings]   (box stopped)
 *   restore [--config FILE] [--data DIR] FILE                           (box stopped)
 *   verify-backup FILE
 *   sign-update --key PRIVATE.pem --version V --jar box.jar --out FILE.bbu   (the project's release host)
 *   verify-update FILE.bbu                                             (with the jar's release key)
 * </pre>
 *
 * Exit codes: 0 done; 1 refused (damaged, foreign or newer backup, no space, box running); 2 usage.
 * Results go to {@code out}, errors to {@code err}; nothing here runs inside a running box.
 */
public final class BoxTools {
    /** The commands this class answers, for BoxMain's dispatch. */
    public static final List<String> COMMANDS = List.of("version", "provision", "backup", "restore", "verify-backup",
            "sign-update", "verify-update");

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public BoxTools(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** The firmware's version from the jar's manifest ("dev" when run from classes). */
    public static String version() {
        String v = BoxTools.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Runs {@code args[0]} with the rest; returns the exit code. */
    public int run(String... args) {
        String cmd = args[0];
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        try {
            return switch (cmd) {
                case "version" -> {
                    out.println("branchbox " + version());
                    yield 0;
                }
                case "provision" -> new ProvisionTool(out, err).run(rest.toArray(String[]::new));
                case "backup" -> backup(rest);
                case "restore" -> restore(rest);
                case "verify-backup" -> verify(rest);
                case "sign-update" -> signUpdate(rest);
                case "verify-update" -> verifyUpdate(rest);
                default -> usage("unknown command " + cmd);
            };
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (BackupException e) {
            err.println("branchbox " + cmd + ": " + e.getMessage());
            return 1;
        } catch (ConfigException e) {
            err.println("branchbox " + cmd + ": the configuration document is not valid: " + e.getMessage());
            return 1;
        } catch (UpdateException e) {
            err.println("branchbox " + cmd + ": " + e.getMessage());
            return 1;
        } catch (IOException | java.security.GeneralSecurityException e) {
            err.println("branchbox " + cmd + ": " + e.getMessage());
            return 1;
        }
    }

    /** Signs {@code --jar} as update package {@code --out}; the private key is the project's (docs/UPDATES.md). */
    private int signUpdate(List<String> args) throws IOException, java.security.GeneralSecurityException {
        Path key = Path.of(take(args, "--key").orElseThrow(() -> new IllegalArgumentException("sign-update needs --key")));
        String v = take(args, "--version").orElseThrow(() -> new IllegalArgumentException("sign-update needs --version"));
        Path jar = Path.of(take(args, "--jar").orElseThrow(() -> new IllegalArgumentException("sign-update needs --jar")));
        Path to = Path.of(take(args, "--out").orElseThrow(() -> new IllegalArgumentException("sign-update needs --out")));
        noMore(args);
        UpdatePackage.write(jar, v, UpdateKeys.privateKey(java.nio.file.Files.readString(key)), clock.instant(), to);
        out.println(to);
        return 0;
    }

    private int verifyUpdate(List<String> args) throws UpdateException {
        Path file = Path.of(single(args, "verify-update needs the package file"));
        UpdatePackage.Manifest m = UpdatePackage.verify(file, UpdateKeys.trusted(), "0");
        out.println("good: branchbox " + m.version() + " signed by the project's release key, made " + m.createdAt());
        return 0;
    }

    private int backup(List<String> args) throws BackupException, IOException, ConfigException {
        Path data = Path.of(take(args, "--data").orElse("data"));
        Path config = Path.of(take(args, "--config").orElse(data.resolve("box.json").toString()));
        Path to = Path.of(take(args, "--to").orElse(data.resolve("backups").toString()));
        boolean recordings = !args.remove("--no-recordings");
        noMore(args);
        BoxConfig c = ConfigDocuments.read(config);
        Path file = new BackupWriter(BoxFiles.of(config, data, c), version(), clock)
                .write(to, recordings, DatabaseCopy.offline(data));
        out.println(file);
        return 0;
    }

    private int restore(List<String> args) throws BackupException, IOException, ConfigException {
        Path data = Path.of(take(args, "--data").orElse("data"));
        Path config = Path.of(take(args, "--config").orElse(data.resolve("box.json").toString()));
        Path file = Path.of(single(args, "restore needs the backup file"));
        BoxConfig current = ConfigDocuments.read(config);
        BackupInfo.Header h = new BackupRestorer().restore(file, BoxFiles.of(config, data, current));
        out.println("restored " + file.getFileName() + " (box " + h.boxId() + ", site " + h.siteId() + ", made "
                + h.createdAt() + " by firmware " + h.firmwareVersion() + (h.recordings() ? ", with recordings" : "")
                + "): start the box (systemctl start branchbox)");
        return 0;
    }

    private int verify(List<String> args) throws BackupException {
        Path file = Path.of(single(args, "verify-backup needs the backup file"));
        BackupInfo.Header h = new BackupRestorer().verify(file);
        out.println("good: backup of box " + h.boxId() + " made " + h.createdAt() + " by firmware " + h.firmwareVersion());
        return 0;
    }

    private static Optional<String> take(List<String> args, String option) {
        int i = args.indexOf(option);
        if (i < 0) {
            return Optional.empty();
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        String v = args.get(i + 1);
        args.subList(i, i + 2).clear();
        return Optional.of(v);
    }

    private static String single(List<String> args, String missing) {
        if (args.size() != 1 || args.get(0).startsWith("--")) {
            throw new IllegalArgumentException(args.isEmpty() ? missing : "unexpected " + args);
        }
        return args.get(0);
    }

    private static void noMore(List<String> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unexpected " + args);
        }
    }

    private int usage(String why) {
        err.println("branchbox: " + why);
        err.println("usage: version | provision … | backup [--config FILE] [--data DIR] [--to DIR] [--no-recordings]"
                + " | restore [--config FILE] [--data DIR] FILE | verify-backup FILE"
                + " | sign-update --key PRIVATE.pem --version V --jar box.jar --out FILE.bbu | verify-update FILE.bbu");
        return 2;
    }
}
