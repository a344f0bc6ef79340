package io.branchbox.admin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.http.HttpProblem;
import io.branchbox.firmware.console.MonitorMode;
import io.branchbox.firmware.console.TransferTarget;
import org.junit.jupiter.api.Test;

/** The console's input checks, value by value, and the status each call-control code gets. */
class ConsoleRequestsTest {

    @Test
    void seatsAreOneToSixteen() {
        assertEquals(1, new ConsoleRequests.Login(1).checkedSeat());
        assertEquals(16, new ConsoleRequests.Login(16).checkedSeat());
        for (Integer bad : new Integer[] {null, 0, 17, -3}) {
            HttpProblem p = assertThrows(HttpProblem.class, () -> new ConsoleRequests.Login(bad).checkedSeat());
            assertEquals(400, p.status());
        }
    }

    @Test
    void transferKindIsAgentOrQueueInAnyCaseAndAttendedDefaultsToBlind() {
        assertEquals(TransferTarget.agent("zhao"), new ConsoleRequests.Transfer("Agent", "zhao", null).checkedTarget());
        assertEquals(TransferTarget.queue("repairs"), new ConsoleRequests.Transfer("queue", "repairs", true).checkedTarget());
        assertFalse(new ConsoleRequests.Transfer("agent", "zhao", null).isAttended());
        assertTrue(new ConsoleRequests.Transfer("agent", "zhao", true).isAttended());
        assertThrows(HttpProblem.class, () -> new ConsoleRequests.Transfer(null, "zhao", false).checkedTarget());
        assertThrows(HttpProblem.class, () -> new ConsoleRequests.Transfer("agent", "", false).checkedTarget());
        assertThrows(HttpProblem.class, () -> new ConsoleRequests.Transfer("agent", "a".repeat(65), false).checkedTarget());
    }

    @Test
    void notesAreOptionalUpToTwoThousandCharactersCountedAsCharactersNotBytes() {
        assertEquals("", new ConsoleRequests.WrapUp("c1", "ok", null, null).checkedNotes());
        String chinese = "停电".repeat(1000);
        assertEquals(chinese, new ConsoleRequests.WrapUp("c1", "ok", chinese, null).checkedNotes());
        assertThrows(HttpProblem.class, () -> new ConsoleRequests.WrapUp("c1", "ok", chinese + "x", null).checkedNotes());
        assertEquals("a\tb\r\nc", new ConsoleRequests.WrapUp("c1", "ok", "a\tb\r\nc", null).checkedNotes());
        assertThrows(HttpProblem.class, () -> new ConsoleRequests.WrapUp("c1", "ok", "a\u0000b", null).checkedNotes());
    }

    @Test
    void customerNameIsOneTrimmedLineOfAtMostAHundredCharacters() {
        assertEquals("陈先生", new ConsoleRequests.WrapUp("c1", "ok", "", " 陈先生 ").checkedCustomerName());
        assertThrows(HttpProblem.class, () -> new ConsoleRequests.WrapUp("c1", "ok", "", "a\nb").checkedCustomerName());
        assertThrows(HttpProblem.class, () -> new ConsoleRequests.WrapUp("c1", "ok", "", "n".repeat(101)).checkedCustomerName());
    }

    @Test
    void monitorModesAreTheFourOfTheContract() {
        assertEquals(MonitorMode.BARGE, new ConsoleRequests.Monitor("li", "barge").checkedMode());
        assertEquals(MonitorMode.END, new ConsoleRequests.Monitor("li", "END").checkedMode());
        assertThrows(HttpProblem.class, () -> new ConsoleRequests.Monitor("li", "record").checkedMode());
        assertThrows(HttpProblem.class, () -> new ConsoleRequests.Monitor("li", null).checkedMode());
        assertThrows(HttpProblem.class, () -> new ConsoleRequests.Monitor("li li", "LISTEN").checkedAgentId());
    }

    @Test
    void callControlCodesMapToConflictUnlessTheyNameSomethingMissingOrUnknown() {
        assertEquals(400, ConsoleCalls.statusOf(io.branchbox.firmware.console.Refusal.BAD_CODE));
        assertEquals(404, ConsoleCalls.statusOf(io.branchbox.firmware.console.Refusal.NO_SUCH_AGENT));
        assertEquals(404, ConsoleCalls.statusOf(io.branchbox.firmware.console.Refusal.NO_SUCH_QUEUE));
        for (io.branchbox.firmware.console.Refusal r : java.util.EnumSet.complementOf(java.util.EnumSet.of(
                io.branchbox.firmware.console.Refusal.BAD_CODE, io.branchbox.firmware.console.Refusal.NO_SUCH_AGENT,
                io.branchbox.firmware.console.Refusal.NO_SUCH_QUEUE))) {
            assertEquals(409, ConsoleCalls.statusOf(r), r.code());
        }
    }
}
