package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Runs first start, failed and good logins and a password change, then reads every log line. */
class SecretsStayOutOfLogsTest {
    private static final String NEW_PASSWORD = "fresh secret passphrase";
    private static final String WRONG_PASSWORD = "wrong guess passphrase";

    @TempDir
    Path dataDir;
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private TestBox box;

    /** The box's own loggers, at INFO while the test runs whatever logback-test.xml says. */
    private final Logger boxLoggers = (Logger) LoggerFactory.getLogger("io.branchbox");
    private Level boxLevel;

    @BeforeEach
    void capture() {
        captured.start();
        root.addAppender(captured);
        boxLevel = boxLoggers.getLevel();
        boxLoggers.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        boxLoggers.setLevel(boxLevel);
        if (box != null) {
            box.close();
        }
    }

    @Test
    void noPasswordSessionIdOrCsrfTokenIsEverLogged() {
        box = new TestBox(dataDir);
        String initial = box.initialPassword();
        WebClient client = box.client();
        client.login("admin", WRONG_PASSWORD);
        client.login("admin", initial);
        String csrf = client.csrfToken();
        client.postJson("/api/password", "{\"currentPassword\":" + WebClient.quote(initial)
                + ",\"newPassword\":" + WebClient.quote(NEW_PASSWORD) + "}");
        client.postJson("/logout", "{}");

        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();

        assertTrue(lines.stream().anyMatch(l -> l.equals("initial admin password written to "
                + dataDir.resolve("initial-admin-password"))), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("login failed for user admin from")), lines.toString());
        for (String line : lines) {
            for (String secret : List.of(initial, NEW_PASSWORD, WRONG_PASSWORD, csrf, TestBox.PASSWORD)) {
                assertFalse(line.contains(secret), "secret in log line: " + line);
            }
        }
    }

    @Test
    void forgedLineBreaksInUsernamesDoNotReachTheLog() {
        box = new TestBox(dataDir);

        box.client().login("admin\nINFO user admin logged in", WRONG_PASSWORD);

        assertTrue(captured.list.stream().map(ILoggingEvent::getFormattedMessage)
                .anyMatch(l -> l.startsWith("login failed for user <invalid name> from")));
        assertFalse(captured.list.stream().anyMatch(e -> e.getFormattedMessage().contains("\n")));
    }
}
