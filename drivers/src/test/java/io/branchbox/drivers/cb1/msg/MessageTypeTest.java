package io.branchbox.drivers.cb1.msg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageTypeTest {

    @Test
    void looksUpEveryWireCode() {
        for (MessageType t : MessageType.values()) {
            if (t != MessageType.UNKNOWN) {
                assertSame(t, MessageType.of(t.code()));
            }
        }
        assertEquals(0x7F, MessageType.LOG.code());
        assertEquals(0x41, MessageType.HEADSET_GAIN.code());
    }

    @Test
    void unknownCodesGiveNull() {
        assertNull(MessageType.of(0x00));
        assertNull(MessageType.of(0x07));
        assertNull(MessageType.of(0xFF));
        assertNull(MessageType.of(-1));
        assertNull(MessageType.of(256));
    }

    @Test
    void directionsFollowTheTable() {
        assertEquals(MessageType.Direction.B2H, MessageType.HELLO.direction());
        assertEquals(MessageType.Direction.H2B, MessageType.FXO_HOOK.direction());
        assertTrue(MessageType.AUDIO.fromBoard() && MessageType.AUDIO.fromHost());
        assertTrue(MessageType.DCHAN.fromBoard() && MessageType.DCHAN.fromHost());
        assertFalse(MessageType.PING.fromBoard());
        assertFalse(MessageType.PONG.fromHost());
    }

    @Test
    void fieldEnumsMapTheirCodes() {
        assertEquals(AckStatus.BUSY, AckStatus.of(5));
        assertEquals(AckStatus.UNKNOWN, AckStatus.of(6));
        assertEquals(AckStatus.UNKNOWN, AckStatus.of(-1));
        assertEquals(FxoEventKind.LINE_DOWN, FxoEventKind.of(6));
        assertNull(FxoEventKind.of(0));
        assertEquals(HookState.FLASH, HookState.of(2));
        assertEquals(HeadsetEventKind.UNPLUGGED, HeadsetEventKind.of(2));
        assertEquals(Framing.NO_CRC4, Framing.of(1));
        assertEquals(ClockSource.INTERNAL, ClockSource.of(1));
        assertNull(ClockSource.of(2));
    }

    @Test
    void spanStatusAlarmHelpers() {
        SpanStatus rai = new SpanStatus(0, 0x10, 0, SpanStatus.RAI | SpanStatus.LOMF, 0, 0, 0);
        assertTrue(rai.layer1Up());
        assertTrue(rai.has(SpanStatus.RAI));
        assertFalse(rai.clear());
        SpanStatus ais = new SpanStatus(0, 0x10, 0, SpanStatus.AIS, 0, 0, 0);
        assertFalse(ais.layer1Up());
        assertEquals("LOS|LOF|0x80", SpanStatus.alarmNames(0x83));
        assertEquals("none", SpanStatus.alarmNames(0));
    }
}
