package io.branchbox.firmware.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed between two documents, as one line per changed field a technician can read:
 * {@code queues[1].wrapUpS: 10 → 20}. Lists are compared by position; a whole element added or
 * removed is one change. The {@code revision} counter itself is not a change. Stateless.
 */
public final class ConfigDiff {
    private ConfigDiff() {}

    /**
     * One changed field: {@code before} or {@code after} is the value as compact JSON, or null
     * when the field (or list element) did not exist on that side.
     */
    public record Change(String path, String before, String after) {
        @Override
        public String toString() {
            return path + ": " + (before == null ? "(none)" : before) + " → " + (after == null ? "(none)" : after);
        }
    }

    /** The changes from {@code a} to {@code b}. */
    public static List<Change> between(BoxConfig a, BoxConfig b) {
        return between(ConfigDocuments.toTree(a), ConfigDocuments.toTree(b));
    }

    /** The changes from tree {@code a} to tree {@code b}, in document order. */
    public static List<Change> between(JsonNode a, JsonNode b) {
        List<Change> out = new ArrayList<>();
        walk("", a, b, out);
        return out;
    }

    private static void walk(String at, JsonNode a, JsonNode b, List<Change> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (at.isEmpty() && name.equals("revision")) {
                    continue;
                }
                walk(at.isEmpty() ? name : at + "." + name, a.get(name), b.get(name), out);
            }
        } else if (a != null && b != null && a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                walk(at + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (a == null || !a.equals(b)) {
            out.add(new Change(at, a == null ? null : a.toString(), b == null ? null : b.toString()));
        }
    }

}
