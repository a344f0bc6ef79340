package io.branchbox.firmware.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CallerIdParserTest {
    private static final byte[] SDMF_NUMBER = {
        0x04, // message type: SDMF
        0x13, // length: 19 octets
        '1', '1', '2', '3', '1', '5', '3', '0', // date-time MMDDHHMM: 23 Nov 15:30
        '1', '3', '8', '0', '0', '1', '3', '8', '0', '0', '0', // number
        0x31, // checksum
    };

    private static final byte[] SDMF_PRIVATE = {
        0x04, // message type: SDMF
        0x09, // length: 9 octets
        '0', '1', '0', '2', '0', '3', '0', '4', // date-time MMDDHHMM: 2 Jan 03:04
        'P', // number replaced by the private marker
        0x19, // checksum
    };

    private static final byte[] MDMF_FULL = {
        (byte) 0x80, // message type: MDMF
        0x22, // length: 34 octets
        0x01, 0x08, '1', '1', '2', '3', '1', '5', '3', '0', // date-time
        0x02, 0x0B, '1', '3', '8', '0', '0', '1', '3', '8', '0', '0', '0', // number
        0x07, 0x09, 'Z', 'H', 'A', 'N', 'G', ' ', 'S', 'A', 'N', // name
        0x06, // checksum
    };

    private static final byte[] MDMF_WITHHELD = {
        (byte) 0x80, // message type: MDMF
        0x10, // length: 16 octets
        0x01, 0x08, '0', '1', '0', '2', '0', '3', '0', '4', // date-time
        0x04, 0x01, 'O', // reason for absence of number: unavailable
        0x08, 0x01, 'P', // reason for absence of name: private
        0x30, // checksum
    };

    private static final byte[] MDMF_UNKNOWN_PARAMETER = {
        (byte) 0x80, // message type: MDMF
        0x08, // length: 8 octets
        0x11, 0x01, 0x01, // call type (not used by the box): voice
        0x02, 0x03, '1', '1', '0', // number
        (byte) 0xCE, // checksum
    };

    private static final byte[] MDMF_OVERRUN = {
        (byte) 0x80, // message type: MDMF
        0x04, // length: 4 octets
        0x02, 0x09, '1', '2', // number claims 9 octets, only 2 follow
        0x00, // checksum (not reached)
    };

    @Test
    void theValidVectorsSumToZero() {
        for (byte[] v : new byte[][] {SDMF_NUMBER, SDMF_PRIVATE, MDMF_FULL, MDMF_WITHHELD, MDMF_UNKNOWN_PARAMETER}) {
            int sum = 0;
            for (byte b : v) {
                sum += b & 0xFF;
            }
            assertEquals(0, sum & 0xFF);
        }
    }

    @Test
    void readsSdmfNumberAndDateTime() throws Exception {
        CallerId id = CallerIdParser.parse(SDMF_NUMBER);
        assertEquals(CallerId.Format.SDMF, id.format());
        assertEquals("13800138000", id.number());
        assertEquals("11231530", id.dateTime());
        assertNull(id.name());
        assertTrue(id.checksumOk());
        assertEquals("0413" + "3131323331353330" + "3133383030313338303030" + "31", id.rawHex());
    }

    @Test
    void readsSdmfPrivateMarkerAsAbsenceReason() throws Exception {
        CallerId id = CallerIdParser.parse(SDMF_PRIVATE);
        assertNull(id.number());
        assertEquals('P', id.numberAbsence());
    }

    @Test
    void readsMdmfNumberNameAndDateTime() throws Exception {
        CallerId id = CallerIdParser.parse(MDMF_FULL);
        assertEquals(CallerId.Format.MDMF, id.format());
        assertEquals("13800138000", id.number());
        assertEquals("ZHANG SAN", id.name());
        assertEquals("11231530", id.dateTime());
        assertTrue(id.checksumOk());
    }

    @Test
    void readsMdmfAbsenceReasons() throws Exception {
        CallerId id = CallerIdParser.parse(MDMF_WITHHELD);
        assertNull(id.number());
        assertNull(id.name());
        assertEquals('O', id.numberAbsence());
        assertEquals('P', id.nameAbsence());
    }

    @Test
    void skipsParametersItDoesNotUse() throws Exception {
        assertEquals("110", CallerIdParser.parse(MDMF_UNKNOWN_PARAMETER).number());
    }

    @Test
    void flagsABadChecksumButStillDecodes() throws Exception {
        byte[] corrupt = MDMF_FULL.clone();
        corrupt[corrupt.length - 1] ^= 0x01;
        CallerId id = CallerIdParser.parse(corrupt);
        assertFalse(id.checksumOk());
        assertEquals("13800138000", id.number());
    }

    @Test
    void refusesMalformedMessagesWithAReason() {
        assertEquals(CallerIdException.Reason.PARAMETER_OVERRUN,
                assertThrows(CallerIdException.class, () -> CallerIdParser.parse(MDMF_OVERRUN)).reason());
        assertEquals(CallerIdException.Reason.TOO_SHORT,
                assertThrows(CallerIdException.class, () -> CallerIdParser.parse(new byte[] {0x04, 0x00})).reason());
        assertEquals(CallerIdException.Reason.LENGTH_MISMATCH,
                assertThrows(CallerIdException.class,
                        () -> CallerIdParser.parse(java.util.Arrays.copyOf(MDMF_FULL, 20))).reason());
        assertEquals(CallerIdException.Reason.UNKNOWN_TYPE,
                assertThrows(CallerIdException.class, () -> CallerIdParser.parse(new byte[] {0x06, 0x00, (byte) 0xFA})).reason());
    }
}
