package io.branchbox.firmware.isdn.q931;

/**
 * What call control hears from the ISDN trunk.
 *
 * <p>Every method is called on the signalling scheduler's thread, and must not block. Calling back
 * into the {@link IsdnCall} from inside a callback is allowed.
 */
public interface TrunkCallHandler {

    /** The network offers a call (state U6). Answer with proceed/alert/answer or hangup. */
    void onIncomingCall(IsdnCall call);

    /** The network accepted our SETUP (CALL PROCEEDING); the channel is now known. */
    default void onProceeding(IsdnCall call) {}

    /** The far end is ringing (ALERTING). */
    default void onAlerting(IsdnCall call) {}

    /** In-band progress information ({@code description} per {@link ProgressIndicator}). */
    default void onProgress(IsdnCall call, int description) {}

    /** Our outgoing call was answered (CONNECT received, CONNECT ACKNOWLEDGE sent): state U10. */
    default void onAnswered(IsdnCall call) {}

    /** An incoming call we answered is confirmed by the network (CONNECT ACKNOWLEDGE): state U10. */
    default void onConnected(IsdnCall call) {}

    /**
     * The call is gone and its B-channel released. Called exactly once per call. A failed
     * outgoing call reports the cause the network or the box gave (34, 41, 42, 44 invite a retry).
     */
    void onCleared(IsdnCall call, Q850Cause cause, String location);

    /**
     * The box refused a network SETUP with RELEASE COMPLETE ({@link Refusal#cause()}). No call
     * exists for it; {@link #onCleared} is not called.
     */
    default void onRefused(Refusal refusal) {}

    /** A restart event a technician must see (alarm condition, answer to bad RESTART traffic). */
    default void onRestartEvent(RestartEvent event) {}
}
