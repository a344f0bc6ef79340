package io.branchbox.box;

import io.branchbox.time.ThreadNames;
import io.branchbox.admin.reports.ReportCommand;
import io.branchbox.drivers.cb1.link.JSerialCommLink;
import io.branchbox.drivers.gpio.GpioPlatform;
import io.branchbox.box.firstboot.FirstBoot;
import io.branchbox.box.update.Updater;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.runtime.BoxOptions;
import io.branchbox.firmware.runtime.BoxRuntime;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's command line: {@code java -jar box.jar [--config FILE] [--data DIR] [--device PATH]
 * [--web-port N]}, or {@code java -jar box.jar analyze-line FILE.wav} (see {@link AnalyzeLine}), or one of
 * the tools of {@link BoxTools} (version, provision, backup, restore, verify-backup), or
 * {@code java -jar box.jar report --data DIR --from D --to D ...} (the KPIs, see {@link ReportCommand}). Before the box
 * starts, {@link FirstBoot} makes its identity and, on an empty data directory, applies a
 * provisioning file. Runs until the process is stopped; a SIGTERM stops the box cleanly (open
 * recordings are finished).
 */
public final class BoxMain {
    /** Not a static field: the report tool chooses its logging before anything logs. */
    private static Logger log() {
        return LoggerFactory.getLogger(BoxMain.class);
    }

    /** Exit status when a technician restarts the box from the web admin, for the service manager to restart on. */
    static final int RESTART_EXIT_CODE = 4;

    private BoxMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("report")) {
            // warnings to stderr, no log file: stdout carries the report, the data directory stays untouched
            System.setProperty("logback.configurationFile", "logback-tool.xml");
            System.exit(ReportCommand.main(System.out, System.err, java.util.Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        if (args.length > 0 && args[0].equals("analyze-line")) {
            System.exit(AnalyzeLine.run(System.out, System.err, java.util.Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        if (args.length > 0 && BoxTools.COMMANDS.contains(args[0])) {
            System.exit(new BoxTools(System.out, System.err, java.time.Clock.systemDefaultZone()).run(args));
            return;
        }
        BoxOptions options;
        try {
            options = BoxOptions.parse(args);
        } catch (IllegalArgumentException e) {
            log().error("{}\n{}", e.getMessage(), BoxOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            log().info("\n{}", BoxOptions.USAGE);
            return;
        }
        System.setProperty("box.data", options.dataDir().toString());
        // an update under way resumes or rolls back before anything else (docs/UPDATES.md)
        Updater updater = Updater.forBox(options.dataDir(), BoxTools.version());
        try {
            if (updater.atStart() == Updater.Start.RESTART) {
                log().warn("restarting into the version the update links now");
                System.exit(RESTART_EXIT_CODE);
                return;
            }
        } catch (java.io.IOException e) {
            log().error("the update state under {} cannot be resolved ({}): starting the linked version as it is",
                    options.dataDir(), e.getMessage());
        }
        BoxConfig config;
        try {
            new FirstBoot(java.time.Clock.systemUTC(), new java.security.SecureRandom()).prepare(options.configPath(),
                    options.dataDir(), ConfigDocuments.defaults().appliance().provisioningDirs());
            config = ConfigLoading.load(options);
        } catch (ConfigLoading.Unusable e) {
            log().error("{}", e.getMessage());
            System.exit(1);
            return;
        } catch (java.io.IOException e) {
            log().error("the configuration {} cannot be prepared for the first boot: {}", options.configPath(), e.getMessage());
            System.exit(1);
            return;
        }
        // a dead box thread or an uncaught error raises BOX_THREAD_DIED and exits for the service manager
        BoxRuntime.exitOnFatal(true);
        GpioPlatform gpio = GpioPlatform.open();
        BoxConfig.Board b = config.board();
        AtomicReference<BoxLauncher.Running> running = new AtomicReference<>();
        BoxRuntime.Hardware hw = new BoxRuntime.Hardware(
                () -> new JSerialCommLink(Path.of(b.device()), b.baud(), b.rtsCts()), gpio.context(), () -> {
                    FactoryReset.apply(options.configPath(), running.get().runtime().dataSource(), options.dataDir());
                    // the service manager restarts the box, which comes up with the factory document
                    System.exit(FactoryReset.EXIT_CODE);
                });
        ApplianceServices appliance = new ApplianceServices(options.configPath(), options.dataDir(), config,
                () -> System.exit(FactoryReset.EXIT_CODE), System.getenv(), updater, () -> System.exit(RESTART_EXIT_CODE));
        // "restart now" in the web admin: stop cleanly (the shutdown hook) and let the service manager start us again
        BoxLauncher.Running box = BoxLauncher.start(config, options.configPath(), options.dataDir(), hw,
                BoxRuntime::console, user -> {
                    new Thread(() -> System.exit(RESTART_EXIT_CODE), ThreadNames.RESTART).start();
                    return true;
                }, BoxLauncher.httpsFor(config, options.dataDir(), System.getenv("BOX_HTTPS")), appliance::routes);
        running.set(box);
        appliance.attachWeb(box.config(), () -> box.web().certificateFingerprint().orElse(""));
        appliance.started(box.web().port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            appliance.close();
            box.close();
            gpio.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}
