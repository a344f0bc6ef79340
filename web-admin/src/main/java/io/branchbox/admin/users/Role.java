package io.branchbox.admin.users;

import java.util.EnumSet;
import java.util.Set;

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

    /**
     * The permissions this role grants. Until roles become sets of permissions per user, the
     * ranking maps onto them: each role holds its own and all those of the roles below it.
     */
    public Set<Permission> permissions() {
        EnumSet<Permission> p = EnumSet.of(Permission.STATUS_VIEW);
        if (covers(AGENT)) {
            p.addAll(EnumSet.of(Permission.CONSOLE_USE, Permission.WORKORDERS_USE, Permission.QA_OWN_RESULTS));
        }
        if (covers(SUPERVISOR)) {
            p.addAll(EnumSet.of(Permission.WALLBOARD_VIEW, Permission.RECORDINGS_LISTEN,
                    Permission.RECORDINGS_MANAGE, Permission.REPORTS_VIEW, Permission.AGENTS_SUPERVISE,
                    Permission.WORKORDERS_SUPERVISE, Permission.QA_SCORE, Permission.QA_MANAGE));
        }
        if (covers(TECHNICIAN)) {
            p.addAll(EnumSet.allOf(Permission.class));
        }
        return Set.copyOf(p);
    }
}
