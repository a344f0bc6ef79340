package io.branchbox.firmware.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MixTest {
    /** What the router sent, by unit: the last frame. */
    private final Map<Integer, byte[]> sent = new HashMap<>();
    private final AudioRouter router = new AudioRouter((unit, chan, no, alaw, off) ->
            sent.put(unit, Arrays.copyOfRange(alaw, off, off + AudioSource.FRAME)));

    private static byte[] constant(int linear) {
        byte[] f = new byte[AudioSource.FRAME];
        Arrays.fill(f, G711.linearToAlaw(linear));
        return f;
    }

    @Test
    void aListenerHearsTheSumOfBothPartiesAndNeitherLosesFramesToTheOther() {
        AudioChannel caller = router.open(0x10, 1);
        AudioChannel agent = router.open(0x30, 0);
        AudioChannel supervisor = router.open(0x31, 0);
        router.play(supervisor, new Mix(List.of(caller, agent)));
        // the agent also hears the caller through a second mix: both read the caller's every frame
        router.play(agent, new Mix(List.of(caller)));

        router.onFrame(0x10, 1, 0, constant(1000), 0);
        router.onFrame(0x30, 0, 0, constant(2000), 0);
        router.onFrame(0x31, 0, 0, constant(0), 0);

        int expected = G711.alawToLinear(G711.linearToAlaw(1000)) + G711.alawToLinear(G711.linearToAlaw(2000));
        assertEquals(G711.alawToLinear(G711.linearToAlaw(expected)), G711.alawToLinear(sent.get(0x31)[0]));

        router.onFrame(0x10, 1, 1, constant(-500), 0);
        router.onFrame(0x30, 0, 1, constant(0), 0);
        assertEquals(G711.alawToLinear(G711.linearToAlaw(-500)), G711.alawToLinear(sent.get(0x30)[0]),
                "the agent's mix got the caller's new frame although the supervisor's mix read the last one");
    }

    @Test
    void aMemberWithNoNewFrameAddsSilenceNotARepeat() {
        AudioChannel caller = router.open(0x10, 1);
        AudioChannel supervisor = router.open(0x31, 0);
        router.play(supervisor, new Mix(List.of(caller)));
        router.onFrame(0x10, 1, 0, constant(3000), 0);
        router.onFrame(0x31, 0, 0, constant(0), 0);
        router.onFrame(0x31, 0, 1, constant(0), 0); // the caller's next frame is late

        assertEquals(G711.alawToLinear(G711.linearToAlaw(0)), G711.alawToLinear(sent.get(0x31)[0]));
    }

    @Test
    void sumsBeyondSixteenBitsClipInsteadOfWrapping() {
        AudioChannel a = router.open(0x10, 1);
        AudioChannel b = router.open(0x10, 2);
        AudioChannel listener = router.open(0x31, 0);
        router.play(listener, new Mix(List.of(a, b)));
        router.onFrame(0x10, 1, 0, constant(30000), 0);
        router.onFrame(0x10, 2, 0, constant(30000), 0);
        router.onFrame(0x31, 0, 0, constant(0), 0);

        assertEquals(G711.alawToLinear(G711.linearToAlaw(Short.MAX_VALUE)), G711.alawToLinear(sent.get(0x31)[0]));
    }
}
