package io.branchbox.firmware.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.branchbox.time.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;
    private CatalogFixture fx;
    private ManualScheduler scheduler;
    private AccessLog log;

    @BeforeEach
    void open() {
        fx = new CatalogFixture(dir);
        scheduler = new ManualScheduler(T0, ZoneOffset.UTC);
        log = new AccessLog(fx.db.dataSource(), scheduler.clock());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void everyAccessIsKeptWithWhoWhenAndWhich() throws Exception {
        log.record("anna", "c1", AccessAction.LISTEN);
        scheduler.advance(Duration.ofMinutes(1));
        log.record("bert", "c1", AccessAction.DOWNLOAD, "c1.wav");
        log.record("anna", "c2", AccessAction.LISTEN);

        List<AccessLog.Entry> c1 = log.forCall("c1");

        assertEquals(2, c1.size());
        assertEquals("anna", c1.get(0).user());
        assertEquals(T0, c1.get(0).at());
        assertEquals(AccessAction.LISTEN, c1.get(0).action());
        assertEquals(T0.plusSeconds(60), c1.get(1).at());
        assertEquals("c1.wav", c1.get(1).detail());
        assertEquals(List.of("c1", "c2"),
                log.between(T0.plusSeconds(30), T0.plusSeconds(90)).stream().map(AccessLog.Entry::callId).toList());
        assertEquals(1, log.between(T0, T0.plusSeconds(30)).size());
    }

    @Test
    void overlongDetailIsCutNotRefused() throws Exception {
        log.record("anna", "c1", AccessAction.EXPORT, "x".repeat(400));

        assertEquals(255, log.forCall("c1").get(0).detail().length());
    }

    @Test
    void anonymousAccessIsRefused() {
        assertThrows(NullPointerException.class, () -> log.record(null, "c1", AccessAction.LISTEN));
    }

    @Test
    void catalogNamesAreRelativeToTheRecordingsDirectory() {
        assertEquals("2026/03/02/c1.wav", fx.catalog.nameOf(fx.recordings.resolve("2026/03/02/c1.wav")));
        assertEquals("2026/03/02/c1.wav", fx.catalog.nameOf(Path.of("2026/03/02/c1.wav")));
        Path outside = dir.resolve("elsewhere/c1.wav").toAbsolutePath();
        assertEquals(outside.toString(), fx.catalog.nameOf(outside));
    }
}
