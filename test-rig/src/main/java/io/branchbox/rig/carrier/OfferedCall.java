package io.branchbox.rig.carrier;

import io.branchbox.firmware.isdn.q931.CallReference;
import java.util.concurrent.CompletableFuture;

/**
 * One call as the carrier simulator sees it: offered to the box ({@link CarrierNetworkSide#offerCall})
 * or placed by the box. Futures complete on the signalling scheduler's thread.
 */
public final class OfferedCall {
    private final CarrierNetworkSide network;
    private final int callReference;
    private final boolean fromBox;
    private final String calling;
    private final String called;
    private int timeslot;
    private NetworkState state;
    private int clearingCause;
    private final CompletableFuture<OfferedCall> answered = new CompletableFuture<>();
    private final CompletableFuture<Integer> cleared = new CompletableFuture<>();

    OfferedCall(CarrierNetworkSide network, int callReference, boolean fromBox, String calling, String called, int timeslot) {
        this.network = network;
        this.callReference = callReference;
        this.fromBox = fromBox;
        this.calling = calling;
        this.called = called;
        this.timeslot = timeslot;
        this.state = NetworkState.N0;
    }

    public int callReference() { return callReference; }
    public boolean fromBox() { return fromBox; }
    public String calling() { return calling; }
    public String called() { return called; }
    public int timeslot() { return timeslot; }
    public NetworkState state() { return state; }

    /** Completes when the call is answered (CONNECT received from the box, or sent to it). */
    public CompletableFuture<OfferedCall> answered() { return answered; }

    /** Completes with the clearing cause when the call reaches N0. */
    public CompletableFuture<Integer> cleared() { return cleared; }

    /** Clears the call from the network side with DISCONNECT. */
    public void hangup(int cause) {
        network.hangup(this, cause);
    }

    /** For a call from the box: ALERTING (the far end rings). */
    public void alert() {
        network.alert(this);
    }

    /** For a call from the box: CONNECT (the far end answers). */
    public void answer() {
        network.answer(this);
    }

    /** The call reference as the network sends it. */
    CallReference outgoingReference() {
        return CallReference.pri(callReference, fromBox);
    }

    void state(NetworkState next) { state = next; }
    void timeslot(int ts) { timeslot = ts; }
    int clearingCause() { return clearingCause; }
    void clearingCause(int cause) { clearingCause = cause; }

    @Override
    public String toString() {
        return "OfferedCall[cr=" + callReference + (fromBox ? " from box" : " to box") + " ts=" + timeslot + " " + state + "]";
    }
}
