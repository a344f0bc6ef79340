package io.branchbox.drivers.cb1.msg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.drivers.cb1.frame.DecoderCounters;
import io.branchbox.drivers.cb1.frame.HdlcDecoder;
import io.branchbox.drivers.cb1.frame.HdlcEncoder;
import io.branchbox.drivers.cb1.frame.RawFrames;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A million frames (and a few more), good and damaged, through {@link HdlcDecoder} and {@link Cb1Codec}.
 *
 * <p>Expectations come from two independent sources: what was injected (every undamaged frame
 * must come out, in order, and decode to the message it was made from; each deterministic damage
 * must show in its counter) and a plain reference model that splits the whole stream on flags
 * (the decoder's counters and delivered frames must match it exactly).
 */
class Cb1LinkFuzzTest {

    private static final Logger LOG = LoggerFactory.getLogger(Cb1LinkFuzzTest.class);
    private static final long SEED = 0xCB1_F00DL;
    private static final int ITEMS = 1_020_000;
    private static final int CHUNK = 20_000;

    private final Random rnd = new Random(SEED);
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final List<byte[]> expectedContents = new ArrayList<>();
    private final List<Cb1Message> expectedMessages = new ArrayList<>();
    private final Injected injected = new Injected();
    private final ReferenceModel model = new ReferenceModel();

    private long protocolErrors;
    private long decodedMessages;

    @Test
    void survivesAMillionGoodAndDamagedFrames() {
        RawFrames.Collecting sink = new RawFrames.Collecting();
        HdlcDecoder decoder = new HdlcDecoder(sink);
        long extras = 0;
        for (int done = 0; done < ITEMS; done += CHUNK) {
            wire.reset();
            expectedContents.clear();
            expectedMessages.clear();
            sink.frames.clear();
            if (done == 0) {
                wire.writeBytes(RandomMessages.bytes(rnd, 50)); // line noise before the first flag
            }
            for (int i = 0; i < CHUNK; i++) {
                nextItem();
            }
            wire.write(0x7E); // closes the last item so that every chunk is complete
            byte[] stream = wire.toByteArray();
            feedInRandomPieces(decoder, stream);
            model.run(stream, done == 0);

            assertEquals(model.counters(), decoder.counters(), "decoder vs reference model");
            assertEquals(model.frames.size(), sink.frames.size());
            for (int i = 0; i < sink.frames.size(); i++) {
                assertArrayEquals(model.frames.get(i), sink.frames.get(i));
            }
            extras += checkGoodFramesCameOutInOrder(sink.frames);
            model.frames.clear();
        }
        DecoderCounters c = decoder.counters();
        LOG.info("fuzz: {} good, {} damaged, {} passed the FCS by chance, {} protocol errors, {}", injected.good,
                injected.damaged, extras, protocolErrors, c);
        assertTrue(c.framesOk() >= injected.good, "every good frame delivered");
        assertEquals(injected.good, c.framesOk() - extras);
        assertTrue(c.badFcs() >= injected.contentBitFlips, "every content bit flip caught by the FCS");
        assertTrue(c.aborted() >= injected.aborts);
        assertTrue(c.tooLong() >= injected.overlong);
        assertTrue(c.tooShort() >= injected.tooShort);
        // A damaged frame passes CRC-16 by chance about once in 65,536 tries.
        assertTrue(extras <= injected.damaged / 10_000 + 5, "chance FCS matches: " + extras);
        assertTrue(decodedMessages >= injected.goodMessages, "every good message decoded");
        assertTrue(protocolErrors > ITEMS / 100, "random content exercised the refusals: " + protocolErrors);
    }

    /** Items start and end with their own flag, so damage to one never hides the next. */
    private void nextItem() {
        int dice = rnd.nextInt(100);
        if (dice < 55) {
            good(RandomMessages.next(rnd));
        } else if (dice < 62) {
            goodRawContent(RandomMessages.randomContent(rnd));
        } else if (dice < 70) {
            contentBitFlip();
        } else if (dice < 76) {
            wireBitFlip();
        } else if (dice < 82) {
            truncated();
        } else if (dice < 87) {
            insertedFlag();
        } else if (dice < 91) {
            abort();
        } else if (dice < 95) {
            garbage();
        } else if (dice < 98) {
            tooShort();
        } else if (dice < 99) {
            wire.write(0x7E); // an extra flag: an empty frame
        } else if (rnd.nextInt(10) == 0) {
            overlong();
        } else {
            good(RandomMessages.next(rnd));
        }
    }

    private void good(Cb1Message m) {
        byte[] content = Cb1Codec.encode(m);
        wire.writeBytes(frame(content));
        expectedContents.add(content);
        expectedMessages.add(m);
        injected.good++;
        injected.goodMessages++;
    }

    private void goodRawContent(byte[] content) {
        wire.writeBytes(frame(content));
        expectedContents.add(content);
        expectedMessages.add(null);
        injected.good++;
    }

    private void contentBitFlip() {
        byte[] content = Cb1Codec.encode(RandomMessages.next(rnd));
        int fcs = fcs(content);
        byte[] withFcs = Arrays.copyOf(content, content.length + 2);
        withFcs[content.length] = (byte) fcs;
        withFcs[content.length + 1] = (byte) (fcs >>> 8);
        withFcs[rnd.nextInt(withFcs.length)] ^= (byte) (1 << rnd.nextInt(8));
        wire.writeBytes(stuffWithoutFcs(withFcs));
        injected.contentBitFlips++;
        injected.damaged++;
    }

    private void wireBitFlip() {
        byte[] f = frame(Cb1Codec.encode(RandomMessages.next(rnd)));
        f[rnd.nextInt(f.length)] ^= (byte) (1 << rnd.nextInt(8));
        wire.writeBytes(f);
        injected.damaged++;
    }

    private void truncated() {
        byte[] f = frame(Cb1Codec.encode(RandomMessages.next(rnd)));
        wire.write(f, 0, 1 + rnd.nextInt(f.length - 2));
        injected.damaged++;
    }

    private void insertedFlag() {
        byte[] f = frame(Cb1Codec.encode(RandomMessages.next(rnd)));
        // Inside the content: a flag right after the opening one would leave the frame intact.
        int at = 2 + rnd.nextInt(f.length - 3);
        wire.write(f, 0, at);
        wire.write(0x7E);
        wire.write(f, at, f.length - at);
        injected.damaged++;
    }

    private void abort() {
        byte[] f = frame(Cb1Codec.encode(RandomMessages.next(rnd)));
        wire.write(f, 0, f.length - 1);
        wire.write(0x7D);
        wire.write(0x7E);
        injected.aborts++;
        injected.damaged++;
    }

    private void garbage() {
        wire.writeBytes(RandomMessages.bytes(rnd, 1 + rnd.nextInt(40)));
        injected.damaged++;
    }

    private void tooShort() {
        wire.writeBytes(RawFrames.frame(RandomMessages.bytes(rnd, 1 + rnd.nextInt(3))));
        injected.tooShort++;
        injected.damaged++;
    }

    private void overlong() {
        wire.writeBytes(RawFrames.frame(RandomMessages.bytes(rnd, HdlcEncoder.MAX_CONTENT + 1 + rnd.nextInt(300))));
        injected.overlong++;
        injected.damaged++;
    }

    private void feedInRandomPieces(HdlcDecoder decoder, byte[] stream) {
        int pos = 0;
        while (pos < stream.length) {
            int n = Math.min(stream.length - pos, rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(8) : 1 + rnd.nextInt(4096));
            decoder.feed(stream, pos, n);
            pos += n;
        }
    }

    /** Returns how many delivered frames were not injected as good (damage that passed the FCS). */
    private long checkGoodFramesCameOutInOrder(List<byte[]> delivered) {
        int next = 0;
        long extras = 0;
        for (byte[] content : delivered) {
            Cb1Message decoded = decodeAtTheErrorBoundary(content);
            if (next < expectedContents.size() && Arrays.equals(expectedContents.get(next), content)) {
                Cb1Message expected = expectedMessages.get(next);
                if (expected != null) {
                    assertEquals(expected, decoded);
                }
                next++;
            } else {
                extras++;
            }
        }
        assertEquals(expectedContents.size(), next, "good frames missing from the output");
        return extras;
    }

    /** The one place protocol errors are caught; any other exception fails the test. */
    private Cb1Message decodeAtTheErrorBoundary(byte[] content) {
        try {
            Cb1Message m = Cb1Codec.decode(content, 0, content.length);
            decodedMessages++;
            if (!(m instanceof Ack a && a.status() == AckStatus.UNKNOWN)) {
                assertArrayEquals(content, Cb1Codec.encode(m), "accepted content re-encodes identically");
            }
            return m;
        } catch (Cb1ProtocolException e) {
            protocolErrors++;
            return null;
        }
    }

    private static byte[] frame(byte[] content) {
        byte[] out = new byte[HdlcEncoder.maxEncodedSize(content.length)];
        return Arrays.copyOf(out, HdlcEncoder.encode(content, 0, content.length, out, 0));
    }

    private static int fcs(byte[] content) {
        return io.branchbox.drivers.cb1.frame.Fcs16.compute(content, 0, content.length);
    }

    /** Flags and stuffing around bytes that already end in an FCS. */
    private static byte[] stuffWithoutFcs(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x7E);
        for (byte b : bytes) {
            if (b == 0x7E || b == 0x7D) {
                out.write(0x7D);
                out.write(b ^ 0x20);
            } else {
                out.write(b);
            }
        }
        out.write(0x7E);
        return out.toByteArray();
    }

    private static final class Injected {
        long good;
        long goodMessages;
        long damaged;
        long contentBitFlips;
        long aborts;
        long overlong;
        long tooShort;
    }

    /**
     * The datasheet's receive rules applied to a whole stream at once: split on flags, un-escape,
     * classify. Deliberately not streaming, so that it shares no logic with the decoder.
     */
    private static final class ReferenceModel {
        final List<byte[]> frames = new ArrayList<>();
        long ok;
        long badFcs;
        long tooShort;
        long tooLong;
        long aborted;
        long empty;

        private final byte[] unstuffed = new byte[64 * 1024];

        void run(byte[] stream, boolean startsHunting) {
            int start = 0;
            if (startsHunting) {
                while (stream[start] != 0x7E) {
                    start++;
                }
                start++;
            }
            int end = stream.length - 1; // the chunk's final flag
            for (int i = start; i <= end; i++) {
                if (stream[i] == 0x7E) {
                    classify(stream, start, i);
                    start = i + 1;
                }
            }
        }

        /** One segment between two flags: {@code stream[from..to)}. */
        private void classify(byte[] stream, int from, int to) {
            if (from == to) {
                empty++;
                return;
            }
            int n = 0;
            boolean pendingEscape = false;
            for (int i = from; i < to; i++) {
                byte b = stream[i];
                if (pendingEscape) {
                    unstuffed[n++] = (byte) (b ^ 0x20);
                    pendingEscape = false;
                } else if (b == 0x7D) {
                    pendingEscape = true;
                } else {
                    unstuffed[n++] = b;
                }
            }
            if (n > HdlcEncoder.MAX_CONTENT + 2) {
                tooLong++;
            } else if (pendingEscape) {
                aborted++;
            } else if (n < 6) {
                tooShort++;
            } else {
                byte[] content = Arrays.copyOf(unstuffed, n - 2);
                int got = (unstuffed[n - 2] & 0xFF) | (unstuffed[n - 1] & 0xFF) << 8;
                if (got == fcs(content)) {
                    ok++;
                    frames.add(content);
                } else {
                    badFcs++;
                }
            }
        }

        DecoderCounters counters() {
            return new DecoderCounters(ok, badFcs, tooShort, tooLong, aborted, empty);
        }
    }
}
