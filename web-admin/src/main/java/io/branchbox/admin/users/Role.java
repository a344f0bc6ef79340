package io.branchbox.admin.users;

/**
 * What a web user may do. Roles are ranked: a role may do everything the roles below it may.
 *
 * <p>{@link #TECHNICIAN} is the full administrator (installs the box, manages users);
 * {@link #SUPERVISOR} also listens to recordings and scores calls; {@link #AGENT} uses the agent
 * console; {@link #VIEWER} only sees the live status.
 */
public enum Role {
    VIEWER(0),
    AGENT(1),
    SUPERVISOR(2),
    TECHNICIAN(3);

    private final int rank;

    Role(int rank) {
        this.rank = rank;
    }

    /** Whether a user with this role may use something that requires {@code required}. */
    public boolean covers(Role required) {
        return rank >= required.rank;
    }
}
