package io.branchbox.firmware.store;

import java.time.Duration;
import java.time.Instant;

/**
 * What call handling adds to a {@link CallRecord}: holds, transfers, wrap-up, survey, night
 * service, voicemail and callback. Immutable; {@link CallRecordFold} derives it from the journal.
 *
 * <p>Text fields are clipped to their column widths (a long note from the console must not make
 * the projection fail forever). {@code heldSince} is the fold's own state: when the caller went on
 * hold, null while not on hold; {@code holdMs} only counts finished holds.
 *
 * @param wrapUpCode        the last wrap-up code the agent chose, null if none
 * @param notes             the agent's notes, null if none
 * @param customerName      the caller's name as the agent entered it, null if none
 * @param holds             how many times the caller was put on hold (a consultation counts as one)
 * @param holdMs            total time on hold, finished holds only
 * @param heldSince         start of the hold in progress, null when not on hold
 * @param transfers         how many times the call was transferred
 * @param lastAgentId       the last agent who talked to the caller (the answering one is {@link CallRecord#agentId()})
 * @param priority          the caller's priority in the queue (0..9), null if never queued
 * @param voicemailFile     the voicemail the caller left, null if none
 * @param nightService      the call came outside business hours and got the night service
 * @param callbackRequested the caller booked a callback
 * @param surveyRating      the caller's survey rating (1 satisfied, 2 neutral, 3 dissatisfied), null if not rated
 */
public record CallHandling(
        String wrapUpCode, String notes, String customerName, int holds, long holdMs, Instant heldSince,
        int transfers, String lastAgentId, Integer priority, String voicemailFile, boolean nightService,
        boolean callbackRequested, Integer surveyRating) {

    /** Nothing handled yet. */
    public static final CallHandling NONE =
            new CallHandling(null, null, null, 0, 0, null, 0, null, null, null, false, false, null);

    public CallHandling {
        wrapUpCode = clip(wrapUpCode, 64);
        notes = clip(notes, 2000);
        customerName = clip(customerName, 128);
        lastAgentId = clip(lastAgentId, 64);
        voicemailFile = clip(voicemailFile, 512);
    }

    public CallHandling withWrapUp(String code, String newNotes, String customer) {
        return new CallHandling(code, newNotes, customer, holds, holdMs, heldSince, transfers, lastAgentId,
                priority, voicemailFile, nightService, callbackRequested, surveyRating);
    }

    /** On hold from {@code at}; a hold already in progress goes on (counted once). */
    public CallHandling held(Instant at) {
        if (heldSince != null) {
            return this;
        }
        return new CallHandling(wrapUpCode, notes, customerName, holds + 1, holdMs, at, transfers, lastAgentId,
                priority, voicemailFile, nightService, callbackRequested, surveyRating);
    }

    /** Off hold at {@code at}, adding the hold's length; nothing when not on hold. */
    public CallHandling retrieved(Instant at) {
        if (heldSince == null) {
            return this;
        }
        long ms = Math.max(0, Duration.between(heldSince, at).toMillis());
        return new CallHandling(wrapUpCode, notes, customerName, holds, holdMs + ms, null, transfers, lastAgentId,
                priority, voicemailFile, nightService, callbackRequested, surveyRating);
    }

    public CallHandling transferred() {
        return new CallHandling(wrapUpCode, notes, customerName, holds, holdMs, heldSince, transfers + 1,
                lastAgentId, priority, voicemailFile, nightService, callbackRequested, surveyRating);
    }

    public CallHandling withLastAgent(String agentId) {
        return new CallHandling(wrapUpCode, notes, customerName, holds, holdMs, heldSince, transfers, agentId,
                priority, voicemailFile, nightService, callbackRequested, surveyRating);
    }

    public CallHandling withPriority(Integer p) {
        return new CallHandling(wrapUpCode, notes, customerName, holds, holdMs, heldSince, transfers, lastAgentId,
                p, voicemailFile, nightService, callbackRequested, surveyRating);
    }

    public CallHandling withVoicemail(String file) {
        return new CallHandling(wrapUpCode, notes, customerName, holds, holdMs, heldSince, transfers, lastAgentId,
                priority, file, nightService, callbackRequested, surveyRating);
    }

    public CallHandling withNightService() {
        return new CallHandling(wrapUpCode, notes, customerName, holds, holdMs, heldSince, transfers, lastAgentId,
                priority, voicemailFile, true, callbackRequested, surveyRating);
    }

    public CallHandling withCallbackRequested() {
        return new CallHandling(wrapUpCode, notes, customerName, holds, holdMs, heldSince, transfers, lastAgentId,
                priority, voicemailFile, nightService, true, surveyRating);
    }

    public CallHandling withSurveyRating(Integer rating) {
        return new CallHandling(wrapUpCode, notes, customerName, holds, holdMs, heldSince, transfers, lastAgentId,
                priority, voicemailFile, nightService, callbackRequested, rating);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
