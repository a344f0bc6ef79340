package io.branchbox.firmware.isdn.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.time.ManualScheduler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DChannelCaptureTest {

    /** SABME from the user: SAPI 0 C/R 0, TEI 0, control 0x7F (SABME, P=1). */
    static final byte[] SABME = {
        0x00, // SAPI 0, C/R 0 (command, user side), EA 0
        0x01, // TEI 0, EA 1
        0x7F, // SABME with P = 1
    };
    /** UA from the network: SAPI 0 C/R 0 (response from the network), TEI 0, control 0x73 (UA, F=1). */
    static final byte[] UA = {0x00, 0x01, 0x73};
    /** I-frame from the network carrying a Q.931 SETUP for timeslot 1, 13800138000 calling 95598. */
    static final byte[] I_SETUP = {
        0x02, // SAPI 0, C/R 1 (command from the network), EA 0
        0x01, // TEI 0, EA 1
        0x00, // I-frame, N(S) = 0
        0x00, // N(R) = 0, P = 0
        0x08, // Q.931 protocol discriminator
        0x02, 0x00, 0x01, // call reference: length 2, flag 0 (from originator), value 1
        0x05, // SETUP
        0x04, 0x03, (byte) 0x80, (byte) 0x90, (byte) 0xA3, // bearer capability: speech, 64 kbit/s circuit, A-law
        0x18, 0x03, (byte) 0xA9, (byte) 0x83, (byte) 0x81, // channel id: PRI, exclusive, B-channel 1
        0x6C, 0x0D, 0x21, (byte) 0x80, '1', '3', '8', '0', '0', '1', '3', '8', '0', '0', '0', // calling: national, ISDN plan
        0x70, 0x06, (byte) 0xA1, '9', '5', '5', '9', '8', // called: national, ISDN plan, 95598
    };

    @Test
    void headerSaysWhoSentEachFrameAndRingDropsOldest() throws IOException {
        DChannelCapture c = new DChannelCapture(new ManualScheduler().clock(), false, 2, 1000);
        c.record(true, SABME);
        c.record(false, UA);
        c.record(false, I_SETUP);
        assertEquals(2, c.size());
        assertEquals(1, c.dropped());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.writePcap(out);
        byte[] p = out.toByteArray();
        assertEquals(24 + (16 + 16 + UA.length) + (16 + 16 + I_SETUP.length), p.length);
        assertEquals(177, p[20] & 0xFF, "link type LINUX_LAPD");
        int first = 24 + 16;
        assertEquals(0, p[first + 1], "pkttype 0: received by the box");
        assertEquals(0x20, p[first + 2] & 0xFF, "ARPHRD_LAPD 8445 = 0x20FD");
        assertEquals(0, p[first + 6], "the box is the user side");
        assertEquals(0x30, p[first + 15], "protocol ETH_P_LAPD");
    }

    /** Wireshark's own LAPD and Q.931 dissectors read what the box writes. */
    @Test
    void tsharkDecodesTheCaptureWithoutMalformedPackets(@TempDir Path dir) throws Exception {
        Path tshark = Path.of("/usr/bin/tshark");
        assertTrue(Files.isExecutable(tshark), "tshark is needed for this check: apt-get install tshark (.ci/run does)");
        DChannelCapture c = new DChannelCapture(new ManualScheduler().clock(), false, 100, 100_000);
        c.record(true, SABME);
        c.record(false, UA);
        c.record(false, I_SETUP);
        Path file = dir.resolve("d.pcap");
        try (var out = Files.newOutputStream(file)) {
            c.writePcap(out);
        }
        Process p = new ProcessBuilder(tshark.toString(), "-r", file.toString(), "-V").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), text);
        assertFalse(text.contains("Malformed"), text);
        assertTrue(text.contains("Direction: User->Network") || text.contains("User->Network"), text);
        assertTrue(text.contains("SABME"), text);
        List<String> lines = new ArrayList<>(text.lines().toList());
        assertTrue(lines.stream().anyMatch(l -> l.contains("Message type: SETUP")), text);
        assertTrue(text.contains("13800138000") && text.contains("95598"), text);
    }
}
