package io.branchbox.firmware.isdn.lapd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.DataLinkUser;
import io.branchbox.time.ManualScheduler;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A USER link and a NETWORK link talking over a line that loses 1 % of frames each way. */
class LapdEndToEndTest {
    private static final int MESSAGES = 10_000;
    private static final long SEED = 20_261_123L;

    @Test
    void tenThousandMessagesEachWayArriveExactlyOnceInOrderOverALossyLine() {
        ManualScheduler scheduler = new ManualScheduler();
        Random random = new Random(SEED);
        LossyLine userToNetwork = new LossyLine(scheduler, random, 0.01, Duration.ofMillis(2));
        LossyLine networkToUser = new LossyLine(scheduler, random, 0.01, Duration.ofMillis(2));
        Endpoint userSide = new Endpoint();
        Endpoint networkSide = new Endpoint();
        LapdSettings settings = LapdSettings.DEFAULTS.withMaxQueued(MESSAGES);
        LapdLink user = new LapdLink(Role.USER, settings, scheduler, userToNetwork, userSide, "user");
        LapdLink network = new LapdLink(Role.NETWORK, settings.withAutoEstablish(false), scheduler,
                networkToUser, networkSide, "network");
        userToNetwork.connectTo(network);
        networkToUser.connectTo(user);

        network.start();
        user.start();
        // Layer 3 sends once told the link is up: I frames sent while the peer still waits for a
        // lost UA would be dropped by the SABME retry, as Q.921 prescribes.
        while (!(user.isUp() && network.isUp())) {
            scheduler.advance(Duration.ofMillis(10));
        }
        for (int i = 0; i < MESSAGES; i++) {
            user.send(message(i));
            network.send(message(i));
        }
        Duration limit = Duration.ofHours(2);
        while ((userSide.received.size() < MESSAGES || networkSide.received.size() < MESSAGES)
                && scheduler.elapsed().compareTo(limit) < 0) {
            scheduler.advance(Duration.ofMillis(10));
        }

        assertInOrderExactlyOnce(networkSide.received);
        assertInOrderExactlyOnce(userSide.received);
        assertTrue(userToNetwork.lost > 100 && networkToUser.lost > 100, "the line must actually lose frames");
        assertTrue(user.counters().retransmissions() > 0 && network.counters().retransmissions() > 0);
        assertEquals(1, user.counters().establishments(), "losses are recovered without a reset");
        assertEquals(1, network.counters().establishments(), "losses are recovered without a reset");
        assertEquals(1, userSide.ups);
        assertEquals(0, userSide.downs);
        assertTrue(user.isUp() && network.isUp());
    }

    @Test
    void theUserSideHealsItselfAfterTheLineWasSilentlyCut() {
        ManualScheduler scheduler = new ManualScheduler();
        Random random = new Random(SEED);
        LossyLine userToNetwork = new LossyLine(scheduler, random, 0, Duration.ofMillis(2));
        LossyLine networkToUser = new LossyLine(scheduler, random, 0, Duration.ofMillis(2));
        Endpoint userSide = new Endpoint();
        Endpoint networkSide = new Endpoint();
        LapdLink user = new LapdLink(Role.USER, LapdSettings.DEFAULTS, scheduler, userToNetwork,
                userSide, "user");
        LapdLink network = new LapdLink(Role.NETWORK, LapdSettings.DEFAULTS.withAutoEstablish(false),
                scheduler, networkToUser, networkSide, "network");
        userToNetwork.connectTo(network);
        networkToUser.connectTo(user);
        network.start();
        user.start();
        scheduler.advance(Duration.ofSeconds(1));
        assertTrue(user.isUp() && network.isUp());

        userToNetwork.cut = true;
        networkToUser.cut = true;
        scheduler.advance(Duration.ofMinutes(2));
        assertEquals(1, userSide.downs, "T203 poll unanswered, re-establishment failed: reported down");
        assertTrue(user.counters().mdlErrors(MdlError.I) >= 1);
        assertTrue(user.counters().mdlErrors(MdlError.G) >= 1);

        userToNetwork.cut = false;
        networkToUser.cut = false;
        scheduler.advance(Duration.ofSeconds(20));
        user.send(message(1));
        scheduler.advance(Duration.ofSeconds(1));

        assertTrue(user.isUp(), "the user side re-established by itself");
        assertEquals(2, userSide.ups);
        assertEquals(1, networkSide.received.size());
        assertEquals(1, ByteBuffer.wrap(networkSide.received.get(0)).getInt());
    }

    private static byte[] message(int i) {
        // Sizes vary up to N201 so that short and full frames both cross the line.
        int length = 4 + i % (LapdFrame.N201 - 3);
        return ByteBuffer.allocate(length).putInt(i).array();
    }

    private static void assertInOrderExactlyOnce(List<byte[]> received) {
        assertEquals(MESSAGES, received.size());
        for (int i = 0; i < MESSAGES; i++) {
            byte[] m = received.get(i);
            assertEquals(i, ByteBuffer.wrap(m).getInt(), "message at position " + i);
            assertEquals(message(i).length, m.length, "length of message " + i);
        }
    }

    private static final class Endpoint implements DataLinkUser {
        final List<byte[]> received = new ArrayList<>();
        int ups;
        int downs;

        @Override
        public void onDataLinkUp() {
            ups++;
        }

        @Override
        public void onDataLinkDown(String reason) {
            downs++;
        }

        @Override
        public void onData(byte[] layer3Message) {
            received.add(layer3Message);
        }
    }
}
