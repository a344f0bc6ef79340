package io.branchbox.firmware.isdn.lapd;

import io.branchbox.time.Scheduler;
import io.branchbox.time.Scheduler.Timer;
import java.util.function.Consumer;

/**
 * T200, T203 and the re-establishment pause of one link. An expiry is handed to the link as an
 * event for its current state. Not thread-safe: the scheduler's thread only.
 */
final class LinkTimers {
    private final Scheduler scheduler;
    private final LapdSettings settings;
    private final Consumer<Consumer<LinkState>> events;
    private Timer t200 = Timer.NONE;
    private Timer t203 = Timer.NONE;
    private Timer retry = Timer.NONE;

    /** @param events runs an event on the link's current state, then the link's after-event work */
    LinkTimers(Scheduler scheduler, LapdSettings settings, Consumer<Consumer<LinkState>> events) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.events = events;
    }

    /** Restarts T200; T203 never runs at the same time (Q.921 5.6.3). */
    void startT200() {
        t200.cancel();
        stopT203();
        t200 = scheduler.schedule(settings.t200(), () -> {
            t200 = Timer.NONE;
            events.accept(LinkState::onT200);
        });
    }

    void stopT200() {
        t200.cancel();
        t200 = Timer.NONE;
    }

    boolean t200Running() {
        return t200.isPending();
    }

    void startT203() {
        t203.cancel();
        t203 = scheduler.schedule(settings.t203(), () -> {
            t203 = Timer.NONE;
            events.accept(LinkState::onT203);
        });
    }

    void startRetry() {
        retry.cancel();
        retry = scheduler.schedule(settings.reestablishDelay(), () -> {
            retry = Timer.NONE;
            events.accept(LinkState::onRetryTimer);
        });
    }

    void stopRetry() {
        retry.cancel();
        retry = Timer.NONE;
    }

    void stopAll() {
        stopT200();
        stopT203();
        stopRetry();
    }

    private void stopT203() {
        t203.cancel();
        t203 = Timer.NONE;
    }
}
