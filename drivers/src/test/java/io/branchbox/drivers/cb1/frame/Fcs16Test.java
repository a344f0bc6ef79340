package io.branchbox.drivers.cb1.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Fcs16Test {

    /** RFC 1662 appendix C: the FCS over content and its own FCS (LSB first), complemented back. */
    private static final int GOOD_RESIDUE_COMPLEMENTED = 0xF0B8 ^ 0xFFFF;

    @Test
    void checkValueOf123456789Is0x906E() {
        byte[] ascii = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x906E, Fcs16.compute(ascii, 0, ascii.length));
    }

    @Test
    void honoursOffsetAndLength() {
        byte[] padded = "xx123456789yy".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x906E, Fcs16.compute(padded, 2, 9));
    }

    @Test
    void emptyInputGivesComplementedInitialValue() {
        assertEquals(0x0000, Fcs16.compute(new byte[0], 0, 0));
    }

    @Test
    void contentFollowedByItsFcsLeavesTheGoodResidue() {
        byte[] frame = {0x03, 0x01, 0x00, 0x00, 0x12, 0x34, 0x56, 0x78, 0, 0};
        int fcs = Fcs16.compute(frame, 0, 8);
        frame[8] = (byte) fcs;
        frame[9] = (byte) (fcs >>> 8);
        assertEquals(GOOD_RESIDUE_COMPLEMENTED, Fcs16.compute(frame, 0, frame.length));
    }
}
