package io.branchbox.firmware.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.time.ManualScheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's connection handling and drain logic in virtual time, with a recording link. */
class UplinkServiceTest {

    @TempDir
    Path dir;

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<FakeLink> links = new ArrayList<>();

    @Test
    void connectsInBackgroundAndAnnouncesItselfOnConnect() {
        UplinkService uplink = service(settings(10));
        uplink.start();
        assertEquals(UplinkState.CONNECTING, uplink.status().state());
        scheduler.runPending();

        FakeLink link = links.get(0);
        assertEquals("branchbox/s1/b1/status", link.will.topic());
        assertTrue(link.will.retained());
        assertEquals(1, link.will.qos());
        assertTrue(text(link.will.payload()).contains("\"offline\""));

        link.events.connected();
        scheduler.runPending();

        assertEquals(UplinkState.CONNECTED, uplink.status().state());
        assertEquals(List.of("branchbox/s1/b1/status", "branchbox/s1/b1/birth"),
                link.sent.stream().map(s -> s.message().topic()).toList());
        assertTrue(link.sent.get(0).message().retained(), "online status is retained");
        assertTrue(text(link.sent.get(0).message().payload()).contains("\"online\""));
    }

    @Test
    void drainsWithinTheWindowAndForgetsOnlyWhatTheBrokerConfirmed() {
        UplinkService uplink = connected(service(settings(2)));
        for (int i = 0; i < 5; i++) {
            uplink.publishHealth(Map.of("n", i));
        }
        scheduler.runPending();
        FakeLink link = links.get(0);
        assertEquals(2, link.reports().size(), "two in flight");
        assertEquals(5, uplink.status().queued(), "nothing confirmed yet");

        link.events.published(link.reports().get(0).tag());
        scheduler.runPending();

        assertEquals(4, uplink.status().queued());
        assertEquals(3, link.reports().size(), "the freed slot is used at once");
    }

    @Test
    void aBacklogDrainsInOrderWithTheRaisedWindow() {
        UplinkService uplink = service(settings(2).withWindows(2, 5));
        uplink.start();
        for (int i = 0; i < 8; i++) {
            uplink.publishHealth(Map.of("n", i));
        }
        scheduler.runPending();
        FakeLink link = links.get(0);
        link.events.connected();
        scheduler.runPending();
        assertEquals(5, link.reports().size(), "backlog of 8: raised window of 5");

        for (int i = 0; i < 6; i++) {
            link.events.published(link.reports().get(i).tag());
            scheduler.runPending();
        }
        assertEquals(2, uplink.status().queued());
        assertEquals(8, link.reports().size(), "every message sent once, in order");
        assertEquals(link.reports().stream().map(FakeLink.Sent::tag).sorted().toList(),
                link.reports().stream().map(FakeLink.Sent::tag).toList());
    }

    @Test
    void theWindowStaysBelowTheBrokersReceiveMaximum() {
        UplinkService uplink = service(settings(10).withWindows(10, 100));
        uplink.start();
        for (int i = 0; i < 50; i++) {
            uplink.publishHealth(Map.of("n", i));
        }
        scheduler.runPending();
        FakeLink link = links.get(0);
        link.sendQuota = 20;
        link.events.connected();
        scheduler.runPending();
        // status and birth are unconfirmed, and two slots stay free for command replies
        assertEquals(16, link.reports().size());
    }

    @Test
    void lostConnectionRetriesAfterBackoffAndResendsUnconfirmedMessages() {
        UplinkService uplink = connected(service(settings(10)));
        uplink.publishAlarm(new Alarm("E1_LOS", Alarm.Severity.CRITICAL, "loss of signal", Map.of()));
        scheduler.runPending();
        FakeLink first = links.get(0);
        long tag = first.reports().get(0).tag();

        first.events.lost(new IOException("county link down"));
        scheduler.runPending();
        assertTrue(first.closed);
        assertEquals(UplinkState.CONNECTING, uplink.status().state());
        assertEquals("retry in 1000 ms", uplink.status().reason());
        assertTrue(uplink.status().lastError().contains("county link down"));

        scheduler.advance(Duration.ofMillis(999));
        assertEquals(1, links.size(), "no attempt before the backoff is over");
        scheduler.advance(Duration.ofMillis(1));
        FakeLink second = links.get(1);
        second.events.connected();
        first.events.published(tag);
        scheduler.runPending();

        assertEquals(1, uplink.status().queued(), "a late PUBACK from the dead link is ignored");
        assertEquals(List.of(tag), second.reports().stream().map(FakeLink.Sent::tag).toList(), "resent, same id");
    }

    @Test
    void failedAttemptsBackOffDoubling() {
        UplinkService uplink = service(settings(10));
        uplink.start();
        scheduler.runPending();
        links.get(0).events.connectFailed(new IOException("refused"));
        scheduler.runPending();
        assertEquals("retry in 1000 ms", uplink.status().reason());
        scheduler.advance(Duration.ofSeconds(1));
        links.get(1).events.connectFailed(new IOException("refused"));
        scheduler.runPending();
        assertEquals("retry in 2000 ms", uplink.status().reason());
    }

    @Test
    void disabledOrInvalidSettingsKeepTheServiceDisabled() {
        UplinkSettings base = settings(10);
        UplinkService off = service(new UplinkSettings(false, base.protocol(), base.serverUri(), base.clientId(),
                "", null, base.topicPrefix(), base.siteId(), base.boxId(), base.keepAlive(), null,
                base.reconnectMin(), base.reconnectMax(), base.healthInterval(), 10, 100));
        off.start();
        assertEquals(UplinkState.DISABLED, off.status().state());
        assertFalse(off.publishHealth(Map.of()), "nothing is queued while disabled");

        UplinkService bad = service(base.withServerUri("http://nowhere:80"));
        bad.start();
        assertEquals(UplinkState.DISABLED, bad.status().state());
        assertTrue(bad.status().lastError().startsWith("CONFIGURATION"), bad.status().lastError());
        assertTrue(links.isEmpty());
    }

    @Test
    void stopPublishesOfflineAndDisconnects() throws Exception {
        UplinkService uplink = connected(service(settings(10)));
        var done = uplink.stop();
        scheduler.runPending();

        FakeLink link = links.get(0);
        assertTrue(done.isDone());
        assertTrue(link.disconnected);
        FakeLink.Sent last = link.sent.get(link.sent.size() - 1);
        assertTrue(last.message().retained());
        assertTrue(text(last.message().payload()).contains("\"shutdown\""));
        assertEquals(UplinkState.DISABLED, uplink.status().state());
    }

    @Test
    void healthIsPolledEveryIntervalAndQueuedEvenWhileOffline() {
        UplinkService uplink = new UplinkService(settings(10), dir, scheduler, Map::of, () -> Map.of("ok", true),
                (s, events) -> new FakeLink(events), () -> 0.0);
        uplink.start();
        scheduler.advance(Duration.ofSeconds(59));
        assertEquals(0, uplink.status().queued());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(1, uplink.status().queued());
        scheduler.advance(Duration.ofSeconds(60));
        assertEquals(2, uplink.status().queued());
    }

    private UplinkService connected(UplinkService uplink) {
        uplink.start();
        scheduler.runPending();
        links.get(links.size() - 1).events.connected();
        scheduler.runPending();
        return uplink;
    }

    private UplinkService service(UplinkSettings settings) {
        return new UplinkService(settings, dir, scheduler, () -> Map.of("firmware", "test"), null,
                (s, events) -> {
                    FakeLink link = new FakeLink(events);
                    links.add(link);
                    return link;
                }, () -> 0.0);
    }

    private static UplinkSettings settings(int window) {
        UplinkSettings d = UplinkSettings.defaults("tcp://broker.test:1883", "s1", "b1");
        return new UplinkSettings(true, d.protocol(), d.serverUri(), d.clientId(), "", null, d.topicPrefix(),
                d.siteId(), d.boxId(), d.keepAlive(), null, d.reconnectMin(), d.reconnectMax(),
                d.healthInterval(), window, 1000).withWindows(window, window);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
