package io.branchbox.admin.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusViewTest {

    @Test
    void emptyViewHasEveryPartAndNoRows() {
        StatusView empty = StatusView.empty();

        assertEquals("unknown", empty.board().state());
        assertEquals(List.of(), empty.spans());
        assertEquals("unknown", empty.uplink().state());
    }

    @Test
    void listsAndMapsAreCopiedSoTheSnapshotCannotChangeUnderTheReader() {
        List<String> alarms = new ArrayList<>(List.of("AIS"));
        Map<String, Long> counters = new HashMap<>(Map.of("zeta", 1L, "alpha", 2L));

        StatusView.Span span = new StatusView.Span(1, true, alarms, false, 0, 30, 0);
        StatusView.Board board = new StatusView.Board("running", null, "s", "f", counters);
        alarms.add("LOS");
        counters.put("beta", 3L);

        assertEquals(List.of("AIS"), span.alarms());
        assertEquals(List.of("alpha", "zeta"), List.copyOf(board.counters().keySet()), "sorted by name");
        assertThrows(UnsupportedOperationException.class, () -> span.alarms().add("RAI"));
    }
}
