package io.branchbox.firmware.acd;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small ACD on virtual time for the tests of this package: queues, agents, and a record of offers. */
final class AcdFixture {
    final ManualScheduler time = new ManualScheduler();
    final Instant t0 = time.clock().instant();
    final Acd acd;
    /** "callId>agentId" for every offer made, in order. */
    final List<String> offers = new ArrayList<>();

    AcdFixture(BoxConfig.Queue... queues) {
        acd = new Acd(List.of(queues), time.clock());
    }

    static BoxConfig.Queue queue(String name, BoxConfig.Strategy strategy) {
        return new BoxConfig.Queue(name, strategy, 12, 10, 0, "");
    }

    static BoxConfig.Queue skilled(String name, String skill, int widenEveryS) {
        return new BoxConfig.Queue(name, BoxConfig.Strategy.LONGEST_IDLE, 12, 10, 0, "", BoxConfig.Overflow.NONE, 0,
                skill, widenEveryS, 0);
    }

    static BoxConfig.Queue limited(String name, int maxLength) {
        return new BoxConfig.Queue(name, BoxConfig.Strategy.LONGEST_IDLE, 12, 10, 0, "", BoxConfig.Overflow.NONE,
                maxLength, "", 0, 0);
    }

    /** Logs an agent in (seat = order of creation) and leaves them not ready. */
    Agent agent(String id, List<String> queues, Map<String, Integer> skills) {
        Agent a = new Agent(id, id, acd.agents().size() + 1, queues, skills, time.clock().instant());
        acd.login(a);
        return a;
    }

    Agent agent(String id, String... queues) {
        return agent(id, List.of(queues), Map.of());
    }

    Agent ready(Agent a) {
        acd.setState(a, AgentState.READY);
        return a;
    }

    void advance(long seconds) {
        time.advance(Duration.ofSeconds(seconds));
    }

    void dispatch() {
        acd.dispatch((callId, agent) -> offers.add(callId + ">" + agent.id()));
    }

    /** The agent ends their call and is ready again at once (no wrap-up), counting one call handled. */
    void finishCall(Agent a) {
        acd.setState(a, AgentState.ON_CALL);
        acd.release(a);
        acd.setState(a, AgentState.READY);
    }
}
