package io.branchbox.firmware.call;

import io.branchbox.firmware.isdn.q931.Q850Cause;

/** A caller on span 0 timeslot 1 for the policies' own tests: only the numbers matter there. */
record TestCaller(String callingNumber, String calledNumber) implements TrunkCall {
    TestCaller(String callingNumber) {
        this(callingNumber, "95598");
    }

    @Override public String trunk() { return "span0/ts1"; }
    @Override public int audioUnit() { return 0x10; }
    @Override public int audioChan() { return 1; }
    @Override public void answer() { }
    @Override public void hangup(Q850Cause cause) { }
}
