package io.branchbox.firmware.isdn.q931;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Q850CauseTest {

    @Test
    void aCauseReadsAsItsBareNumberSoLogsAndJournalReasonsStayAsTheyWere() {
        assertEquals("16", Q850Cause.NORMAL_CLEARING.toString());
        assertEquals("trunk cleared, cause 41", "trunk cleared, cause " + Q850Cause.TEMPORARY_FAILURE);
    }

    @Test
    void theTableGivesTheTechniciansWordsAndANumberForAnUnnamedValue() {
        assertEquals("user busy", Q850Cause.USER_BUSY.text());
        assertEquals("invalid number format", Q850Cause.INVALID_NUMBER_FORMAT.text());
        assertEquals("recovery on timer expiry", Q850Cause.of(102).text());
        assertEquals("cause 127", Q850Cause.of(127).text());
        assertTrue(Q850Cause.table().containsKey(34));
    }

    @Test
    void aValueFromTheWireEqualsTheNamedConstant() {
        assertEquals(Q850Cause.NO_CIRCUIT_AVAILABLE, Q850Cause.of(34));
        Cause ie = new Cause(0, Cause.Location.PUBLIC_LOCAL, 17, new byte[0]);
        assertEquals(Q850Cause.USER_BUSY, ie.cause());
        assertEquals(17, Cause.user(Q850Cause.USER_BUSY).value());
    }

    @Test
    void onlySevenBitValuesExist() {
        assertThrows(IllegalArgumentException.class, () -> Q850Cause.of(-1));
        assertThrows(IllegalArgumentException.class, () -> Q850Cause.of(128));
    }
}
