package io.branchbox.box.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.hook.DefaultShutdownHook;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.Map;

/**
 * The box's logging, configured in Java: what {@code logback.xml} said, without Joran (Logback's XML
 * configurator loads some 250 classes of its own that stay loaded for the life of the process;
 * measured in docs/BENCHMARKS.md, "RSS on the merged tree (issue 20, session 7)").
 *
 * <p>One line per event, with the thread and, where there is one, the call id (MDC key {@code call}),
 * so a technician can follow one call with {@code grep 20261123-153012-0042 box.log}. Files roll daily
 * and by size (50 MB), 30 days and 1 GB at most, under {@code ${box.data}/logs} ({@code data} when the
 * property is unset). Both the console and the file are written by their own {@link AsyncAppender}
 * thread ({@code AsyncAppender-Worker-ASYNC_*}): a box thread (the signalling thread answering a
 * SETUP) only queues the line, so a slow disk or a stalled journald never holds it up. Nothing is
 * discarded (discarding threshold 0); when 2,048 lines wait, the caller waits. A shutdown hook drains
 * the queues at a normal exit (System.exit, SIGTERM, the thread watchdog); an exit by
 * {@code -XX:+ExitOnOutOfMemoryError} may lose the last milliseconds of lines. Secrets never reach a
 * log line: that is the callers' rule (no password, key or token is ever passed to a logger); this
 * class adds no converter that could print one (no caller data, no arguments dump).
 *
 * <p>Found by Logback through {@code META-INF/services}; it steps aside ({@link ExecutionStatus#INVOKE_NEXT_IF_ANY},
 * so Joran reads the XML) when {@code logback.configurationFile} is set (the tools: {@code logback-tool.xml})
 * or a {@code logback-test.xml} is on the class path (the tests). Runs once, on the thread that
 * logs first, before any other logging.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class BoxLogConfigurator extends ContextAwareBase implements Configurator {
    /** The line format, as it was in logback.xml (log readers and the support scripts rely on it). */
    public static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} %X{call} - %msg%n";
    /** Lines that may wait for each writer thread before a caller waits. */
    public static final int QUEUE_LINES = 2048;
    /** Libraries that say too much at INFO (and Pi4J's board detection, wrong off a Raspberry Pi). */
    static final Map<String, Level> LEVELS = Map.of(
            "org.eclipse.jetty", Level.WARN,
            "io.javalin", Level.WARN,
            "org.flywaydb", Level.WARN,
            "io.moquette", Level.WARN,
            "io.netty", Level.WARN,
            "com.pi4j", Level.WARN,
            "com.pi4j.boardinfo", Level.OFF);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || BoxLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, Path.of(System.getProperty("box.data", "data")), true);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Configures {@code context} for a box whose data directory is {@code dataDir}: the console and
     * {@code dataDir/logs/box.log}, each behind an asynchronous appender; with {@code shutdownHook},
     * a JVM shutdown hook that stops the context (drains the queues).
     */
    public static void configure(LoggerContext context, Path dataDir, boolean shutdownHook) {
        if (shutdownHook) {
            DefaultShutdownHook hook = new DefaultShutdownHook();
            hook.setContext(context);
            Thread thread = new Thread(hook, "Logback shutdown hook [" + context.getName() + "]");
            context.putObject(CoreConstants.SHUTDOWN_HOOK_THREAD, thread);
            Runtime.getRuntime().addShutdownHook(thread);
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder(context));
        console.start();

        Path logs = dataDir.resolve("logs");
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(logs.resolve("box.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(logs.resolve("box.%d{yyyy-MM-dd}.%i.log.gz").toString());
        rolling.setMaxFileSize(FileSize.valueOf("50MB"));
        rolling.setMaxHistory(30);
        rolling.setTotalSizeCap(FileSize.valueOf("1GB"));
        rolling.start();
        file.setRollingPolicy(rolling); // also its triggering policy (size and time): setting both is warned about
        file.setEncoder(encoder(context));
        file.start();

        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(async(context, "ASYNC_CONSOLE", console));
        root.addAppender(async(context, "ASYNC_FILE", file));
    }

    /** One asynchronous appender per appender, so a stalled console cannot hold up the file. */
    private static Appender<ILoggingEvent> async(LoggerContext context, String name, Appender<ILoggingEvent> target) {
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName(name);
        async.setQueueSize(QUEUE_LINES);
        async.setDiscardingThreshold(0);
        async.addAppender(target);
        async.start();
        return async;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }
}
