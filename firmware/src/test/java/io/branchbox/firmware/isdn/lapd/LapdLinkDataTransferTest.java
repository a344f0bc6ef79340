package io.branchbox.firmware.isdn.lapd;

import static io.branchbox.firmware.isdn.lapd.UserLinkHarness.NET_COMMAND;
import static io.branchbox.firmware.isdn.lapd.UserLinkHarness.NET_RESPONSE;
import static io.branchbox.firmware.isdn.lapd.UserLinkHarness.USER_COMMAND;
import static io.branchbox.firmware.isdn.lapd.UserLinkHarness.USER_RESPONSE;
import static io.branchbox.firmware.isdn.lapd.UserLinkHarness.msg;
import static io.branchbox.firmware.isdn.lapd.UserLinkHarness.netI;
import static io.branchbox.firmware.isdn.lapd.UserLinkHarness.userI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LapdLinkDataTransferTest {

    private final UserLinkHarness h = new UserLinkHarness().established();

    @Test
    void iFramesAreNumberedAndAcknowledgedBothWays() {
        h.link.send(msg(1));
        h.link.send(msg(2));
        h.expect(userI(0, 0, 1));
        h.expect(userI(1, 0, 2));

        h.fromNetwork(new LapdFrame.RR(NET_RESPONSE, 2, false));
        h.advanceSeconds(1);
        h.expectNothingSent();

        h.fromNetwork(netI(0, 2, 7));
        assertEquals(List.of("data 7"), h.events);
        h.expect(new LapdFrame.RR(USER_RESPONSE, 1, false));

        h.link.send(msg(3));
        h.expect(userI(2, 1, 3));
        assertEquals(3, h.link.counters().iFramesOut());
        assertEquals(1, h.link.counters().iFramesIn());
    }

    @Test
    void anOutOfSequenceIFrameGetsOneRejectAndTheGapIsFilledInOrder() {
        h.fromNetwork(netI(1, 0, 11));
        h.expect(new LapdFrame.REJ(USER_RESPONSE, 0, false));
        h.fromNetwork(netI(2, 0, 12));
        h.expectNothingSent();

        h.fromNetwork(netI(0, 0, 10));
        h.expect(new LapdFrame.RR(USER_RESPONSE, 1, false));
        h.fromNetwork(netI(1, 0, 11));
        h.expect(new LapdFrame.RR(USER_RESPONSE, 2, false));

        assertEquals(List.of("data 10", "data 11"), h.events);
        assertEquals(1, h.link.counters().rejectsSent());
    }

    @Test
    void theWindowHoldsSevenFramesUntilRrOpensIt() {
        for (int n = 0; n < 10; n++) {
            h.link.send(msg(n));
        }
        for (int ns = 0; ns < 7; ns++) {
            h.expect(userI(ns, 0, ns));
        }
        h.expectNothingSent();
        assertEquals(3, h.link.queued());

        h.fromNetwork(new LapdFrame.RR(NET_RESPONSE, 3, false));

        h.expect(userI(7, 0, 7));
        h.expect(userI(8, 0, 8));
        h.expect(userI(9, 0, 9));
        h.expectNothingSent();
    }

    @Test
    void sequenceNumbersWrapAtOneHundredTwentyEight() {
        for (int n = 0; n < 130; n++) {
            h.link.send(msg(n));
            h.expect(userI(n % 128, 0, n));
            h.fromNetwork(new LapdFrame.RR(NET_RESPONSE, (n + 1) % 128, false));
        }
        assertTrue(h.link.isUp());
        assertEquals(0, h.link.counters().mdlErrors(MdlError.J));
    }

    @Test
    void rejRetransmitsFromItsNr() {
        h.link.send(msg(0));
        h.link.send(msg(1));
        h.link.send(msg(2));
        h.expect(userI(0, 0, 0));
        h.expect(userI(1, 0, 1));
        h.expect(userI(2, 0, 2));

        h.fromNetwork(new LapdFrame.REJ(NET_RESPONSE, 1, false));

        h.expect(userI(1, 0, 1));
        h.expect(userI(2, 0, 2));
        h.expectNothingSent();
        assertEquals(2, h.link.counters().retransmissions());
        assertEquals(1, h.link.counters().rejectsReceived());
    }

    @Test
    void t200ExpiryPollsInTimerRecoveryAndTheAnswerResendsTheLostFrame() {
        h.link.send(msg(0));
        h.expect(userI(0, 0, 0));

        h.advanceSeconds(1);
        h.expect(new LapdFrame.RR(USER_COMMAND, 0, true));
        assertEquals("timer-recovery(8)", h.link.stateName());
        h.link.send(msg(1));
        h.expectNothingSent();

        h.fromNetwork(new LapdFrame.RR(NET_RESPONSE, 0, true));

        h.expect(userI(0, 0, 0));
        h.expect(userI(1, 0, 1));
        assertEquals("multiple-frame-established(7)", h.link.stateName());
        assertEquals(1, h.link.counters().retransmissions());
        h.fromNetwork(new LapdFrame.RR(NET_RESPONSE, 2, false));
        h.advanceSeconds(1);
        h.expectNothingSent();
    }

    @Test
    void unansweredPollsInTimerRecoveryReestablishTheLink() {
        h.link.send(msg(0));
        h.expect(userI(0, 0, 0));
        for (int poll = 1; poll <= 3; poll++) {
            h.advanceSeconds(1);
            h.expect(new LapdFrame.RR(USER_COMMAND, 0, true));
        }

        h.advanceSeconds(1);

        h.expect(new LapdFrame.SABME(USER_COMMAND, true));
        assertEquals(1, h.link.counters().mdlErrors(MdlError.I));
        assertFalse(h.link.isUp());
        assertEquals(List.of(), h.events, "a reset is not reported as down");
        h.fromNetwork(new LapdFrame.UA(NET_RESPONSE, true));
        assertEquals(List.of("up"), h.events);
        assertEquals(1, h.link.counters().unacknowledgedDiscarded());
    }

    @Test
    void t203IdlePollsAndTheAnswerReturnsToMultipleFrameEstablished() {
        h.advanceSeconds(9.9);
        h.expectNothingSent();
        h.advanceSeconds(0.1);
        h.expect(new LapdFrame.RR(USER_COMMAND, 0, true));
        assertEquals("timer-recovery(8)", h.link.stateName());

        h.fromNetwork(new LapdFrame.RR(NET_RESPONSE, 0, true));

        assertEquals("multiple-frame-established(7)", h.link.stateName());
        h.expectNothingSent();
        h.advanceSeconds(10);
        h.expect(new LapdFrame.RR(USER_COMMAND, 0, true));
    }

    @Test
    void aPollFromTheNetworkIsAnsweredWithFinal() {
        h.fromNetwork(new LapdFrame.RR(NET_COMMAND, 0, true));

        h.expect(new LapdFrame.RR(USER_RESPONSE, 0, true));
    }

    @Test
    void rnrHoldsIFramesUntilThePeerIsReadyAgain() {
        h.link.send(msg(0));
        h.expect(userI(0, 0, 0));
        h.fromNetwork(new LapdFrame.RNR(NET_RESPONSE, 1, false));
        h.link.send(msg(1));
        h.expectNothingSent();

        h.advanceSeconds(1);
        h.expect(new LapdFrame.RR(USER_COMMAND, 0, true));
        h.fromNetwork(new LapdFrame.RNR(NET_RESPONSE, 1, true));
        h.expectNothingSent();
        h.advanceSeconds(1);
        h.expect(new LapdFrame.RR(USER_COMMAND, 0, true));

        h.fromNetwork(new LapdFrame.RR(NET_RESPONSE, 1, true));

        h.expect(userI(1, 0, 1));
        assertTrue(h.link.isUp());
    }

    @Test
    void anNrErrorReestablishesWithMdlErrorJ() {
        h.link.send(msg(0));
        h.expect(userI(0, 0, 0));

        h.fromNetwork(new LapdFrame.RR(NET_RESPONSE, 5, false));

        h.expect(new LapdFrame.SABME(USER_COMMAND, true));
        assertEquals(1, h.link.counters().mdlErrors(MdlError.J));
        assertEquals("awaiting-establishment(5)", h.link.stateName());
        h.fromNetwork(new LapdFrame.UA(NET_RESPONSE, true));
        assertEquals(List.of("up"), h.events);
    }

    @Test
    void frmrReestablishesWithMdlErrorK() {
        h.fromNetwork(new LapdFrame.FRMR(NET_RESPONSE, false, new byte[] {0x7F, 0x00, 0x00, 0x01, 0x01}));

        h.expect(new LapdFrame.SABME(USER_COMMAND, true));
        assertEquals(1, h.link.counters().mdlErrors(MdlError.K));
    }

    @Test
    void dmWithFinalZeroWhileUpReestablishesWithMdlErrorE() {
        h.fromNetwork(new LapdFrame.DM(NET_RESPONSE, false));

        h.expect(new LapdFrame.SABME(USER_COMMAND, true));
        assertEquals(1, h.link.counters().mdlErrors(MdlError.E));
    }

    @Test
    void malformedFramesAreCountedAndNeverThrow() {
        byte[] oneOctet = {
            0x02,   // SAPI 0, C/R 1, EA 0; nothing else
        };
        byte[] sabmModulo8 = {
            0x02,   // SAPI 0, C/R 1 (command from network), EA 0
            0x01,   // TEI 0, EA 1
            0x3F,   // SABM (modulo 8): undefined in LAPD
        };

        h.link.receive(oneOctet);
        h.expectNothingSent();
        assertTrue(h.link.isUp());
        assertEquals(1, h.link.counters().malformed(LapdException.Reason.TOO_SHORT));

        h.link.receive(sabmModulo8);
        assertEquals(1, h.link.counters().mdlErrors(MdlError.L));
        h.expect(new LapdFrame.SABME(USER_COMMAND, true));
    }

    @Test
    void framesForOtherSapiOrTeiAreIgnored() {
        h.fromNetwork(new LapdFrame.I(new LapdAddress(16, true, 0), 0, 0, true, msg(1)));
        h.fromNetwork(new LapdFrame.RR(new LapdAddress(0, true, 64), 0, true));

        h.expectNothingSent();
        assertEquals(List.of(), h.events);
        assertEquals(2, h.link.counters().discarded());
    }

    @Test
    void randomGarbageNeverThrowsAndIsCounted() {
        Random random = new Random(921);
        for (int i = 0; i < 5_000; i++) {
            byte[] garbage = new byte[random.nextInt(300)];
            random.nextBytes(garbage);
            h.link.receive(garbage);
            h.advanceSeconds(0.1);
        }

        LapdCounters c = h.link.counters();
        assertEquals(5_000 + 1, c.framesIn(), "the UA of establishment plus the garbage");
        assertTrue(c.malformed().values().stream().mapToLong(Long::longValue).sum() > 0);
    }

    @Test
    void aFailingLayerThreeDoesNotStopTheLink() {
        UserLinkHarness throwing = new UserLinkHarness() {
            @Override
            public void onData(byte[] layer3Message) {
                super.onData(layer3Message);
                throw new IllegalStateException("layer 3 bug");
            }
        }.established();

        throwing.fromNetwork(netI(0, 0, 1));
        throwing.expect(new LapdFrame.RR(USER_RESPONSE, 1, false));
        throwing.fromNetwork(netI(1, 0, 2));

        throwing.expect(new LapdFrame.RR(USER_RESPONSE, 2, false));
        assertEquals(List.of("data 1", "data 2"), throwing.events);
    }

    @Test
    void aMessageLongerThanN201IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> h.link.send(new byte[LapdFrame.N201 + 1]));
    }
}
