package io.branchbox.firmware.isdn.lapd;

import static io.branchbox.firmware.isdn.lapd.UserLinkHarness.NET_RESPONSE;
import static io.branchbox.firmware.isdn.lapd.UserLinkHarness.msg;
import static io.branchbox.firmware.isdn.lapd.UserLinkHarness.userI;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Calls' first answers ({@link LapdLink#sendFirstAnswer}) are numbered before the messages that
 * wait for the window, never before frames already numbered; all in virtual time.
 */
class LapdFirstAnswerTest {

    private final UserLinkHarness h = new UserLinkHarness().established();

    /** Sends messages 0..n-1; the first 7 go out (N(S) = message number) and fill the window. */
    private void sendAndFillTheWindow(int n) {
        for (int i = 0; i < n; i++) {
            h.link.send(msg(i));
        }
        for (int ns = 0; ns < 7; ns++) {
            h.expect(userI(ns, 0, ns));
        }
    }

    @Test
    void firstAnswersOvertakeWaitingMessagesWhenTheWindowOpens() {
        sendAndFillTheWindow(10);
        h.link.sendFirstAnswer(msg(20));
        h.link.sendFirstAnswer(msg(21));
        h.expectNothingSent();
        assertEquals(5, h.link.queued());

        h.fromNetwork(new LapdFrame.RR(NET_RESPONSE, 3, false));

        h.expect(userI(7, 0, 20));
        h.expect(userI(8, 0, 21));
        h.expect(userI(9, 0, 7));
        h.expectNothingSent();

        h.fromNetwork(new LapdFrame.RR(NET_RESPONSE, 10, false));
        h.expect(userI(10, 0, 8));
        h.expect(userI(11, 0, 9));
        h.expectNothingSent();
    }

    @Test
    void aFirstAnswerGoesOutAtOnceWhileTheWindowIsOpen() {
        h.link.send(msg(1));
        h.link.sendFirstAnswer(msg(2));

        h.expect(userI(0, 0, 1));
        h.expect(userI(1, 0, 2));
        h.expectNothingSent();
    }

    @Test
    void retransmissionKeepsTheNumbersAlreadyGiven() {
        sendAndFillTheWindow(7);
        h.link.sendFirstAnswer(msg(20));

        // the network missed frame 5 and rejects (acknowledging 0..4): 5 and 6 go again with their
        // numbers, and only then the answer, which the opened window now allows
        h.fromNetwork(new LapdFrame.REJ(NET_RESPONSE, 5, false));

        h.expect(userI(5, 0, 5));
        h.expect(userI(6, 0, 6));
        h.expect(userI(7, 0, 20));
        h.expectNothingSent();
    }

    @Test
    void aLinkDownKeepsFirstAnswersQueuedForTheNextEstablishment() {
        h.link.physicalDown();
        h.link.sendFirstAnswer(msg(20));
        h.link.send(msg(1));
        assertEquals(2, h.link.queued());
        h.expectNothingSent();
    }
}
