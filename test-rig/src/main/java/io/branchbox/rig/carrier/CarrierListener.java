package io.branchbox.rig.carrier;

/** What tests and the simulator UI hear about the carrier's calls. Called on the signalling thread. */
public interface CarrierListener {

    /** The box placed a call (SETUP received and a channel chosen). */
    default void onCallFromBox(OfferedCall call) {}

    /** A call was answered: CONNECT from the box, or the carrier answered the box's call. */
    default void onAnswered(OfferedCall call) {}

    /** A call reached N0 with this cause. */
    default void onCleared(OfferedCall call, int cause) {}
}
