package io.branchbox.firmware.isdn.lapd;

import static io.branchbox.firmware.isdn.lapd.UserLinkHarness.NET_COMMAND;
import static io.branchbox.firmware.isdn.lapd.UserLinkHarness.NET_RESPONSE;
import static io.branchbox.firmware.isdn.lapd.UserLinkHarness.USER_COMMAND;
import static io.branchbox.firmware.isdn.lapd.UserLinkHarness.USER_RESPONSE;
import static io.branchbox.firmware.isdn.lapd.UserLinkHarness.msg;
import static io.branchbox.firmware.isdn.lapd.UserLinkHarness.userI;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.DataLinkUser;
import io.branchbox.time.ManualScheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LapdLinkEstablishmentTest {

    @Test
    void userEstablishesWithSabmeAndUaWhenStarted() {
        UserLinkHarness h = new UserLinkHarness();
        h.link.start();
        h.expect(new LapdFrame.SABME(USER_COMMAND, true));
        assertFalse(h.link.isUp());

        h.fromNetwork(new LapdFrame.UA(NET_RESPONSE, true));

        assertTrue(h.link.isUp());
        assertEquals(List.of("up"), h.events);
        assertEquals("multiple-frame-established(7)", h.link.stateName());
        assertEquals(1, h.link.counters().establishments());
    }

    @Test
    void sabmeIsRetransmittedN200TimesThenTheLinkFailsAndRetriesLater() {
        UserLinkHarness h = new UserLinkHarness();
        h.link.start();
        h.expect(new LapdFrame.SABME(USER_COMMAND, true));
        for (int retry = 1; retry <= 3; retry++) {
            h.advanceSeconds(1);
            h.expect(new LapdFrame.SABME(USER_COMMAND, true));
        }
        h.advanceSeconds(1);

        h.expectNothingSent();
        assertEquals("tei-assigned(4)", h.link.stateName());
        assertEquals(1, h.link.counters().mdlErrors(MdlError.G));
        assertEquals(List.of(), h.events, "never up, so no down either");

        h.advanceSeconds(4.9);
        h.expectNothingSent();
        h.advanceSeconds(0.1);
        h.expect(new LapdFrame.SABME(USER_COMMAND, true));
    }

    @Test
    void dmInResponseToSabmeStopsTheAttemptUntilTheRetryDelay() {
        UserLinkHarness h = new UserLinkHarness();
        h.link.start();
        h.expect(new LapdFrame.SABME(USER_COMMAND, true));

        h.fromNetwork(new LapdFrame.DM(NET_RESPONSE, true));

        assertFalse(h.link.isUp());
        assertEquals("tei-assigned(4)", h.link.stateName());
        h.advanceSeconds(4.9);
        h.expectNothingSent();
        h.advanceSeconds(0.1);
        h.expect(new LapdFrame.SABME(USER_COMMAND, true));
    }

    @Test
    void answersSabmeFromTheNetworkWithUa() {
        UserLinkHarness h = new UserLinkHarness(LapdSettings.DEFAULTS.withAutoEstablish(false));
        h.link.start();
        h.expectNothingSent();

        h.fromNetwork(new LapdFrame.SABME(NET_COMMAND, true));

        h.expect(new LapdFrame.UA(USER_RESPONSE, true));
        assertTrue(h.link.isUp());
        assertEquals(List.of("up"), h.events);
    }

    @Test
    void sabmeCollisionIsAnsweredAndTheOwnUaAwaited() {
        UserLinkHarness h = new UserLinkHarness();
        h.link.start();
        h.expect(new LapdFrame.SABME(USER_COMMAND, true));

        h.fromNetwork(new LapdFrame.SABME(NET_COMMAND, true));
        h.expect(new LapdFrame.UA(USER_RESPONSE, true));
        assertFalse(h.link.isUp());

        h.fromNetwork(new LapdFrame.UA(NET_RESPONSE, true));
        assertTrue(h.link.isUp());
    }

    @Test
    void discInTeiAssignedStateIsAnsweredWithDm() {
        UserLinkHarness h = new UserLinkHarness(LapdSettings.DEFAULTS.withAutoEstablish(false));
        h.link.start();

        h.fromNetwork(new LapdFrame.DISC(NET_COMMAND, true));

        h.expect(new LapdFrame.DM(USER_RESPONSE, true));
    }

    @Test
    void releaseSendsDiscAndUaCompletesIt() {
        UserLinkHarness h = new UserLinkHarness().established();

        h.link.release();

        h.expect(new LapdFrame.DISC(USER_COMMAND, true));
        assertFalse(h.link.isUp());
        assertEquals(List.of("down"), h.events);
        h.fromNetwork(new LapdFrame.UA(NET_RESPONSE, true));
        assertEquals("tei-assigned(4)", h.link.stateName());
        h.advanceSeconds(60);
        h.expectNothingSent();
    }

    @Test
    void unansweredDiscIsRetransmittedN200Times() {
        UserLinkHarness h = new UserLinkHarness().established();
        h.link.release();
        h.expect(new LapdFrame.DISC(USER_COMMAND, true));
        for (int retry = 1; retry <= 3; retry++) {
            h.advanceSeconds(1);
            h.expect(new LapdFrame.DISC(USER_COMMAND, true));
        }
        h.advanceSeconds(1);

        assertEquals("tei-assigned(4)", h.link.stateName());
        assertEquals(1, h.link.counters().mdlErrors(MdlError.H));
    }

    @Test
    void discFromTheNetworkIsAcknowledgedAndTheUserReestablishes() {
        UserLinkHarness h = new UserLinkHarness().established();

        h.fromNetwork(new LapdFrame.DISC(NET_COMMAND, true));

        h.expect(new LapdFrame.UA(USER_RESPONSE, true));
        assertEquals(List.of("down"), h.events);
        h.advanceSeconds(5);
        h.expect(new LapdFrame.SABME(USER_COMMAND, true));
    }

    @Test
    void peerReestablishmentWhileUpIsReportedAsUpAgain() {
        UserLinkHarness h = new UserLinkHarness().established();
        h.link.send(msg(1));
        h.expect(userI(0, 0, 1));

        h.fromNetwork(new LapdFrame.SABME(NET_COMMAND, true));

        h.expect(new LapdFrame.UA(USER_RESPONSE, true));
        assertEquals(List.of("up"), h.events);
        assertEquals(1, h.link.counters().mdlErrors(MdlError.F));
        assertEquals(1, h.link.counters().unacknowledgedDiscarded());
        h.link.send(msg(2));
        h.expect(userI(0, 0, 2));
    }

    @Test
    void physicalDownDropsTheLinkAndStopsEveryTimer() {
        UserLinkHarness h = new UserLinkHarness().established();
        h.link.send(msg(1));
        h.expect(userI(0, 0, 1));

        h.link.physicalDown();

        assertFalse(h.link.isUp());
        assertEquals(List.of("down"), h.events);
        assertEquals(0, h.scheduler.pendingCount());
        h.fromNetwork(new LapdFrame.SABME(NET_COMMAND, true));
        h.advanceSeconds(60);
        h.expectNothingSent();
        assertEquals(1, h.link.counters().discarded());

        h.link.start();
        h.expect(new LapdFrame.SABME(USER_COMMAND, true));
    }

    @Test
    void messagesSentWhileDownAreQueuedAndSentOnceUp() {
        UserLinkHarness h = new UserLinkHarness();
        h.link.send(msg(1));
        h.link.send(msg(2));
        h.expectNothingSent();
        assertEquals(2, h.link.queued());

        h.link.start();
        h.expect(new LapdFrame.SABME(USER_COMMAND, true));
        h.fromNetwork(new LapdFrame.UA(NET_RESPONSE, true));

        h.expect(userI(0, 0, 1));
        h.expect(userI(1, 0, 2));
        assertEquals(0, h.link.queued());
    }

    @Test
    void aFullQueueDropsAndCountsNewMessages() {
        UserLinkHarness h = new UserLinkHarness(LapdSettings.DEFAULTS.withMaxQueued(2));
        h.link.send(msg(1));
        h.link.send(msg(2));
        h.link.send(msg(3));

        assertEquals(2, h.link.queued());
        assertEquals(1, h.link.counters().queueDrops());
    }

    @Test
    void networkRoleSendsCommandsWithCrOneAndTakesUserResponsesWithCrOne() {
        ManualScheduler scheduler = new ManualScheduler();
        List<byte[]> out = new ArrayList<>();
        List<String> events = new ArrayList<>();
        LapdLink network = new LapdLink(Role.NETWORK, LapdSettings.DEFAULTS, scheduler, out::add,
                new DataLinkUser() {
                    @Override
                    public void onDataLinkUp() {
                        events.add("up");
                    }

                    @Override
                    public void onDataLinkDown(String reason) {
                        events.add("down");
                    }

                    @Override
                    public void onData(byte[] layer3Message) {
                        events.add("data");
                    }
                }, "carrier-sim");
        byte[] sabmeFromNetwork = {
            0x02,   // SAPI 0, C/R 1 (command from network), EA 0
            0x01,   // TEI 0, EA 1
            0x7F,   // SABME, P = 1
        };
        byte[] uaFromUser = {
            0x02,   // SAPI 0, C/R 1 (response from user), EA 0
            0x01,   // TEI 0, EA 1
            0x73,   // UA, F = 1
        };
        byte[] uaWithCommandCr = {
            0x00,   // SAPI 0, C/R 0: a command from the user, which a UA never is
            0x01,   // TEI 0, EA 1
            0x73,   // UA, F = 1
        };

        network.start();
        assertArrayEquals(sabmeFromNetwork, out.get(0));
        network.receive(uaWithCommandCr);
        assertFalse(network.isUp());
        assertEquals(1, network.counters().discarded());
        network.receive(uaFromUser);

        assertTrue(network.isUp());
        assertEquals(List.of("up"), events);
    }
}
