package io.branchbox.firmware.workorder;

import java.time.Instant;

/**
 * One stage as journaled: when, by whom, how, with which call as proof.
 *
 * @param seq     the journal sequence number of the event (the stage's identity)
 * @param crew    the crew dispatched to ({@link Stage#DISPATCH}) or reporting; empty otherwise
 * @param outcome the callback's outcome ({@link Stage#CALLBACK} only), else {@code null}
 * @param note    free text the person typed; empty when none
 */
public record StageRecord(long seq, Stage stage, Instant at, String by, ActorRole role, Via via, String callId,
        String crew, CallbackOutcome outcome, String note) {}
