package io.branchbox.drivers.cb1.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HdlcEncoderTest {

    /** QUERY, seq 7: no byte needs escaping. */
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

    /** PING whose seq is 0x7E and unit 0x7D: both must be escaped. */
    private static final byte[] FLAGGY_CONTENT = {
        0x03, // type PING
        0x7E, // seq 0x7E
        0x7D, // unit 0x7D (not a real unit; framing does not care)
        0x00, // chan 0
        0x00, 0x00, 0x00, 0x01, // token 1
    };
    private static final byte[] FLAGGY_FRAME = {
        0x7E, // opening flag
        0x03, // type PING
        0x7D, 0x5E, // seq 0x7E escaped
        0x7D, 0x5D, // unit 0x7D escaped
        0x00, // chan 0
        0x00, 0x00, 0x00, 0x01, // token 1
        (byte) 0x99, // FCS 0x7F99, low byte
        0x7F, // FCS high byte
        0x7E, // closing flag
    };

    /** PING token 17: FCS 0x977E, its low byte is a flag value. */
    static final byte[] FCS_LOW_FLAG_CONTENT = {
        0x03, // type PING
        0x01, // seq 1
        0x00, // unit board
        0x00, // chan 0
        0x00, 0x00, 0x00, 0x11, // token 17
    };
    static final byte[] FCS_LOW_FLAG_FRAME = {
        0x7E, // opening flag
        0x03, // type PING
        0x01, // seq 1
        0x00, // unit board
        0x00, // chan 0
        0x00, 0x00, 0x00, 0x11, // token 17
        0x7D, 0x5E, // FCS 0x977E, low byte 0x7E escaped
        (byte) 0x97, // FCS high byte
        0x7E, // closing flag
    };

    /** PING token 1562: FCS 0x7D7D, both bytes are the escape value. */
    static final byte[] FCS_BOTH_ESCAPE_CONTENT = {
        0x03, // type PING
        0x01, // seq 1
        0x00, // unit board
        0x00, // chan 0
        0x00, 0x00, 0x06, 0x1A, // token 1562
    };
    static final byte[] FCS_BOTH_ESCAPE_FRAME = {
        0x7E, // opening flag
        0x03, // type PING
        0x01, // seq 1
        0x00, // unit board
        0x00, // chan 0
        0x00, 0x00, 0x06, 0x1A, // token 1562
        0x7D, 0x5D, // FCS 0x7D7D, low byte escaped
        0x7D, 0x5D, // FCS high byte escaped
        0x7E, // closing flag
    };

    @Test
    void framesPlainContent() {
        assertArrayEquals(QUERY_FRAME, encode(QUERY_CONTENT));
    }

    @Test
    void escapesFlagAndEscapeInContent() {
        assertArrayEquals(FLAGGY_FRAME, encode(FLAGGY_CONTENT));
    }

    @Test
    void escapesFlagInFcs() {
        assertArrayEquals(FCS_LOW_FLAG_FRAME, encode(FCS_LOW_FLAG_CONTENT));
    }

    @Test
    void escapesEscapeInBothFcsBytes() {
        assertArrayEquals(FCS_BOTH_ESCAPE_FRAME, encode(FCS_BOTH_ESCAPE_CONTENT));
    }

    @Test
    void writesAtOffsetAndReturnsLength() {
        byte[] out = new byte[3 + HdlcEncoder.maxEncodedSize(QUERY_CONTENT.length)];
        byte[] src = new byte[2 + QUERY_CONTENT.length];
        System.arraycopy(QUERY_CONTENT, 0, src, 2, QUERY_CONTENT.length);
        int n = HdlcEncoder.encode(src, 2, QUERY_CONTENT.length, out, 3);
        assertEquals(QUERY_FRAME.length, n);
        assertArrayEquals(QUERY_FRAME, Arrays.copyOfRange(out, 3, 3 + n));
    }

    @Test
    void worstCaseSizeFitsAllEscapedContent() {
        byte[] content = new byte[HdlcEncoder.MAX_CONTENT];
        Arrays.fill(content, (byte) 0x7E);
        byte[] out = new byte[HdlcEncoder.maxEncodedSize(content.length)];
        int n = HdlcEncoder.encode(content, 0, content.length, out, 0);
        assertEquals(2 + 2 * HdlcEncoder.MAX_CONTENT + 2, n, "every content byte escaped, FCS maybe not");
    }

    @Test
    void refusesContentTheReceiverWouldDrop() {
        byte[] out = new byte[4000];
        assertThrows(IllegalArgumentException.class, () -> HdlcEncoder.encode(new byte[3], 0, 3, out, 0));
        assertThrows(IllegalArgumentException.class,
                () -> HdlcEncoder.encode(new byte[1101], 0, 1101, out, 0));
    }

    @Test
    void refusesTooSmallOutput() {
        assertThrows(IllegalArgumentException.class,
                () -> HdlcEncoder.encode(QUERY_CONTENT, 0, 4, new byte[QUERY_FRAME.length], 0));
    }

    static byte[] encode(byte[] content) {
        byte[] out = new byte[HdlcEncoder.maxEncodedSize(content.length)];
        return Arrays.copyOf(out, HdlcEncoder.encode(content, 0, content.length, out, 0));
    }
}
