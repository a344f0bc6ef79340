package io.branchbox.firmware.console;

/** Where a call is transferred: an agent (by id) or a queue (by name). */
public record TransferTarget(Kind kind, String name) {
    public enum Kind { AGENT, QUEUE }

    public static TransferTarget agent(String id) {
        return new TransferTarget(Kind.AGENT, id);
    }

    public static TransferTarget queue(String name) {
        return new TransferTarget(Kind.QUEUE, name);
    }

    /** As the journal writes it: "agent:ID" or "queue:NAME". */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}
