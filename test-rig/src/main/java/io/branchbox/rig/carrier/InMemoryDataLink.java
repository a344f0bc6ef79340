package io.branchbox.rig.carrier;

import io.branchbox.firmware.isdn.DataLink;
import io.branchbox.firmware.isdn.DataLinkUser;
import io.branchbox.time.Scheduler;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * One end of an in-memory D-channel: two of these, made by {@link #pair}, stand in for a LAPD
 * link between the box (user side) and the carrier simulator (network side).
 *
 * <p>Everything is delivered through the shared {@link Scheduler} ({@code execute}), so the two
 * layer-3 entities never call each other re-entrantly, just as over a real link. Messages sent
 * while the link is down are queued and delivered when it comes up. Threading: the scheduler's
 * thread; tests with a ManualScheduler call {@code runPending()} to let messages flow.
 */
public final class InMemoryDataLink implements DataLink {
    private final Scheduler scheduler;
    private final Queue<byte[]> queued = new ArrayDeque<>();
    private InMemoryDataLink peer;
    private DataLinkUser user;
    private boolean up;

    private InMemoryDataLink(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Two connected ends; attach each side's layer 3 with {@link #attach}. */
    public static InMemoryDataLink[] pair(Scheduler scheduler) {
        InMemoryDataLink a = new InMemoryDataLink(scheduler);
        InMemoryDataLink b = new InMemoryDataLink(scheduler);
        a.peer = b;
        b.peer = a;
        return new InMemoryDataLink[] {a, b};
    }

    public void attach(DataLinkUser layer3) {
        this.user = layer3;
    }

    @Override
    public void establish() {
        if (up) {
            return;
        }
        scheduler.execute(() -> {
            if (!up) {
                setUp(true);
                peer.setUp(true);
            }
        });
    }

    /** Breaks the link in both directions, as a cable pull would. */
    public void fail(String reason) {
        scheduler.execute(() -> {
            if (up) {
                up = false;
                peer.up = false;
                user.onDataLinkDown(reason);
                peer.user.onDataLinkDown(reason);
            }
        });
    }

    private void setUp(boolean value) {
        up = value;
        user.onDataLinkUp();
        while (!queued.isEmpty()) {
            send(queued.poll());
        }
    }

    @Override
    public void send(byte[] layer3Message) {
        if (!up) {
            queued.add(layer3Message.clone());
            return;
        }
        byte[] copy = layer3Message.clone();
        scheduler.execute(() -> peer.user.onData(copy));
    }

    @Override
    public boolean isUp() {
        return up;
    }
}
