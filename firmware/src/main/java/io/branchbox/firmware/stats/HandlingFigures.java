package io.branchbox.firmware.stats;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The call-handling part of {@link ServiceFigures}: how calls left the queue other than by an
 * agent, the survey's other answers, holds, transfers, wrap-up, pauses, voicemail and callbacks.
 * Times in milliseconds; averages 0 when nothing was counted. Call figures count the calls that
 * ended in the interval; agent-time figures (wrap-up, not ready) count the periods that ended in
 * it; voicemails and callbacks count the events in it.
 *
 * @param flowedOut          offered calls that left a voicemail or booked a callback without an agent
 * @param ivrOnly            inbound calls that ended in the IVR without asking for an agent (night service excluded)
 * @param nightService       calls that reached the box outside business hours
 * @param neutral            answered calls rated 2 "neutral"
 * @param dissatisfied       answered calls rated 3 "dissatisfied"
 * @param holds              times callers of the answered calls were put on hold (a consultation counts)
 * @param holdMs             total hold time of the answered calls (inside their handle time)
 * @param transfers          transfers of the answered calls (blind and attended)
 * @param wrapUps            wrap-up periods that ended (any call, inbound or outbound)
 * @param avgWrapUpMs        average wrap-up period
 * @param voicemails         voicemails left
 * @param callbacksRequested callbacks booked
 * @param callbacksReached   callbacks that reached the caller
 * @param notReadyMs         not-ready time by reason code ("none" when the agent gave none); sorted
 */
public record HandlingFigures(int flowedOut, int ivrOnly, int nightService, int neutral, int dissatisfied, int holds,
        long holdMs, int transfers, int wrapUps, long avgWrapUpMs, int voicemails, int callbacksRequested,
        int callbacksReached, Map<String, Long> notReadyMs) {

    /** Nothing counted. */
    public static final HandlingFigures NONE = new HandlingFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());

    public HandlingFigures {
        notReadyMs = notReadyMs == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(notReadyMs));
    }

    /** Adds these figures to the MQTT payload map. */
    void putInto(Map<String, Object> m) {
        m.put("flowedOut", flowedOut);
        m.put("ivrOnly", ivrOnly);
        m.put("nightService", nightService);
        m.put("neutral", neutral);
        m.put("dissatisfied", dissatisfied);
        m.put("holds", holds);
        m.put("holdMs", holdMs);
        m.put("transfers", transfers);
        m.put("wrapUps", wrapUps);
        m.put("avgWrapUpMs", avgWrapUpMs);
        m.put("voicemails", voicemails);
        m.put("callbacksRequested", callbacksRequested);
        m.put("callbacksReached", callbacksReached);
        m.put("notReadyMs", new TreeMap<>(notReadyMs));
    }
}
