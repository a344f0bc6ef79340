package io.branchbox.firmware.workorder;

import java.util.Objects;

/**
 * Who enters a stage and how: a person's id (agent id, or crew id for a crew), their role, the
 * channel, and for {@link Via#PHONE} the id of the call they made, which is the stage's proof.
 */
public record Actor(String id, ActorRole role, Via via, String callId) {
    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(via, "via");
        callId = callId == null ? "" : callId;
        if (id.isBlank()) {
            throw new IllegalArgumentException("actor id must not be blank");
        }
    }

    /** A person on the web admin, no call. */
    public static Actor web(String id, ActorRole role) {
        return new Actor(id, role, Via.WEB, "");
    }
}
