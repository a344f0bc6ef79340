package io.branchbox.firmware.isdn.lapd;

/**
 * One state of the Q.921 multiple-frame state machine (annex B numbering). Every event defaults
 * to "ignore and stay", so each state writes only what Q.921 gives it to do.
 *
 * <p>Called on the link's thread only, by {@link LapdLink}.
 */
interface LinkState {

    /** For logs, e.g. "multiple-frame-established(7)". */
    String name();

    /** Whether layer 3 may exchange I frames in this state (7 and 8). */
    default boolean isUp() {
        return false;
    }

    /** Runs right after the link switched to this state, before layer 3 hears about it. */
    default void enter() {}

    /** DL-ESTABLISH request. */
    default void onEstablishRequest() {}

    /** DL-RELEASE request. */
    default void onReleaseRequest() {}

    default void onSabme(boolean p) {}

    default void onDisc(boolean p) {}

    default void onUa(boolean f) {}

    default void onDm(boolean f) {}

    default void onFrmr() {}

    default void onI(LapdFrame.I frame) {}

    default void onSupervisory(LapdFrame.Supervisory frame, boolean command) {}

    /** A malformed frame that Q.921 maps to an MDL-ERROR (L, M, N or O). */
    default void onFrameError(MdlError code) {}

    default void onT200() {}

    default void onT203() {}

    /** The re-establishment pause after a loss has ended. */
    default void onRetryTimer() {}

    /** After each event: send what is queued and any pending acknowledgement. */
    default void flush() {}
}
