package io.branchbox.firmware.kpi;

/** How a report's rows are cut: the whole branch, or one row per agent, queue or shift. */
public enum Grouping {
    ALL("all"), AGENT("agent"), QUEUE("queue"), SHIFT("shift");

    private final String key;

    Grouping(String key) {
        this.key = key;
    }

    /** The name on the command line ({@code --by}) and in JSON. */
    public String key() {
        return key;
    }

    /** The grouping named {@code key}, or null. */
    public static Grouping byKey(String key) {
        for (Grouping g : values()) {
            if (g.key.equals(key)) {
                return g;
            }
        }
        return null;
    }

    /**
     * Whether {@code kpi} means something per row of this grouping. Per agent, the figures of the
     * queue before an agent answered (response time, speed of answer, service level, answer and
     * abandon rates) are not the agent's: they are left out rather than shown as 0.
     */
    public boolean applies(Kpi kpi) {
        if (this == AGENT) {
            return switch (kpi) {
                case RESPONSE_TIME, MANUAL_ANSWER_RATE, SERVICE_LEVEL, ABANDON_RATE, ASA -> false;
                default -> true;
            };
        }
        if (this == QUEUE) {
            return kpi != Kpi.OCCUPANCY && kpi.family() == Kpi.Family.CALLS;
        }
        return true;
    }
}
