package io.branchbox.firmware.stats;

import io.branchbox.firmware.journal.JournalEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a journal trace written for people: one event a line, "local time, type, call, agent,
 * queue, key=value...", "-" for an empty column, "#" for comments. See
 * {@code src/test/resources/stats/scenario-1.trace}.
 */
final class ScenarioTrace {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private ScenarioTrace() {}

    /** The local time {@code hh:mm:ss} of the scenario's day as an instant. */
    static Instant at(String hms) {
        return DAY.atTime(LocalTime.parse(hms)).atZone(ZONE).toInstant();
    }

    static List<JournalEvent> load(String resource) {
        List<JournalEvent> out = new ArrayList<>();
        try (InputStream in = ScenarioTrace.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(parse(line.trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static JournalEvent parse(String line) {
        String[] f = line.split("\\s+");
        if (f.length < 5) {
            throw new IllegalArgumentException("trace line needs time, type, call, agent, queue: " + line);
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 5; i < f.length; i++) {
            int eq = f[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("attribute '" + f[i] + "' is not key=value: " + line);
            }
            attrs.put(f[i].substring(0, eq), f[i].substring(eq + 1));
        }
        return JournalEvent.of(at(f[0]), f[1], column(f[2]), column(f[3]), column(f[4]), attrs);
    }

    private static String column(String s) {
        return "-".equals(s) ? null : s;
    }
}
