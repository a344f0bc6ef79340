package io.branchbox.box.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java configuration keeps what logback.xml did: format, file, rolling, levels, asynchronous writers. */
class BoxLogConfiguratorTest {
    @Test
    void writesTheBoxLogThroughAsynchronousAppendersInTheSameFormat(@TempDir Path data) throws Exception {
        LoggerContext context = new LoggerContext();
        LogbackMDCAdapter mdc = new LogbackMDCAdapter(); // SLF4J's binding gives the default context one
        context.setMDCAdapter(mdc);
        BoxLogConfigurator.configure(context, data, false);
        // a warning or error would make Logback print its whole status list on the console at start
        assertEquals(Status.INFO, new StatusUtil(context).getHighestLevel(0), context.getStatusManager().getCopyOfStatusList().toString());
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        assertEquals(List.of("ASYNC_CONSOLE", "ASYNC_FILE"), appenders.stream().map(Appender::getName).toList());
        for (Appender<ILoggingEvent> a : appenders) {
            AsyncAppender async = assertInstanceOf(AsyncAppender.class, a);
            assertEquals(BoxLogConfigurator.QUEUE_LINES, async.getQueueSize());
            assertEquals(0, async.getDiscardingThreshold(), "nothing is ever discarded");
            assertTrue(async.isStarted());
            async.setMaxFlushTime(0); // stop() below then waits for the drain however slow the machine is
        }
        AsyncAppender asyncFile = (AsyncAppender) appenders.get(1);
        RollingFileAppender<ILoggingEvent> file =
                assertInstanceOf(RollingFileAppender.class, asyncFile.getAppender("FILE"));
        SizeAndTimeBasedRollingPolicy<?> rolling = assertInstanceOf(SizeAndTimeBasedRollingPolicy.class,
                file.getRollingPolicy());
        assertEquals(30, rolling.getMaxHistory());
        assertEquals(data.resolve("logs/box.%d{yyyy-MM-dd}.%i.log.gz").toString(), rolling.getFileNamePattern());

        assertEquals(Level.WARN, context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel());
        assertEquals(Level.OFF, context.getLogger("com.pi4j.boardinfo.x").getEffectiveLevel());

        mdc.put("call", "20261123-153012-0042");
        try {
            context.getLogger("io.branchbox.firmware.calls.CallManager").info("answered on B{}", 7);
            context.getLogger("org.eclipse.jetty.server.Server").info("a Jetty INFO line is not written");
        } finally {
            mdc.remove("call");
        }
        context.stop(); // drains the asynchronous queues, as the shutdown hook does
        String log = Files.readString(data.resolve("logs/box.log"), StandardCharsets.UTF_8);
        assertTrue(log.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[[^]]+\\] "
                + "i\\.b\\.firmware\\.calls\\.CallManager 20261123-153012-0042 - answered on B7\\R"), log);
        assertFalse(log.contains("Jetty"));
    }

    @Test
    void isFoundByLogbackAndStepsAsideForTheToolsAndTheTests() {
        List<Configurator> found = new ArrayList<>();
        ServiceLoader.load(Configurator.class).forEach(found::add);
        assertTrue(found.stream().anyMatch(BoxLogConfigurator.class::isInstance), found.toString());
        // this test's class path has a logback-test.xml: Joran reads it, the box's set-up is not applied
        LoggerContext context = new LoggerContext();
        BoxLogConfigurator configurator = new BoxLogConfigurator();
        configurator.setContext(context);
        assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, configurator.configure(context));
        assertFalse(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext());
    }
}
