package io.branchbox.drivers.cb1.frame;

import static io.branchbox.drivers.cb1.frame.HdlcEncoderTest.FCS_BOTH_ESCAPE_CONTENT;
import static io.branchbox.drivers.cb1.frame.HdlcEncoderTest.FCS_BOTH_ESCAPE_FRAME;
import static io.branchbox.drivers.cb1.frame.HdlcEncoderTest.FCS_LOW_FLAG_CONTENT;
import static io.branchbox.drivers.cb1.frame.HdlcEncoderTest.FCS_LOW_FLAG_FRAME;
import static io.branchbox.drivers.cb1.frame.RawFrames.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HdlcDecoderTest {

    private static final byte[] QUERY_CONTENT = {
        0x02, // type QUERY
        0x07, // seq 7
        0x00, // unit board
        0x00, // chan 0
    };
    private static final byte[] QUERY_FRAME = {
        0x7E, // opening flag
        0x02, // type QUERY
        0x07, // seq 7
        0x00, // unit board
        0x00, // chan 0
        (byte) 0xAD, // FCS 0x49AD, low byte
        0x49, // FCS high byte
        0x7E, // closing flag
    };
    /** The same QUERY with the chan byte needlessly escaped: receivers un-escape any byte. */
    private static final byte[] QUERY_FRAME_OVERESCAPED = {
        0x7E, // opening flag
        0x02, // type QUERY
        0x07, // seq 7
        0x00, // unit board
        0x7D, 0x20, // chan 0 escaped (0x20 ^ 0x20)
        (byte) 0xAD, // FCS 0x49AD, low byte
        0x49, // FCS high byte
        0x7E, // closing flag
    };
    /** The QUERY cut off by an abort: escape right before the closing flag. */
    private static final byte[] QUERY_FRAME_ABORTED = {
        0x7E, // opening flag
        0x02, // type QUERY
        0x07, // seq 7
        0x00, // unit board
        0x00, // chan 0
        (byte) 0xAD, // FCS 0x49AD, low byte
        0x49, // FCS high byte
        0x7D, // escape with nothing to escape: abort
        0x7E, // closing flag
    };
    /** Three content bytes and a correct FCS: shorter than a header. */
    private static final byte[] THREE_BYTE_FRAME = RawFrames.frame(new byte[] {0x02, 0x07, 0x00});

    private RawFrames.Collecting sink;
    private HdlcDecoder decoder;

    @BeforeEach
    void setUp() {
        sink = new RawFrames.Collecting();
        decoder = new HdlcDecoder(sink);
    }

    @Test
    void deliversContentWithoutFlagsAndFcs() {
        feed(QUERY_FRAME);
        assertFrames(QUERY_CONTENT);
        assertEquals(new DecoderCounters(1, 0, 0, 0, 0, 0), decoder.counters());
    }

    @Test
    void unescapesFlagAndEscapeInTheFcs() {
        feed(concat(FCS_LOW_FLAG_FRAME, FCS_BOTH_ESCAPE_FRAME));
        assertFrames(FCS_LOW_FLAG_CONTENT, FCS_BOTH_ESCAPE_CONTENT);
    }

    @Test
    void unescapesAnyEscapedByte() {
        feed(QUERY_FRAME_OVERESCAPED);
        assertFrames(QUERY_CONTENT);
    }

    @Test
    void acceptsOneFlagSharedBetweenTwoFrames() {
        byte[] shared = concat(Arrays.copyOf(QUERY_FRAME, QUERY_FRAME.length - 1), FCS_LOW_FLAG_FRAME);
        feed(shared);
        assertFrames(QUERY_CONTENT, FCS_LOW_FLAG_CONTENT);
        assertEquals(0, decoder.counters().emptyFrames());
    }

    @Test
    void ignoresEmptyFramesButCountsThem() {
        feed(concat(new byte[] {0x7E, 0x7E, 0x7E}, QUERY_FRAME, QUERY_FRAME));
        assertFrames(QUERY_CONTENT, QUERY_CONTENT);
        // flags 2 and 3, the first frame's opening flag, and the second frame's opening flag
        assertEquals(new DecoderCounters(2, 0, 0, 0, 0, 4), decoder.counters());
    }

    @Test
    void dropsFrameAbortedByEscapeBeforeClosingFlag() {
        feed(concat(QUERY_FRAME_ABORTED, QUERY_FRAME));
        assertFrames(QUERY_CONTENT);
        assertEquals(1, decoder.counters().aborted());
        assertEquals(1, decoder.counters().framesOk());
    }

    @Test
    void dropsBadFcsAndRecovers() {
        byte[] corrupt = QUERY_FRAME.clone();
        corrupt[3] ^= 0x01;
        feed(concat(corrupt, QUERY_FRAME));
        assertFrames(QUERY_CONTENT);
        assertEquals(new DecoderCounters(1, 1, 0, 0, 0, 1), decoder.counters());
    }

    @Test
    void dropsFramesShorterThanAHeader() {
        feed(concat(THREE_BYTE_FRAME, new byte[] {0x7E, 0x01, 0x7E}, QUERY_FRAME));
        assertFrames(QUERY_CONTENT);
        assertEquals(2, decoder.counters().tooShort());
    }

    @Test
    void acceptsTheLongestContent() {
        byte[] longest = new byte[HdlcEncoder.MAX_CONTENT];
        Arrays.fill(longest, (byte) 0x7D);
        feed(RawFrames.frame(longest));
        assertFrames(longest);
    }

    @Test
    void dropsOverlongFrameWithGoodFcsAndRecovers() {
        byte[] tooLong = new byte[HdlcEncoder.MAX_CONTENT + 1];
        Arrays.fill(tooLong, (byte) 0x41);
        feed(concat(RawFrames.frame(tooLong), QUERY_FRAME));
        assertFrames(QUERY_CONTENT);
        assertEquals(1, decoder.counters().tooLong());
    }

    @Test
    void discardsEndlessGarbageWithoutFlagsThenRecovers() {
        byte[] garbage = new byte[100_000];
        Arrays.fill(garbage, (byte) 0x55);
        feed(new byte[] {0x7E});
        feed(garbage);
        feed(garbage);
        feed(QUERY_FRAME);
        assertFrames(QUERY_CONTENT);
        assertEquals(new DecoderCounters(1, 0, 0, 1, 0, 0), decoder.counters());
    }

    @Test
    void discardsGarbageBeforeTheFirstFlagWithoutCounting() {
        feed(concat(new byte[] {0x01, 0x7D, 0x02, (byte) 0xFF, 0x7D}, QUERY_FRAME));
        assertFrames(QUERY_CONTENT);
        assertEquals(new DecoderCounters(1, 0, 0, 0, 0, 0), decoder.counters());
    }

    @Test
    void reassemblesFramesFedOneByteAtATime() {
        byte[] stream = concat(QUERY_FRAME, FCS_LOW_FLAG_FRAME, QUERY_FRAME_OVERESCAPED, FCS_BOTH_ESCAPE_FRAME);
        for (int i = 0; i < stream.length; i++) {
            decoder.feed(stream, i, 1);
        }
        assertFrames(QUERY_CONTENT, FCS_LOW_FLAG_CONTENT, QUERY_CONTENT, FCS_BOTH_ESCAPE_CONTENT);
    }

    @Test
    void honoursFeedOffsetAndLength() {
        byte[] buf = concat(new byte[] {0x7E, 0x11}, QUERY_FRAME, new byte[] {0x7E});
        decoder.feed(buf, 2, QUERY_FRAME.length);
        assertFrames(QUERY_CONTENT);
    }

    @Test
    void staysUsableWhenTheSinkThrows() {
        int[] calls = {0};
        HdlcDecoder d = new HdlcDecoder((b, off, len) -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("sink failure");
            }
        });
        assertThrows(IllegalStateException.class, () -> d.feed(QUERY_FRAME, 0, QUERY_FRAME.length));
        d.feed(QUERY_FRAME, 0, QUERY_FRAME.length);
        assertEquals(2, calls[0]);
        assertEquals(2, d.counters().framesOk());
    }

    private void feed(byte[] bytes) {
        decoder.feed(bytes, 0, bytes.length);
    }

    private void assertFrames(byte[]... expected) {
        List<byte[]> got = sink.frames;
        assertEquals(expected.length, got.size(), "frame count");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], got.get(i), "frame " + i);
        }
    }
}
