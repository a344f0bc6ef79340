package io.branchbox.firmware.stats;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Inbound callers lost before the box answered them, counted in {@link ServiceFigures#offered()}
 * (they were offered to the branch and lost): SETUPs the box refused ({@code call.refused}) and
 * inbound calls that ended before the box answered ({@code call.started} then {@code call.ended}
 * without {@code call.answered}, e.g. the audio channel did not open). Immutable.
 *
 * @param refused refused SETUPs
 * @param failed  inbound calls that failed before the answer
 * @param byCause both together, by Q.850 cause value (ascending)
 */
public record LostAttempts(int refused, int failed, Map<Integer, Integer> byCause) {

    /** Nothing lost. */
    public static final LostAttempts NONE = new LostAttempts(0, 0, Map.of());

    public LostAttempts {
        byCause = byCause == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(byCause));
    }

    public int total() {
        return refused + failed;
    }

    /** Adds these figures to the MQTT payload map. */
    void putInto(Map<String, Object> m) {
        m.put("refused", refused);
        m.put("failedInbound", failed);
        Map<String, Integer> causes = new TreeMap<>();
        byCause.forEach((c, n) -> causes.put(String.valueOf(c), n));
        m.put("lostByCause", causes);
    }
}
