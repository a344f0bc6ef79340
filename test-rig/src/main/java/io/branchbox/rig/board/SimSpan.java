package io.branchbox.rig.board;

import io.branchbox.drivers.cb1.msg.SpanStatus;

/** One simulated E1 span: configuration, alarms, line counters and its D-channel peer. Core thread only. */
final class SimSpan {
    boolean configured;
    int alarms;
    long crcErrors;
    long slips;
    long bpv;
    DChannelPeer peer;

    /** D-channel frames pass only on a configured span with layer 1 up. */
    boolean relays(boolean hostLost) {
        return configured && !hostLost && (alarms & SpanStatus.LAYER1_DOWN_MASK) == 0;
    }

    void reset() {
        configured = false;
    }
}
