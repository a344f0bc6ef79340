package io.branchbox.firmware.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 13, problem 6: an alarm the outbox refuses is kept (bounded) and sent later, in order. */
@Tag("faults")
class AlarmBacklogTest {
    private final List<String> outbox = new ArrayList<>();
    private boolean full;
    private final AlarmBacklog backlog = new AlarmBacklog(a -> {
        if (full) {
            return false;
        }
        outbox.add(a.code());
        return true;
    });

    @Test
    void refusedAlarmsAreSentInOrderWhenTheOutboxTakesThemAgain() {
        full = true;
        backlog.offer(alarm("RECORDING_STORAGE"));
        backlog.offer(alarm("JOURNAL_WRITE"));
        assertEquals(List.of(), outbox);
        assertEquals(2, backlog.waiting());

        full = false;
        backlog.offer(alarm("BOARD_DOWN"));
        assertEquals(List.of("RECORDING_STORAGE", "JOURNAL_WRITE", "BOARD_DOWN"), outbox);
        assertEquals(0, backlog.waiting());
    }

    @Test
    void theBacklogIsBoundedAndDropsTheOldest() {
        full = true;
        for (int i = 0; i < AlarmBacklog.CAPACITY + 10; i++) {
            backlog.offer(alarm("A" + i));
        }
        assertEquals(AlarmBacklog.CAPACITY, backlog.waiting());
        assertEquals(10, backlog.dropped());
        full = false;
        assertEquals(0, backlog.retry());
        assertEquals("A10", outbox.get(0));
    }

    private static Alarm alarm(String code) {
        return new Alarm(code, Alarm.Severity.MAJOR, code, Map.of());
    }
}
