package io.branchbox.firmware.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioRouterTest {
    private static final int SPAN0 = 0x10;
    private static final int HEADSET0 = 0x30;

    private record Sent(int unit, int chan, int frameNo, byte[] alaw) {}

    private final List<Sent> sent = new ArrayList<>();
    private final AudioRouter router = new AudioRouter(
            (unit, chan, frameNo, alaw, off) -> sent.add(new Sent(unit, chan, frameNo, Arrays.copyOfRange(alaw, off, off + 160))));

    private static byte[] frame(int v) {
        byte[] f = new byte[160];
        Arrays.fill(f, (byte) v);
        return f;
    }

    @Test
    void everyReceivedFrameIsAnsweredOnItsOwnChannelWithSilenceByDefault() {
        router.open(SPAN0, 1);
        router.onFrame(SPAN0, 1, 7, frame(0x11), 0);
        assertEquals(1, sent.size());
        assertEquals(new Sent(SPAN0, 1, 7, null).unit(), sent.get(0).unit());
        assertEquals(7, sent.get(0).frameNo());
        assertArrayEquals(frame(0xD5), sent.get(0).alaw());
    }

    @Test
    void aBurstOfJitterDoesNotLeaveALastingDelayOnTheBridge() {
        AudioChannel trunk = router.open(SPAN0, 1);
        AudioChannel seat = router.open(HEADSET0, 0);
        router.bridge(trunk, seat);
        router.onFrame(SPAN0, 1, 0, frame(0x21), 0);    // three caller frames arrive in one burst
        router.onFrame(SPAN0, 1, 1, frame(0x22), 0);
        router.onFrame(SPAN0, 1, 2, frame(0x23), 0);
        router.onFrame(HEADSET0, 0, 0, frame(0x42), 0); // the seat gets the second: at most two frames behind
        router.onFrame(HEADSET0, 0, 1, frame(0x42), 0);
        router.onFrame(SPAN0, 1, 3, frame(0x24), 0);
        router.onFrame(HEADSET0, 0, 2, frame(0x42), 0);
        assertArrayEquals(frame(0x22), sent.get(3).alaw());
        assertArrayEquals(frame(0x23), sent.get(4).alaw());
        assertArrayEquals(frame(0x24), sent.get(6).alaw(), "from now on one frame behind, not three");
        assertEquals(0, router.stats().stream().mapToLong(AudioRouter.ChannelStats::overruns).sum());
    }

    @Test
    void aChannelNobodyReadsCountsNoOverruns() {
        router.open(SPAN0, 1);
        for (int i = 0; i < 10; i++) {
            router.onFrame(SPAN0, 1, i, frame(0x21), 0);
        }
        assertEquals(0, router.stats().get(0).overruns(), "a channel playing a prompt does not lose anything");
    }

    @Test
    void bridgedChannelsCarryEachOthersAudioBothWays() {
        AudioChannel trunk = router.open(SPAN0, 1);
        AudioChannel seat = router.open(HEADSET0, 0);
        router.bridge(trunk, seat);
        router.onFrame(SPAN0, 1, 0, frame(0x21), 0);     // caller speaks; nothing from the seat yet
        router.onFrame(HEADSET0, 0, 0, frame(0x42), 0);  // seat gets the caller's frame
        router.onFrame(SPAN0, 1, 1, frame(0x22), 0);     // caller gets the agent's frame
        assertArrayEquals(frame(0xD5), sent.get(0).alaw(), "no agent audio yet: silence");
        assertArrayEquals(frame(0x21), sent.get(1).alaw());
        assertEquals(HEADSET0, sent.get(1).unit());
        assertArrayEquals(frame(0x42), sent.get(2).alaw());
    }

    @Test
    void tapSeesReceivedAndSentFrameOfTheSameTick() {
        AudioChannel trunk = router.open(SPAN0, 1);
        router.play(trunk, Prompts.loop(frame(0x33)));
        List<String> seen = new ArrayList<>();
        router.tap(trunk, (rx, ro, tx, to) -> seen.add(rx[ro] + "/" + tx[to]));
        router.onFrame(SPAN0, 1, 0, frame(0x05), 0);
        assertEquals(List.of("5/51"), seen);
    }

    @Test
    void framesForClosedOrImpossibleChannelsAreCountedNotRouted() {
        router.open(SPAN0, 1);
        router.close(SPAN0, 1);
        router.onFrame(SPAN0, 1, 0, frame(1), 0);
        router.onFrame(0x7F, 40, 0, frame(1), 0);
        assertEquals(0, sent.size());
        assertEquals(2, router.strayFrames());
    }

    @Test
    void promptPlaysOnceThenSilenceAndReportsItsEndOnce() {
        AudioChannel trunk = router.open(SPAN0, 1);
        int[] ends = {0};
        byte[] prompt = new byte[250];
        Arrays.fill(prompt, (byte) 0x44);
        router.play(trunk, Prompts.once(prompt, () -> ends[0]++));
        for (int i = 0; i < 4; i++) {
            router.onFrame(SPAN0, 1, i, frame(0), 0);
        }
        assertArrayEquals(frame(0x44), sent.get(0).alaw());
        byte[] second = sent.get(1).alaw();
        assertEquals(0x44, second[89]);
        assertEquals((byte) 0xD5, second[90]);
        assertArrayEquals(frame(0xD5), sent.get(3).alaw());
        assertEquals(1, ends[0]);
    }

    @Test
    void aSlowConsumerHearsTheNewestTwoFramesAndThenSilence() {
        AudioChannel trunk = router.open(SPAN0, 1);
        AudioChannel seat = router.open(HEADSET0, 0);
        router.bridge(trunk, seat);
        for (int i = 1; i <= 6; i++) {
            router.onFrame(SPAN0, 1, i, frame(i), 0);
        }
        for (int i = 0; i < 5; i++) {
            router.onFrame(HEADSET0, 0, i, frame(0), 0);
        }
        List<Integer> heard = sent.stream().filter(s -> s.unit() == HEADSET0).map(s -> (int) s.alaw()[0]).toList();
        assertEquals(List.of(5, 6, (int) (byte) 0xD5, (int) (byte) 0xD5, (int) (byte) 0xD5), heard,
                "older frames are skipped so the bridge never lags more than two frames");
    }
}
