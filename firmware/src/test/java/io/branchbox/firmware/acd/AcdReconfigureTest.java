package io.branchbox.firmware.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A saved configuration reaches the ACD live without losing who waits and who talks. */
class AcdReconfigureTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC);

    private static BoxConfig.Queue q(String name, BoxConfig.Strategy s) {
        return new BoxConfig.Queue(name, s, 12, 10, 600, "");
    }

    @Test
    void changedQueuesAndAgentsApplyWhileCallersKeepTheirPlace() {
        Acd acd = new Acd(List.of(q("repair", BoxConfig.Strategy.LONGEST_IDLE), q("old", BoxConfig.Strategy.LONGEST_IDLE)),
                clock);
        Agent a1 = Agent.from(new BoxConfig.Agent("a1", "A1", 1, List.of("repair")), clock.instant());
        acd.login(a1);
        acd.addAgent(Agent.from(new BoxConfig.Agent("gone", "G", 0, List.of("repair")), clock.instant()));
        acd.enqueue("c1", "old");
        acd.enqueue("c2", "repair");

        Acd.Reconfigured r = acd.reconfigure(
                List.of(q("repair", BoxConfig.Strategy.ROUND_ROBIN), q("billing", BoxConfig.Strategy.FEWEST_CALLS)),
                List.of(new BoxConfig.Agent("a1", "Agent One", 1, List.of("repair", "billing"), Map.of("power", 4)),
                        new BoxConfig.Agent("a2", "A2", 2, List.of("billing"))));

        assertEquals(BoxConfig.Strategy.ROUND_ROBIN, acd.queue("repair").strategy());
        assertEquals(List.of("repair", "billing", "old"), acd.queueNames(), "a removed queue serves who already waits");
        assertEquals(List.of("c1"), acd.waiting("old"));
        assertEquals(List.of("c2"), acd.waiting("repair"));
        acd.enqueue("c3", "billing");
        assertEquals(List.of("c3"), acd.waiting("billing"));
        assertEquals("Agent One", a1.name());
        assertEquals(List.of("repair", "billing"), a1.queues());
        assertEquals(4, a1.level("power"));
        assertEquals(AgentState.NOT_READY, a1.state(), "state kept");
        assertEquals(List.of("a2"), r.added().stream().map(Agent::id).toList());
        assertTrue(acd.agent("gone").isEmpty(), "a removed, logged-out agent is forgotten");

        acd.remove("c1");
        acd.reconfigure(List.of(q("repair", BoxConfig.Strategy.ROUND_ROBIN), q("billing", BoxConfig.Strategy.FEWEST_CALLS)),
                List.of());
        assertEquals(List.of("repair", "billing"), acd.queueNames());
        assertEquals(List.of("a1"), acd.agents().stream().map(Agent::id).toList(), "logged in: kept until logged out");
    }
}
