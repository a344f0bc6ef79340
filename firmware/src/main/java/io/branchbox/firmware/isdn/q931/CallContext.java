package io.branchbox.firmware.isdn.q931;

import io.branchbox.time.Scheduler;

/** What a {@link CallStateMachine} needs from the layer that owns it. Signalling thread only. */
interface CallContext {
    void send(Q931Message m);

    /** Sends a call's first answer to the network's SETUP ahead of waiting messages ({@code DataLink#sendFirstAnswer}). */
    void sendFirstAnswer(Q931Message m);

    Scheduler scheduler();

    Q931Timers timers();

    BChannels channels();

    TrunkCallHandler handler();

    /** The call reached the null state: forget it. */
    void remove(CallStateMachine call);
}
