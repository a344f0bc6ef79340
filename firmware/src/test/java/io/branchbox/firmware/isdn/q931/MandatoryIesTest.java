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
                () -> userSide.check(Q931Message.of(ref, MessageType.STATUS, Cause.user(Q850Cause.RESPONSE_TO_STATUS_ENQUIRY))));
        assertEquals(Q850Cause.MANDATORY_IE_MISSING, e.cause());
        assertEquals(CallState.ID, e.diagnosticIe());
        assertDoesNotThrow(() -> userSide.check(Q931Message.of(ref, MessageType.STATUS, Cause.user(Q850Cause.RESPONSE_TO_STATUS_ENQUIRY), CallState.of(10))));
    }

    @Test
    void invalidMandatoryElementIsCause100ButInvalidOptionalOneOnlyReported() throws Q931Exception {
        Q931Exception e = assertThrows(Q931Exception.class, () -> userSide.check(Q931Message.of(ref, MessageType.DISCONNECT,
                UnknownIe.invalid(Cause.ID, Bytes.of(0x80)))));
        assertEquals(Q850Cause.INVALID_IE_CONTENTS, e.cause());
        Q931Message connect = Q931Message.of(ref, MessageType.CONNECT, UnknownIe.invalid(Display.ID, Bytes.of(0xFF)));
        userSide.check(connect);
        assertEquals(java.util.Optional.of(Q850Cause.INVALID_IE_CONTENTS), MandatoryIes.ignoredElementCause(connect));
    }

    @Test
    void nothingIgnoredIsNoCauseAndAnInvalidElementOutweighsAnUnknownOne() throws Q931Exception {
        Q931Message clean = Q931Message.of(ref, MessageType.CONNECT);
        userSide.check(clean);
        assertEquals(java.util.Optional.empty(), MandatoryIes.ignoredElementCause(clean));
        Q931Message both = Q931Message.of(ref, MessageType.CONNECT, UnknownIe.invalid(Display.ID, Bytes.of(0xFF)),
                UnknownIe.unrecognised(0, 0x7B, Bytes.of(0x01)));
        userSide.check(both);
        assertEquals(java.util.Optional.of(Q850Cause.INVALID_IE_CONTENTS), MandatoryIes.ignoredElementCause(both),
                "100 stays when an unknown element (99) follows an invalid one");
    }

    @Test
    void unknownElementsInOtherCodesetsNeverNeedComprehension() {
        Q931Message m = Q931Message.of(ref, MessageType.CONNECT, UnknownIe.unrecognised(6, 0x01, Bytes.of(0)));
        assertDoesNotThrow(() -> userSide.check(m));
        Q931Exception e = assertThrows(Q931Exception.class, () -> userSide.check(
                Q931Message.of(ref, MessageType.CONNECT, UnknownIe.unrecognised(0, 0x01, Bytes.of(0)))));
        assertEquals(Q850Cause.IE_NON_EXISTENT, e.cause());
    }
}
