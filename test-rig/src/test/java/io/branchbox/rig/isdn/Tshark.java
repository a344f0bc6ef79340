package io.branchbox.rig.isdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.branchbox.firmware.isdn.capture.DChannelCapture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs Wireshark's own LAPD and Q.931 dissectors (tshark) over a capture the box wrote, so the
 * checks do not rest on our codec reading its own output.
 *
 * <p>tshark must be installed at {@value #TSHARK} (CI installs it); without it the test fails and
 * says how to get it, it is never skipped.
 */
final class Tshark {
    static final String TSHARK = "/usr/bin/tshark";
    private static final long TIMEOUT_SECONDS = 120;

    /**
     * One frame as Wireshark read it.
     *
     * @param number frame number in the file, from 1
     * @param fromUser whether the user side (the box) sent it
     * @param lapd the LAPD frame kind: "I", "RR", "REJ", "RNR", "SABME", "UA", "DISC", "DM", "FRMR"
     * @param q931 the Q.931 message type name as Wireshark prints it, "" when the frame carries none
     */
    record Frame(int number, boolean fromUser, String lapd, String q931) {
        /** "box SETUP", "net RELEASE COMPLETE": the form the scenario tests compare. */
        String q931Line() {
            return (fromUser ? "box " : "net ") + q931;
        }

        String lapdLine() {
            return (fromUser ? "box " : "net ") + lapd;
        }
    }

    /** What tshark made of a capture: the frames and the full verbose dissection text. */
    record Dissection(List<Frame> frames, String verbose) {
        List<String> q931() {
            return frames.stream().filter(f -> !f.q931().isEmpty()).map(Frame::q931Line).toList();
        }

        List<String> lapd(Predicate<Frame> which) {
            return frames.stream().filter(which).map(Frame::lapdLine).toList();
        }

        void assertNotMalformed() {
            assertTrue(!verbose.contains("Malformed") && !verbose.contains("Exception occurred"),
                    () -> "Wireshark found malformed frames:\n" + verbose);
        }
    }

    private Tshark() {}

    /** Writes the capture to {@code file} and dissects it. */
    static Dissection dissect(DChannelCapture capture, Path file) throws IOException, InterruptedException {
        try (OutputStream out = Files.newOutputStream(file)) {
            capture.writePcap(out);
        }
        return dissect(file);
    }

    static Dissection dissect(Path pcap) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(TSHARK))) {
            fail("tshark is needed to check captures with Wireshark's dissectors and is missing at " + TSHARK
                    + ": install it (apt-get install tshark; CI does)");
        }
        String verbose = run(TSHARK, "-r", pcap.toString(), "-V");
        String fields = run(TSHARK, "-r", pcap.toString(), "-T", "fields", "-E", "separator=|",
                "-e", "frame.number", "-e", "lapd.direction", "-e", "_ws.col.Info");
        List<Frame> frames = fields.lines().filter(l -> !l.isBlank()).map(Tshark::frame).toList();
        return new Dissection(frames, verbose);
    }

    /** "7|1|TEI:00 I, N(R)=1, N(S)=1 | SETUP" */
    private static Frame frame(String line) {
        String[] f = line.split("\\|", 3);
        String info = f.length > 2 ? f[2] : "";
        int bar = info.indexOf('|');
        String control = (bar < 0 ? info : info.substring(0, bar)).replaceFirst("^TEI:\\d+\\s*", "").trim();
        String q931 = bar < 0 ? "" : info.substring(bar + 1).trim();
        return new Frame(Integer.parseInt(f[0].trim()), "0".equals(f[1].trim()), lapdKind(control), q931);
    }

    private static String lapdKind(String control) {
        int func = control.indexOf("func=");
        if (func >= 0) {
            String rest = control.substring(func + 5);
            int comma = rest.indexOf(',');
            return (comma < 0 ? rest : rest.substring(0, comma)).trim();
        }
        return control.startsWith("I") ? "I" : control;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        // stderr only carries tshark's "running as root" notice; read it so the pipe never fills
        Thread drain = Thread.ofVirtual().start(() -> {
            try {
                p.getErrorStream().transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new IllegalStateException("reading tshark's stderr", e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "tshark did not finish");
        drain.join();
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + " failed:\n" + out);
        return out;
    }
}
