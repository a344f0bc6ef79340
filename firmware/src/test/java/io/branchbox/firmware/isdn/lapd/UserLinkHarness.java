package io.branchbox.firmware.isdn.lapd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.branchbox.firmware.isdn.DataLinkUser;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A USER-side {@link LapdLink} under test, with the test playing the network: frames the link
 * sends are decoded into a queue, frames the test sends are built with network addresses.
 */
class UserLinkHarness implements DataLinkUser {
    /** Network commands carry C/R = 1, network responses C/R = 0 (Q.921 table 1). */
    static final LapdAddress NET_COMMAND = LapdAddress.pri(true);
    static final LapdAddress NET_RESPONSE = LapdAddress.pri(false);
    /** User commands carry C/R = 0, user responses C/R = 1. */
    static final LapdAddress USER_COMMAND = LapdAddress.pri(false);
    static final LapdAddress USER_RESPONSE = LapdAddress.pri(true);

    final ManualScheduler scheduler = new ManualScheduler();
    final ArrayDeque<LapdFrame> sent = new ArrayDeque<>();
    final List<String> events = new ArrayList<>();
    final List<byte[]> received = new ArrayList<>();
    final LapdLink link;

    UserLinkHarness() {
        this(LapdSettings.DEFAULTS);
    }

    UserLinkHarness(LapdSettings settings) {
        link = new LapdLink(Role.USER, settings, scheduler, this::capture, this, "test-span");
    }

    private void capture(byte[] bytes) {
        try {
            sent.add(LapdCodec.decode(bytes));
        } catch (LapdException e) {
            fail("link sent an undecodable frame: " + e.getMessage());
        }
    }

    /** Starts the link and completes establishment; leaves nothing in {@link #sent}. */
    UserLinkHarness established() {
        link.start();
        expect(new LapdFrame.SABME(USER_COMMAND, true));
        fromNetwork(new LapdFrame.UA(NET_RESPONSE, true));
        assertTrue(link.isUp());
        events.clear();
        return this;
    }

    void fromNetwork(LapdFrame frame) {
        link.receive(LapdCodec.encode(frame));
    }

    void advance(Duration d) {
        scheduler.advance(d);
    }

    void advanceSeconds(double seconds) {
        scheduler.advance(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** Asserts the next frame the link sent. */
    void expect(LapdFrame frame) {
        LapdFrame next = sent.poll();
        assertEquals(frame, next, "next frame sent by the link");
    }

    void expectNothingSent() {
        assertTrue(sent.isEmpty(), () -> "unexpected frames sent: " + sent);
    }

    static byte[] msg(int n) {
        return new byte[] {0x08, 0x01, (byte) n, 0x05};
    }

    static LapdFrame.I userI(int ns, int nr, int n) {
        return new LapdFrame.I(USER_COMMAND, ns, nr, false, msg(n));
    }

    static LapdFrame.I netI(int ns, int nr, int n) {
        return new LapdFrame.I(NET_COMMAND, ns, nr, false, msg(n));
    }

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
        received.add(layer3Message);
        events.add("data " + layer3Message[2]);
    }
}
