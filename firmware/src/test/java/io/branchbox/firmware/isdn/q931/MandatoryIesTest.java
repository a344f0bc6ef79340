package io.branchbox.firmware.isdn.q931;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MandatoryIesTest {
    private final MandatoryIes userSide = MandatoryIes.userSideReceiving();
    private final CallReference ref = CallReference.pri(1, true);

    @Test
    void statusNeedsCauseAndCallState() {
        Q931Exception e = assertThrows(Q931Exception.class,
                () -> userSide.check(Q931Message.of(ref, MessageType.STATUS, Cause.user(30))));
        assertEquals(Causes.MANDATORY_IE_MISSING, e.cause());
        assertEquals(CallState.ID, e.diagnosticIe());
        assertDoesNotThrow(() -> userSide.check(Q931Message.of(ref, MessageType.STATUS, Cause.user(30), CallState.of(10))));
    }

    @Test
    void invalidMandatoryElementIsCause100ButInvalidOptionalOneOnlyReported() throws Q931Exception {
        Q931Exception e = assertThrows(Q931Exception.class, () -> userSide.check(Q931Message.of(ref, MessageType.DISCONNECT,
                UnknownIe.invalid(Cause.ID, Bytes.of(0x80)))));
        assertEquals(Causes.INVALID_IE_CONTENTS, e.cause());
        Q931Message connect = Q931Message.of(ref, MessageType.CONNECT, UnknownIe.invalid(Display.ID, Bytes.of(0xFF)));
        userSide.check(connect);
        assertEquals(Causes.INVALID_IE_CONTENTS, MandatoryIes.ignoredElementCause(connect));
    }

    @Test
    void unknownElementsInOtherCodesetsNeverNeedComprehension() {
        Q931Message m = Q931Message.of(ref, MessageType.CONNECT, UnknownIe.unrecognised(6, 0x01, Bytes.of(0)));
        assertDoesNotThrow(() -> userSide.check(m));
        Q931Exception e = assertThrows(Q931Exception.class, () -> userSide.check(
                Q931Message.of(ref, MessageType.CONNECT, UnknownIe.unrecognised(0, 0x01, Bytes.of(0)))));
        assertEquals(Causes.IE_NON_EXISTENT, e.cause());
    }
}
