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

    /** Whether multiple-frame operation is established. */
    boolean isUp();
}
