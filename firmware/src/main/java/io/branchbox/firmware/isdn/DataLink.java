package io.branchbox.firmware.isdn;

/**
 * Layer 2 as Q.931 sees it: an acknowledged pipe for layer-3 messages on one D-channel.
 *
 * <p>Implemented by the LAPD data link ({@code isdn.lapd}). Threading: every method is called on
 * the signalling scheduler's thread, and the implementation calls its {@link DataLinkUser} back on
 * that same thread.
 */
public interface DataLink {

    /** Asks for multiple-frame operation (DL-ESTABLISH request); the answer comes as a callback. */
    void establish();

    /** Sends one layer-3 message in an I-frame (DL-DATA request); queued while the link is down. */
    void send(byte[] layer3Message);

    /**
     * Sends a call's first answer to the network's SETUP ahead of messages that still wait for
     * the window (after other first answers waiting, in their order). Only for a call's first
     * message: nothing of the same call can then be overtaken, and Q.931 orders messages only
     * within a call. Why: in a burst of incoming calls, the answers to the network's SETUPs
     * (which T303 times on the network side) must not queue behind the CONNECTs and other
     * messages of earlier calls while the k = 7 window is full. A data link without such a queue
     * just sends it.
     */
    default void sendFirstAnswer(byte[] layer3Message) {
        send(layer3Message);
    }

    /** Whether multiple-frame operation is established. */
    boolean isUp();
}
