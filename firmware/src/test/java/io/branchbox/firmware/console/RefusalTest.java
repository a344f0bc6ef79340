package io.branchbox.firmware.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RefusalTest {
    @Test
    void everyReasonHasItsOwnWireCodeAndIsFoundByIt() {
        Set<String> codes = Arrays.stream(Refusal.values()).map(Refusal::code).collect(Collectors.toSet());
        assertEquals(Refusal.values().length, codes.size(), "codes are unique");
        for (Refusal r : Refusal.values()) {
            assertEquals(r, Refusal.ofCode(r.code()));
        }
        assertEquals("no-call", Refusal.NO_CALL.code(), "the wire code pages and catalogues know");
    }

    @Test
    void aRefusalByCodeCarriesTheTypedReasonAndAnUnknownCodeIsRefused() {
        ConsoleException e = new ConsoleException("wrong-state", "not now");
        assertEquals(Refusal.WRONG_STATE, e.reason());
        assertEquals("wrong-state", e.code());
        assertThrows(IllegalArgumentException.class, () -> new ConsoleException("something-new", "free text"));
    }
}
