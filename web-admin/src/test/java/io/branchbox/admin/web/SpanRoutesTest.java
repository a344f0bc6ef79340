package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.users.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The technician's span routes over a real server: capture download and channel blocking. */
class SpanRoutesTest {
    @TempDir
    Path dataDir;
    private TestBox box;
    private WebClient technician;

    @BeforeEach
    void start() {
        box = new TestBox(dataDir);
        technician = box.client();
        technician.login(TestBox.userFor(Role.TECHNICIAN), TestBox.PASSWORD);
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void technicianDownloadsTheDChannelCaptureAsAPcapFile() {
        HttpResponse<byte[]> r = technician.getBytes("/api/spans/0/capture.pcap");
        assertEquals(200, r.statusCode());
        assertArrayEquals(FakeSpanAdmin.CAPTURE, r.body());
        assertEquals("application/vnd.tcpdump.pcap", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").matches("attachment; filename=\"span0-\\d{8}-\\d{6}\\.pcap\""));
        assertEquals(404, technician.getBytes("/api/spans/3/capture.pcap").statusCode());
    }

    @Test
    void technicianBlocksAndUnblocksBChannelsButNeverTheDChannel() {
        technician.csrfToken();
        assertEquals(200, technician.postJson("/api/spans/0/channels/5/block?reason=faulty%20pair", "{}").statusCode());
        assertEquals(200, technician.postJson("/api/spans/0/channels/5/unblock", "{}").statusCode());
        assertEquals(400, technician.postJson("/api/spans/0/channels/16/block", "{}").statusCode());
        assertEquals(400, technician.postJson("/api/spans/0/channels/x/block", "{}").statusCode());
        assertEquals(400, technician.postJson("/api/spans/0/channels/5/block?reason=%3Cscript%3E", "{}").statusCode());
        assertEquals(List.of("block 0/5 faulty pair", "unblock 0/5"), box.spans.acts);
    }

    @Test
    void technicianCapturesAnAnalogLineAndDownloadsWhatItHeard() {
        technician.csrfToken();
        HttpResponse<String> started = technician.postJson("/api/lines/0/capture?seconds=30", "{}");
        assertEquals(200, started.statusCode(), started.body());
        assertTrue(started.body().contains("\"wav\":\"fxo0-20260101-000000.wav\""), started.body());
        assertTrue(started.body().contains("\"detections\":\"fxo0-20260101-000000.jsonl\""), started.body());
        assertEquals(List.of("capture fxo0 30s"), box.spans.acts);
        assertEquals(404, technician.postJson("/api/lines/5/capture", "{}").statusCode());
        assertEquals(400, technician.postJson("/api/lines/0/capture?seconds=1", "{}").statusCode());

        HttpResponse<byte[]> wav = technician.getBytes("/api/captures/fxo0-20260101-000000.wav");
        assertEquals(200, wav.statusCode());
        assertArrayEquals(FakeSpanAdmin.CAPTURE, wav.body());
        assertEquals(400, technician.getBytes("/api/captures/..%2Fbox.json").statusCode());
        assertEquals(404, technician.getBytes("/api/captures/fxo1-20260101-000000.wav").statusCode());
    }

    @Test
    void supervisorsMayNotTouchSpans() {
        WebClient supervisor = box.client();
        supervisor.login(TestBox.userFor(Role.SUPERVISOR), TestBox.PASSWORD);
        supervisor.csrfToken();
        assertEquals(403, supervisor.getBytes("/api/spans/0/capture.pcap").statusCode());
        assertEquals(403, supervisor.postJson("/api/spans/0/channels/5/block", "{}").statusCode());
        assertTrue(box.spans.acts.isEmpty());
    }
}
