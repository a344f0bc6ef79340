package io.branchbox.firmware.isdn;

/**
 * Layer 3's side of {@link DataLink}: the indications LAPD delivers upward (Q.921 primitives
 * DL-ESTABLISH indication/confirm, DL-RELEASE indication, DL-DATA indication).
 *
 * <p>Called on the signalling scheduler's thread.
 */
public interface DataLinkUser {

    /** Multiple-frame operation is (re-)established; layer 3 may need to resynchronise. */
    void onDataLinkUp();

    /** The link went down; {@code reason} says why in words a technician can read in a log. */
    void onDataLinkDown(String reason);

    /** One layer-3 message, received in sequence. The array belongs to the callee. */
    void onData(byte[] layer3Message);
}
