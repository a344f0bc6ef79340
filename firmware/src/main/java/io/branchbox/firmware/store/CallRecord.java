package io.branchbox.firmware.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One call detail record, as the call-record table holds it. Immutable; the {@code with...}
 * methods return changed copies and are what {@link CallRecordProjector} uses.
 *
 * <p>{@code trunk} is the trunk's name ({@code "span0/ts1"}, {@code "fxo2"}), null for internal
 * calls. All other fields except {@code callId}, {@code direction}, {@code startedAt},
 * {@code disposition} and {@code handling} may be null. {@code recordingDurationMs} is null without
 * a recording. {@code agentId} and {@code seat} are the agent who answered first; after a transfer
 * the last one is {@link CallHandling#lastAgentId()}.
 */
public record CallRecord(
        String callId, CallDirection direction, String trunk, String callingNumber, String calledNumber,
        Instant startedAt, Instant answeredAt, Instant endedAt, String queue, String agentId, String seat,
        CallDisposition disposition, String releaseCause,
        String recordingFile, String recordingSha256, Long recordingDurationMs, CallHandling handling) {

    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(disposition, "disposition");
        handling = handling == null ? CallHandling.NONE : handling;
    }

    /** A record without call-handling details (as before call handling existed). */
    public CallRecord(
            String callId, CallDirection direction, String trunk, String callingNumber, String calledNumber,
            Instant startedAt, Instant answeredAt, Instant endedAt, String queue, String agentId, String seat,
            CallDisposition disposition, String releaseCause,
            String recordingFile, String recordingSha256, Long recordingDurationMs) {
        this(callId, direction, trunk, callingNumber, calledNumber, startedAt, answeredAt, endedAt, queue, agentId,
                seat, disposition, releaseCause, recordingFile, recordingSha256, recordingDurationMs, CallHandling.NONE);
    }

    /** A call that has just started. */
    public static CallRecord started(String callId, CallDirection direction, String trunk,
            String callingNumber, String calledNumber, Instant startedAt) {
        return new CallRecord(callId, direction, trunk, callingNumber, calledNumber, startedAt,
                null, null, null, null, null, CallDisposition.IN_PROGRESS, null, null, null, null, CallHandling.NONE);
    }

    /** The channel the call ended up on (an outbound call learns it only when answered). */
    public CallRecord withTrunk(String t) {
        return new CallRecord(callId, direction, t, callingNumber, calledNumber, startedAt, answeredAt, endedAt,
                queue, agentId, seat, disposition, releaseCause, recordingFile, recordingSha256, recordingDurationMs,
                handling);
    }

    public CallRecord withAnsweredAt(Instant at) {
        return new CallRecord(callId, direction, trunk, callingNumber, calledNumber, startedAt, at, endedAt,
                queue, agentId, seat, disposition, releaseCause, recordingFile, recordingSha256, recordingDurationMs,
                handling);
    }

    public CallRecord withQueue(String newQueue) {
        return new CallRecord(callId, direction, trunk, callingNumber, calledNumber, startedAt, answeredAt, endedAt,
                newQueue, agentId, seat, disposition, releaseCause, recordingFile, recordingSha256, recordingDurationMs,
                handling);
    }

    public CallRecord withAgent(String newAgentId, String newSeat) {
        return new CallRecord(callId, direction, trunk, callingNumber, calledNumber, startedAt, answeredAt, endedAt,
                queue, newAgentId, newSeat, disposition, releaseCause, recordingFile, recordingSha256,
                recordingDurationMs, handling);
    }

    public CallRecord withEnd(Instant at, CallDisposition newDisposition, String cause) {
        return new CallRecord(callId, direction, trunk, callingNumber, calledNumber, startedAt, answeredAt, at,
                queue, agentId, seat, newDisposition, cause, recordingFile, recordingSha256, recordingDurationMs,
                handling);
    }

    public CallRecord withRecording(String file, String sha256, Long durationMs) {
        return new CallRecord(callId, direction, trunk, callingNumber, calledNumber, startedAt, answeredAt, endedAt,
                queue, agentId, seat, disposition, releaseCause, file, sha256, durationMs, handling);
    }

    public CallRecord withHandling(CallHandling h) {
        return new CallRecord(callId, direction, trunk, callingNumber, calledNumber, startedAt, answeredAt, endedAt,
                queue, agentId, seat, disposition, releaseCause, recordingFile, recordingSha256, recordingDurationMs, h);
    }
}
