package io.branchbox.firmware.isdn.q931;

import io.branchbox.firmware.isdn.DataLink;
import io.branchbox.time.Scheduler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls of one interface by call reference, and the shared means they act through: the data
 * link, the scheduler, the timer values, the B-channels and call control. Signalling thread only.
 */
final class CallRegistry implements CallContext {
    private static final Logger log = LoggerFactory.getLogger(CallRegistry.class);
    private static final int MAX_CALL_REFERENCE = 0x7FFF;

    private final Map<CallKey, CallStateMachine> calls = new LinkedHashMap<>();
    private final DataLink link;
    private final Scheduler scheduler;
    private final Q931Timers timers;
    private final BChannels channels;
    private final TrunkCallHandler handler;
    private int nextReference = 1;

    CallRegistry(DataLink link, Scheduler scheduler, Q931Timers timers, BChannels channels, TrunkCallHandler handler) {
        this.link = link;
        this.scheduler = scheduler;
        this.timers = timers;
        this.channels = channels;
        this.handler = handler;
    }

    @Override
    public void send(Q931Message m) {
        log.debug("send {}", m);
        link.send(Q931Codec.encode(m));
    }

    @Override
    public void sendFirstAnswer(Q931Message m) {
        log.debug("send first {}", m);
        link.sendFirstAnswer(Q931Codec.encode(m));
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public Q931Timers timers() {
        return timers;
    }

    @Override
    public BChannels channels() {
        return channels;
    }

    @Override
    public TrunkCallHandler handler() {
        return handler;
    }

    @Override
    public void remove(CallStateMachine call) {
        calls.remove(call.key());
    }

    DataLink link() {
        return link;
    }

    void add(CallStateMachine call) {
        calls.put(call.key(), call);
    }

    CallStateMachine get(CallKey key) {
        return calls.get(key);
    }

    List<CallStateMachine> all() {
        return new ArrayList<>(calls.values());
    }

    Optional<CallStateMachine> onChannel(int ts) {
        return channels.owner(ts).map(calls::get);
    }

    /** A call reference value not in use by another call the box originated. */
    int allocateReference() {
        for (int tries = 0; tries < MAX_CALL_REFERENCE; tries++) {
            int candidate = nextReference;
            nextReference = nextReference == MAX_CALL_REFERENCE ? 1 : nextReference + 1;
            if (!calls.containsKey(new CallKey(candidate, true))) {
                return candidate;
            }
        }
        throw new IllegalStateException("all call references in use");
    }
}
