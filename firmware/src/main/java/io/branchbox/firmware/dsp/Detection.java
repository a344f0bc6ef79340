package io.branchbox.firmware.dsp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing heard on a line by {@link LineAnalyzer}.
 *
 * @param tMs milliseconds from the start of the recording to the start of the event
 * @param kind "dtmf", "tone" or "callerid"
 * @param fields the event's details in output order; values may be null
 */
public record Detection(long tMs, String kind, Map<String, Object> fields) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Detection {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** One JSON object, e.g. {@code {"t_ms":1200,"kind":"dtmf","digit":"5"}}. */
    public String toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("t_ms", tMs);
        out.put("kind", kind);
        out.putAll(fields);
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            // only strings, numbers and booleans go in, so this means a broken Jackson set-up
            throw new UncheckedIOException(e);
        }
    }
}
