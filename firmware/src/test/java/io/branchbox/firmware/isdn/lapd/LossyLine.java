package io.branchbox.firmware.isdn.lapd;

import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.Random;
import java.util.function.Consumer;

/** One direction of an in-memory D-channel that loses a seeded share of frames and delays the rest. */
final class LossyLine implements Consumer<byte[]> {
    private final Scheduler scheduler;
    private final Random random;
    private final double lossRate;
    private final Duration delay;
    private LapdLink receiver;
    /** While set, every frame is lost: a cut cable that the span alarm has not reported. */
    boolean cut;
    int carried;
    int lost;

    LossyLine(Scheduler scheduler, Random random, double lossRate, Duration delay) {
        this.scheduler = scheduler;
        this.random = random;
        this.lossRate = lossRate;
        this.delay = delay;
    }

    void connectTo(LapdLink link) {
        this.receiver = link;
    }

    @Override
    public void accept(byte[] frame) {
        if (cut || random.nextDouble() < lossRate) {
            lost++;
            return;
        }
        carried++;
        // Delivered later, never inside the sender's call, as a real line would.
        scheduler.schedule(delay, () -> receiver.receive(frame));
    }
}
