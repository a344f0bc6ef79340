package io.branchbox.firmware.workorder;

/**
 * One stage a person enters on a work order; each entry is its own journal event
 * {@code workorder.<event name>} ({@link #eventType()}), never merged with another.
 * Which stage may follow which is {@link Transitions}' job; who may enter it is
 * {@link #entitled(ActorRole)}.
 */
public enum Stage {
    ACCEPT("accepted"),
    DISPATCH("dispatched"),
    ARRIVE("arrived"),
    COMPLETE("completed"),
    ASSIGN("assigned"),
    HANDLE("handled"),
    PASS_ON("passed"),
    ANSWER_RECEIVED("answered"),
    /** A call to the customer: repair callback 回访, complaint feedback, inquiry answer. Needs an outcome. */
    CALLBACK("callback"),
    CLOSE("closed");

    /** Prefix of every work-order journal event type. */
    public static final String EVENT_PREFIX = "workorder.";

    private final String eventName;

    Stage(String eventName) {
        this.eventName = eventName;
    }

    /** The journal event type, e.g. {@code workorder.arrived}. */
    public String eventType() {
        return EVENT_PREFIX + eventName;
    }

    /** The stage journaled as {@code type}, or {@code null} for another event. */
    public static Stage ofEventType(String type) {
        for (Stage s : values()) {
            if (s.eventType().equals(type)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Whether a person in {@code role} may enter this stage. The crew reports only what it sees on
     * site (arrival, completion) and nothing else; agents and leads never report for a crew, so the
     * gap between dispatch and arrival is always the crew's own word with its own call as proof.
     */
    public boolean entitled(ActorRole role) {
        return switch (this) {
            case ARRIVE, COMPLETE -> role == ActorRole.CREW;
            default -> role == ActorRole.AGENT || role == ActorRole.LEAD;
        };
    }
}
