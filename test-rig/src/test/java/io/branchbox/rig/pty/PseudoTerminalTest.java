package io.branchbox.rig.pty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.drivers.cb1.link.ByteListener;
import io.branchbox.drivers.cb1.link.JSerialCommLink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudoTerminalTest {
    /** Every byte value once, so that any CR/LF or flow-control translation would show. */
    private static final byte[] ALL_BYTES = allBytes();

    @TempDir
    Path dir;

    private static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void jSerialCommExchangesEveryByteValueBothWaysThroughTheSymlink() throws Exception {
        Path link = dir.resolve("board-tty");
        try (PseudoTerminal pty = PseudoTerminal.open(link)) {
            assertTrue(Files.isSymbolicLink(link));
            assertEquals(pty.slavePath(), Files.readSymbolicLink(link));
            Collector received = new Collector(ALL_BYTES.length);
            JSerialCommLink serial = new JSerialCommLink(link, 3_000_000, false);
            serial.open(received);
            try {
                assertEquals(ALL_BYTES.length, pty.write(ALL_BYTES, 0, ALL_BYTES.length, 1000));
                assertArrayEquals(ALL_BYTES, received.done.get(5, TimeUnit.SECONDS));

                serial.write(ALL_BYTES, 0, ALL_BYTES.length);
                assertArrayEquals(ALL_BYTES, readFully(pty, ALL_BYTES.length));
            } finally {
                serial.close();
            }
        }
    }

    @Test
    void closingTheMasterIsSeenAsTheDeviceVanishingAndRemovesTheLink() throws Exception {
        Path link = dir.resolve("board-tty");
        PseudoTerminal pty = PseudoTerminal.open(link);
        Collector received = new Collector(1);
        JSerialCommLink serial = new JSerialCommLink(link, 115_200, false);
        serial.open(received);
        pty.close();
        IOException cause = received.closed.get(5, TimeUnit.SECONDS);
        assertTrue(cause != null, "a vanished device reports a cause");
        assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertFalse(serial.isOpen());
    }

    private static byte[] readFully(PseudoTerminal pty, int n) throws IOException {
        byte[] out = new byte[n];
        int got = 0;
        while (got < n) {
            int r = pty.read(out, got, n - got);
            if (r < 0) {
                throw new IOException("closed");
            }
            got += r;
        }
        return out;
    }

    private static final class Collector implements ByteListener {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final CompletableFuture<byte[]> done = new CompletableFuture<>();
        final CompletableFuture<IOException> closed = new CompletableFuture<>();
        final int expected;

        Collector(int expected) {
            this.expected = expected;
        }

        @Override
        public void onBytes(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            if (bytes.size() >= expected) {
                done.complete(bytes.toByteArray());
            }
        }

        @Override
        public void onClosed(IOException cause) {
            closed.complete(cause);
        }
    }
}
