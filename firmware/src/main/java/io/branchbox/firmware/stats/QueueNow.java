package io.branchbox.firmware.stats;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One queue as the wallboard shows it: now, and today so far (the site's local day). Times in
 * milliseconds. Built by {@link LiveQueueStats}.
 *
 * @param waiting           calls waiting for an agent in this queue now (ringing at a seat included)
 * @param longestWaitMs     how long the longest-waiting of them has waited in this queue (0 if none)
 * @param offered           calls that first entered a queue today with this one as their first queue
 * @param answered          of the calls first queued here, those first answered today
 * @param abandoned         of the calls first queued here, those abandoned today
 * @param flowedOut         of the calls first queued here, those that ended today in voicemail or a callback
 * @param answeredWithin20s of {@code answered}, those answered within 20 s of their first queue
 * @param agentsByState     logged-in agents of this queue by state name (as membership says); sorted
 */
public record QueueNow(String queue, int waiting, long longestWaitMs, int offered, int answered, int abandoned,
        int flowedOut, int answeredWithin20s, Map<String, Integer> agentsByState) {

    public QueueNow {
        agentsByState = Collections.unmodifiableMap(new TreeMap<>(agentsByState));
    }

    /**
     * Answered within 20 s over the calls whose wait ended today (answered + abandoned + flowed
     * out), in percent; 100 when none has ended. Calls still waiting are not in it yet.
     */
    public double serviceLevelPercent() {
        int done = answered + abandoned + flowedOut;
        return done == 0 ? 100.0 : 100.0 * answeredWithin20s / done;
    }
}
