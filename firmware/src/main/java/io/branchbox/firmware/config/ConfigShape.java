package io.branchbox.firmware.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that a JSON tree has the shape of a {@link BoxConfig}, field by field, with the records
 * themselves as the schema (so a field added to a record is known here at once): every unknown
 * field (with the nearest known name as a hint), every missing one, {@code null}, a wrong type, a
 * number out of an {@code int}'s range, an unknown enum value. Reports every problem with its
 * JSON path. Stateless.
 */
final class ConfigShape {
    private ConfigShape() {}

    static void check(JsonNode root, ConfigErrors e) {
        value(root, BoxConfig.class, "", e);
    }

    private static void value(JsonNode n, Type type, String at, ConfigErrors e) {
        String where = at.isEmpty() ? "document" : at;
        if (n == null || n.isNull()) {
            e.add(where, "null", "a value is required here, not null");
            return;
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type item = p.getActualTypeArguments()[raw == Map.class ? 1 : 0];
            if (raw == List.class) {
                if (!n.isArray()) {
                    e.add(where, "typeList", "must be a list [ … ]");
                    return;
                }
                for (int i = 0; i < n.size(); i++) {
                    value(n.get(i), item, at + "[" + i + "]", e);
                }
            } else if (raw == Map.class) {
                if (!n.isObject()) {
                    e.add(where, "typeObject", "must be an object { … }");
                    return;
                }
                n.properties().forEach(f -> value(f.getValue(), item, at + "." + f.getKey(), e));
            }
            return;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            e.require(n.isTextual(), where, "typeText", "must be a text in quotes");
        } else if (c == int.class || c == Integer.class || c == long.class) {
            boolean whole = n.isIntegralNumber();
            e.require(whole, where, "typeNumber", "must be a whole number");
            if (whole && c != long.class) {
                e.require(n.canConvertToInt(), where, "typeNumber", "must be a whole number");
            }
        } else if (c == double.class || c == Double.class) {
            e.require(n.isNumber(), where, "typeDecimal", "must be a number");
        } else if (c == boolean.class) {
            e.require(n.isBoolean(), where, "typeBoolean", "must be true or false");
        } else if (c.isEnum()) {
            String choices = Arrays.stream(c.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            boolean known = n.isTextual() && Arrays.stream(c.getEnumConstants()).anyMatch(k -> k.toString().equals(n.asText()));
            e.require(known, where, "oneOf", "must be one of " + choices, choices);
        } else if (c.isRecord()) {
            record(n, c, at, where, e);
        } else {
            throw new IllegalStateException("ConfigShape does not know " + c);
        }
    }

    private static void record(JsonNode n, Class<?> c, String at, String where, ConfigErrors e) {
        if (!n.isObject()) {
            e.add(where, "typeObject", "must be an object { … }");
            return;
        }
        RecordComponent[] fields = c.getRecordComponents();
        Set<String> known = Arrays.stream(fields).map(RecordComponent::getName).collect(Collectors.toSet());
        String prefix = at.isEmpty() ? "" : at + ".";
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                String hint = nearest(name, known);
                if (hint.isEmpty()) {
                    e.add(prefix + name, "unknownField", "unknown field '" + name + "'", name);
                } else {
                    e.add(prefix + name, "unknownFieldHint", "unknown field '" + name + "' (did you mean '" + hint + "'?)",
                            name, hint);
                }
            }
        }
        for (RecordComponent f : fields) {
            JsonNode v = n.get(f.getName());
            if (v == null) {
                e.missing(prefix + f.getName());
            } else {
                value(v, f.getGenericType(), prefix + f.getName(), e);
            }
        }
    }

    /** The known name closest to a misspelt one (edit distance at most 3), or "". */
    private static String nearest(String name, Set<String> known) {
        return known.stream().min(Comparator.comparingInt(k -> distance(k.toLowerCase(), name.toLowerCase())))
                .filter(k -> distance(k.toLowerCase(), name.toLowerCase()) <= 3).orElse("");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
