package io.branchbox.firmware.uplink;

import io.branchbox.time.Scheduler;
import java.util.function.IntSupplier;

/**
 * Carries one link's callbacks from the library's threads to the service's scheduler thread, and
 * drops them there if the link has since been replaced (its generation is no longer current):
 * a late PUBACK or loss report from a closed link must not touch the new connection's state.
 */
final class ScheduledLinkEvents implements MqttLink.Events {

    /** What the service does with the events, always on its scheduler thread. */
    interface Target {
        void onConnected();

        void onLinkFailed(String what, Throwable cause);

        void onPublished(long tag);

        void onMessage(String topic, byte[] payload);

        void onSubscribeFailed(String filter, Throwable cause);
    }

    private final Scheduler scheduler;
    private final IntSupplier currentGeneration;
    private final int generation;
    private final Target target;

    ScheduledLinkEvents(Scheduler scheduler, IntSupplier currentGeneration, int generation, Target target) {
        this.scheduler = scheduler;
        this.currentGeneration = currentGeneration;
        this.generation = generation;
        this.target = target;
    }

    private void onThread(Runnable r) {
        scheduler.execute(() -> {
            if (generation == currentGeneration.getAsInt()) {
                r.run();
            }
        });
    }

    @Override
    public void connected() {
        onThread(target::onConnected);
    }

    @Override
    public void connectFailed(Throwable cause) {
        onThread(() -> target.onLinkFailed("connect failed", cause));
    }

    @Override
    public void lost(Throwable cause) {
        onThread(() -> target.onLinkFailed("connection lost", cause));
    }

    @Override
    public void published(long tag) {
        onThread(() -> target.onPublished(tag));
    }

    @Override
    public void publishFailed(long tag, Throwable cause) {
        onThread(() -> target.onLinkFailed("publish " + tag + " failed", cause));
    }

    @Override
    public void messageArrived(String topic, byte[] payload) {
        onThread(() -> target.onMessage(topic, payload));
    }

    @Override
    public void subscribeFailed(String filter, Throwable cause) {
        onThread(() -> target.onSubscribeFailed(filter, cause));
    }
}
