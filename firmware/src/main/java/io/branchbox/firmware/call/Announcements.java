package io.branchbox.firmware.call;

import io.branchbox.time.Scheduler;
import java.time.Duration;

/**
 * Tells a waiting caller their position and expected wait every {@code announceEveryS} seconds of
 * their queue (never when it is 0), then goes back to the music. The estimate is the ACD's
 * ({@link io.branchbox.firmware.acd.Acd#expectedWait}).
 *
 * <p>A policy with its own timer: it reads the line through {@link Line} and speaks through
 * {@link Speaker}, and knows nothing of the call manager, so it is tested alone in virtual time
 * ({@code AnnouncementsTest}). The timer lives in the call's {@code announceTimer}, written only
 * here; whoever takes the call out of the queue cancels it.
 *
 * <p>Signalling thread only.
 */
final class Announcements {
    /** What the queue knows about a waiting call. */
    interface Line {
        /** Seconds between announcements in {@code queue}; 0: none. */
        int everyS(String queue);

        /** The call's place in line, 1 first; 0 when it is not in line. */
        int position(String callId);

        Duration expectedWait(String callId);
    }

    /** The caller's ear: the far side's channel. */
    interface Speaker {
        /** Plays the announcement; {@code done} is run on the signalling thread when it has been heard. */
        void announce(Call call, int position, Duration wait, Runnable done);

        /** Back to the music on hold. */
        void music(Call call);
    }

    private final Scheduler scheduler;
    private final Line line;
    private final Speaker speaker;

    Announcements(Scheduler scheduler, Line line, Speaker speaker) {
        this.scheduler = scheduler;
        this.line = line;
        this.speaker = speaker;
    }

    /** Starts the announcements of a call that just joined a queue (again: the count restarts). */
    void arm(Call call) {
        call.announceTimer.cancel();
        int every = line.everyS(call.queue());
        if (every > 0) {
            call.announceTimer = scheduler.schedule(Duration.ofSeconds(every), () -> announce(call));
        }
    }

    private void announce(Call call) {
        if (call.state() != Call.State.QUEUED) {
            return;
        }
        int position = line.position(call.id());
        if (position > 0) {
            speaker.announce(call, position, line.expectedWait(call.id()), () -> {
                // a seat may have started ringing during the announcement: the caller waits on
                // with the music rather than in silence until the agent answers
                if (call.state() == Call.State.QUEUED || call.state() == Call.State.OFFERED) {
                    speaker.music(call);
                }
            });
        }
        arm(call);
    }
}
