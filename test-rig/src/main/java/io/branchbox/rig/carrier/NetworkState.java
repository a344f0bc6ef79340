package io.branchbox.rig.carrier;

/** The network-side call states the simulator uses (Q.931 clause 2.2), with their numbers. */
public enum NetworkState {
    N0(0), N1(1), N3(3), N4(4), N6(6), N7(7), N8(8), N9(9), N10(10), N11(11), N12(12), N19(19);

    private final int code;

    NetworkState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
