package io.branchbox.firmware.call;

import io.branchbox.firmware.audio.Prompts;
import io.branchbox.firmware.config.BoxConfig;
import java.time.Duration;

/**
 * Tells a waiting caller their position and expected wait every {@code announceEveryS} seconds of
 * their queue (never when it is 0), then goes back to the music. The estimate is the ACD's
 * ({@link io.branchbox.firmware.acd.Acd#expectedWait}).
 *
 * <p>Signalling thread only.
 */
final class Announcements {
    private final CallContext cx;

    Announcements(CallContext cx) {
        this.cx = cx;
    }

    /** Starts the announcements of a call that just joined a queue. */
    void arm(Call call) {
        call.announceTimer.cancel();
        BoxConfig.Queue q = cx.acd.queue(call.queue());
        if (q.announceEveryS() > 0) {
            call.announceTimer = cx.scheduler.schedule(Duration.ofSeconds(q.announceEveryS()), () -> announce(call));
        }
    }

    private void announce(Call call) {
        if (call.state() != Call.State.QUEUED) {
            return;
        }
        int position = cx.acd.position(call.id());
        if (position > 0) {
            Duration wait = cx.acd.expectedWait(call.id());
            cx.router.play(call.trunkChannel, cx.prompts.sequence(cx.prompts.positionAnnouncement(position, wait),
                    () -> cx.scheduler.execute(() -> {
                        if (call.state() == Call.State.QUEUED) {
                            cx.router.play(call.trunkChannel, Prompts.loop(cx.prompts.get("hold-music")));
                        }
                    })));
        }
        arm(call);
    }
}
