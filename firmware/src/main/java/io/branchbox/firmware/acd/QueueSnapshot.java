package io.branchbox.firmware.acd;

import java.time.Instant;
import java.util.List;

/**
 * One queue as a live view shows it, taken at one moment on the signalling thread; immutable, so
 * it may be handed to any thread.
 *
 * @param waiting callers in line (not counting calls ringing at a seat)
 * @param oldestSince the earliest {@link Waiting#placeSince} in line, null when nobody waits
 * @param ready agents serving the queue who are READY
 * @param busy agents serving the queue who are offered a call, on a call or wrapping up
 * @param notReady agents serving the queue who are NOT_READY (logged-out agents are not counted)
 */
public record QueueSnapshot(String name, int waiting, Instant oldestSince, int ready, int busy, int notReady) {

    /** Counts {@code serving}, the agents who take the queue's calls, by state. */
    static QueueSnapshot of(String name, int waiting, Instant oldestSince, List<Agent> serving) {
        int ready = 0;
        int busy = 0;
        int notReady = 0;
        for (Agent a : serving) {
            switch (a.state()) {
                case READY -> ready++;
                case OFFERED, ON_CALL, WRAP_UP -> busy++;
                case NOT_READY -> notReady++;
                case LOGGED_OUT -> { }
            }
        }
        return new QueueSnapshot(name, waiting, oldestSince, ready, busy, notReady);
    }
}
