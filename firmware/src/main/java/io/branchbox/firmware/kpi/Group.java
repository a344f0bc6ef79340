package io.branchbox.firmware.kpi;

/** One row's key: the whole branch ({@code name} "all"), an agent, a queue or a shift. */
public record Group(Grouping by, String name) implements Comparable<Group> {
    public static final Group ALL = new Group(Grouping.ALL, "all");

    public static Group agent(String id) {
        return new Group(Grouping.AGENT, id);
    }

    public static Group queue(String name) {
        return new Group(Grouping.QUEUE, name);
    }

    public static Group shift(String name) {
        return new Group(Grouping.SHIFT, name);
    }

    /** "all", "agent:a1", "queue:repair", "shift:morning": the key in roll-up files. */
    public String key() {
        return by == Grouping.ALL ? "all" : by.key() + ":" + name;
    }

    /** The group of a roll-up key, or null if it is not one. */
    public static Group parse(String key) {
        if ("all".equals(key)) {
            return ALL;
        }
        int colon = key.indexOf(':');
        Grouping g = colon < 0 ? null : Grouping.byKey(key.substring(0, colon));
        return g == null || g == Grouping.ALL ? null : new Group(g, key.substring(colon + 1));
    }

    /**
     * Written out rather than the record's generated form: the fold looks groups up in hash maps
     * tens of times per call, and the generated form (a method-handle chain) stays slow in a
     * short-lived JVM with C1 only (docs/BENCHMARKS.md).
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Group g && by == g.by && java.util.Objects.equals(name, g.name);
    }

    @Override
    public int hashCode() {
        return 31 * by.ordinal() + java.util.Objects.hashCode(name);
    }

    @Override
    public int compareTo(Group o) {
        int c = by.compareTo(o.by);
        return c != 0 ? c : name.compareTo(o.name);
    }
}
